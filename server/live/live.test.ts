/**
 * The live session through its route handlers, on an in-memory database: who may start and push, what each
 * follower's stream carries (the bureau's side: parameters; a hospital user: its own hospital only), catch-up on
 * reconnect, hand-over, the end, the refusals and the audit log.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { getDb } from '@/server/db';
import { signedIn } from '@/server/auth/testing';
import { endUserSessions } from '@/server/auth/sessions';
import { LIVE_LIMITS } from './protocol';
import { saveDataset } from '@/server/services/datasets';
import { createRound, setRoundStatus } from '@/server/services/rounds';
import { syntheticCity } from '@/worker/settlement/testing/synthetic';
import { applyParamsPatch, type Params } from '@/worker/settlement/params-patch';
import { POST as start } from '@/app/api/live/route';
import { POST as act } from '@/app/api/live/[id]/route';
import { GET as events } from '@/app/api/live/[id]/events/route';
import type { BureauStateEvent, FollowersEvent, HospitalFiguresEvent, LiveMeta } from './protocol';
import { readEvents, type EventReader, type ReadEvent } from './sse-reader';
import { clearLiveSessions, liveEntry } from './store';

const URL_BASE = 'http://localhost/api/live';

let db: Db;
let city: { datasetId: number; hospitals: { code: string; name: string }[]; base: number; proposed: number; other: number };
const users = {} as Record<'panel' | 'policy' | 'panel2' | 'hospital' | 'hospital2', { username: string; cookie: string }>;

beforeAll(async () => {
  process.env.DRG_DB_PATH = ':memory:';
  db = getDb();
  const generated = syntheticCity({ seed: 7, hospitals: 8, drgs: 20, cases: 3000 });
  const caseId = Array.from({ length: generated.cases.count }, (_, i) => `C${i}`);
  const drgCode = Array.from(generated.cases.drg, (d) => generated.catalog[d]?.code ?? '');
  const datasetId = saveDataset(db, { name: '现场城', year: 2025 }, { ...generated, cases: { ...generated.cases, caseId, drgCode } });
  const budget = { employee: 4e7, resident: 3e7 };
  const base = createRound(db, 'seed', { datasetId, name: '第0轮', reason: null, parentId: null, params: { method: 'points', budget } });
  const proposed = createRound(db, 'seed', { datasetId, name: '第1轮', reason: null, parentId: base.id, params: { method: 'points', budget, level_coefficients: { 2: 0.9 } } });
  const other = createRound(db, 'seed', { datasetId, name: '第2轮', reason: null, parentId: proposed.id, params: { method: 'points', budget } });
  setRoundStatus(db, 'seed', base.id, 'proposed');
  city = { datasetId, hospitals: generated.hospitals, base: base.id, proposed: proposed.id, other: other.id };
  users.panel = await signedIn(db, 'panel');
  users.panel2 = await signedIn(db, 'panel');
  users.policy = await signedIn(db, 'policy');
  users.hospital = await signedIn(db, 'hospital', generated.hospitals[0]!.code);
  users.hospital2 = await signedIn(db, 'hospital', generated.hospitals[1]!.code);
});

const readers: EventReader[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
  clearLiveSessions();
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (url: string, cookie: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const startBody = () => ({ datasetId: city.datasetId, roundId: city.proposed, baselineId: city.base, compareIds: [] as number[], params: { method: 'points', budget: { employee: 4e7, resident: 3e7 }, level_coefficients: { 2: 0.9 } }, dirty: false });

async function startSession(who = users.panel): Promise<string> {
  const res = await start(post(URL_BASE, who.cookie, startBody()));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

let seq = 0;
function change(level2: number, extra: Partial<Record<string, unknown>> = {}) {
  return {
    type: 'state',
    seq: ++seq,
    params: { method: 'points', budget: { employee: 4e7, resident: 3e7 }, level_coefficients: { 2: level2 } },
    roundId: city.proposed,
    baselineId: city.base,
    compareIds: [],
    dirty: true,
    canUndo: true,
    canRedo: false,
    change: { kind: 'edit', label: `二级系数 → ${level2}` },
    ...extra,
  };
}

async function push(id: string, body: unknown, who = users.panel): Promise<Response> {
  return act(post(`${URL_BASE}/${id}`, who.cookie, body), ctx(id));
}

async function follow(id: string, who: { cookie: string }, headers: Record<string, string> = {}): Promise<EventReader> {
  const res = await events(new Request(`${URL_BASE}/${id}/events`, { headers: { cookie: who.cookie, ...headers } }), ctx(id));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = readEvents(res.body!);
  readers.push(reader);
  return reader;
}

const isState = (e: ReadEvent) => e.event === 'state';
const stateOf = (e: ReadEvent) => e.data as BureauStateEvent;

describe('live session: who may start and push', () => {
  it('a panel or policy user starts; a hospital user and a visitor are refused', async () => {
    expect((await start(post(URL_BASE, users.policy.cookie, startBody()))).status).toBe(201);
    expect((await start(post(URL_BASE, users.hospital.cookie, startBody()))).status).toBe(403);
    expect((await start(new Request(URL_BASE, { method: 'POST', body: JSON.stringify(startBody()) }))).status).toBe(401);
  });

  it('only the presenter may push: another panel member and a hospital user are refused, nothing changes', async () => {
    const id = await startSession();
    expect((await push(id, change(0.8), users.panel2)).status).toBe(403);
    expect((await push(id, change(0.8), users.hospital)).status).toBe(403);
    expect(liveEntry(id)!.core.meta.version).toBe(1);
    expect((await push(id, change(0.8))).status).toBe(200);
    expect(liveEntry(id)!.core.params.level_coefficients).toEqual({ 2: 0.8 });
  });

  it('refuses a bad post with what and why, and changes nothing', async () => {
    const id = await startSession();
    const ok = await push(id, change(0.85));
    expect(ok.status).toBe(200);
    const stale = await push(id, { ...change(0.7), seq: 1 });
    expect(stale.status).toBe(409);
    const otherBase = await push(id, { ...change(0.7), params: undefined, base: 1, patch: { 'level_coefficients.2': 0.7 } });
    expect(otherBase.status).toBe(409);
    expect(await otherBase.json()).toMatchObject({ sendWhole: true });
    const invalid = await push(id, change(-1));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { zh: string; en: string } }).error.en).toContain('level_coefficients');
    expect((await push(id, { ...change(0.7), compareIds: [999] })).status).toBe(404);
    expect((await push(id, { ...change(0.7), params: { method: 'points', note: 'x'.repeat(600_000) } })).status).toBe(413);
    expect((await act(post(`${URL_BASE}/${id}`, users.panel.cookie, change(0.7), { origin: 'http://evil.example' }), ctx(id))).status).toBe(403);
    expect((await push('no-such-session', change(0.7))).status).toBe(404);
    expect(liveEntry(id)!.core.params.level_coefficients).toEqual({ 2: 0.85 });
  });
});

describe('live session: what followers receive', () => {
  it("a bureau follower gets the parameters whole, then patches that rebuild the presenter's", async () => {
    const id = await startSession();
    const follower = await follow(id, users.policy);
    const first = stateOf(await follower.next(isState));
    expect(first.params).toEqual(startBody().params);
    let params = first.params as Params;
    for (const value of [0.88, 0.86, 0.9]) {
      expect((await push(id, change(value))).status).toBe(200);
      const next = stateOf(await follower.next(isState));
      expect(next.base).toBe(next.meta.version - 1);
      params = applyParamsPatch(params, next.patch!);
      expect(params).toEqual(liveEntry(id)!.core.params);
      expect(next.meta.change).toEqual({ kind: 'edit', label: `二级系数 → ${value}` });
    }
  });

  it("a reconnecting follower catches up from the presenter's current state, not a replay", async () => {
    const id = await startSession();
    const first = await follow(id, users.policy);
    const seen = await first.next(isState);
    await first.close();
    for (const value of [0.81, 0.82, 0.83]) await push(id, change(value));
    const again = await follow(id, users.policy, { 'last-event-id': seen.id! });
    const caughtUp = await again.next(isState);
    expect(stateOf(caughtUp).params?.level_coefficients).toEqual({ 2: 0.83 });
    expect(Number(caughtUp.id)).toBe(liveEntry(id)!.core.meta.version);
    await push(id, change(0.84));
    const next = stateOf(await again.next(isState));
    expect(next.patch).toEqual({ 'level_coefficients.2': 0.84 });
    expect(again.seen.filter(isState)).toHaveLength(2);
  });

  it('a hospital follower receives no parameters and nothing naming another hospital; its figures follow each change', async () => {
    const id = await startSession();
    const own = city.hospitals[0]!;
    const follower = await follow(id, users.hospital);
    const figures = (await follower.next((e) => e.event === 'figures')).data as HospitalFiguresEvent;
    expect(figures.figures?.hospital.code).toBe(own.code);
    const before = figures.figures!.round.statements.reduce((s, x) => s + x.settlementFen, 0);
    await push(id, change(0.7));
    const after = (await follower.next((e) => e.event === 'figures' && (e.data as HospitalFiguresEvent).version === liveEntry(id)!.core.meta.version)).data as HospitalFiguresEvent;
    expect(after.figures!.round.statements.reduce((s, x) => s + x.settlementFen, 0)).not.toBe(before);
    const text = JSON.stringify(follower.seen);
    expect(text).not.toContain('level_coefficients');
    expect(text).not.toContain('二级系数');
    for (const other of city.hospitals.slice(1)) {
      expect(text).not.toContain(`"${other.code}"`);
      expect(text).not.toContain(other.name);
    }
  });

  it('settles a burst of changes once, at its latest, however many hospitals follow', async () => {
    const id = await startSession();
    const a = await follow(id, users.hospital);
    const b = await follow(id, users.hospital2);
    await a.next((e) => e.event === 'figures');
    await b.next((e) => e.event === 'figures');
    const entry = liveEntry(id)!;
    const runs = entry.fanout.runs;
    await Promise.all([0.71, 0.72, 0.73, 0.74].map((v) => push(id, change(v))));
    const latest = entry.core.meta.version;
    const last = (e: ReadEvent) => e.event === 'figures' && (e.data as HospitalFiguresEvent).version === latest;
    await a.next(last);
    await b.next(last);
    expect(entry.fanout.runs - runs).toBe(1);
    expect(entry.fanout.lastRun).toMatchObject({ version: latest, hospitals: 2, followers: 2 });
    expect(a.seen.filter((e) => e.event === 'figures')).toHaveLength(2);
  });

  it('tells who follows: usernames to the bureau side, counts only to hospital users', async () => {
    const id = await startSession();
    const bureau = await follow(id, users.policy);
    const hospital = await follow(id, users.hospital);
    const counted = (e: ReadEvent) => e.event === 'followers' && (e.data as FollowersEvent).total === 2;
    expect((await bureau.next(counted)).data).toEqual({ total: 2, hospitals: 1, bureau: [users.policy.username] });
    expect((await hospital.next(counted)).data).toEqual({ total: 2, hospitals: 1, bureau: null });
  });
});

describe('live session: hand-over and end', () => {
  it('hands over to a panel member who follows; then only the new presenter may push', async () => {
    const id = await startSession();
    expect((await push(id, { type: 'handover', to: users.panel2.username })).status).toBe(404);
    const follower = await follow(id, users.panel2);
    await follower.next(isState);
    const hospital = await follow(id, users.hospital);
    expect((await push(id, { type: 'handover', to: users.hospital.username })).status).toBe(403);
    expect((await push(id, { type: 'handover', to: users.panel2.username })).status).toBe(200);
    const handed = stateOf(await follower.next(isState)).meta;
    expect(handed).toMatchObject({ presenter: users.panel2.username, change: { kind: 'handover' } });
    expect((await push(id, change(0.6))).status).toBe(403);
    seq = 0;
    expect((await push(id, change(0.6), users.panel2)).status).toBe(200);
    expect(liveEntry(id)!.core.params.level_coefficients).toEqual({ 2: 0.6 });
    await hospital.close();
  });

  it('ends: every follower is told and its stream closes; a later follower is told it ended', async () => {
    const id = await startSession();
    const follower = await follow(id, users.policy);
    expect((await push(id, { type: 'end' }, users.panel2)).status).toBe(403);
    expect((await push(id, { type: 'end' })).status).toBe(200);
    expect((await follower.next((e) => e.event === 'end')).data).toEqual({ reason: 'ended' });
    await expect(follower.next()).rejects.toThrow(/ended/);
    expect((await push(id, change(0.5))).status).toBe(410);
    const late = await follow(id, users.policy);
    expect((await late.next()).event).toBe('end');
  });

  it('audits the start, each user joining once, the hand-over and the end', async () => {
    const id = await startSession();
    const first = await follow(id, users.panel2);
    await first.next(isState);
    await first.close();
    await (await follow(id, users.panel2)).next(isState);
    await (await follow(id, users.hospital)).next(isState);
    await push(id, { type: 'handover', to: users.panel2.username });
    await push(id, { type: 'end' }, users.panel2);
    const rows = db.select().from(auditLog).where(eq(auditLog.entityId, city.proposed)).all().filter((r) => (r.detail as { session?: string } | null)?.session === id);
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ['live.start', users.panel.username],
      ['live.join', users.panel2.username],
      ['live.join', users.hospital.username],
      ['live.handover', users.panel.username],
      ['live.end', users.panel2.username],
    ]);
  });
});

describe('live session: meta', () => {
  it('names the rounds shown, from the database', async () => {
    const id = await startSession();
    await push(id, change(0.9, { compareIds: [city.other] }));
    const meta: LiveMeta = liveEntry(id)!.core.meta;
    expect(meta.round).toMatchObject({ id: city.proposed, name: '第1轮' });
    expect(meta.baseline).toEqual({ id: city.base, name: '第0轮' });
    expect(meta.compared).toEqual([{ id: city.other, name: '第2轮' }]);
  });
});

describe('live session: a follower whose session ends', () => {
  it('is cut off at the next heartbeat once it signed out, and its reconnect is refused', async () => {
    const id = await startSession();
    const leaving = await signedIn(db, 'policy');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const staying = await follow(id, users.panel2);
      const follower = await follow(id, leaving);
      await follower.next(isState);
      await staying.next(isState);
      vi.advanceTimersByTime(LIVE_LIMITS.heartbeatMs);
      endUserSessions(db, leaving.userId);
      vi.advanceTimersByTime(LIVE_LIMITS.heartbeatMs);
      await expect(follower.next()).rejects.toThrow(/the event stream ended/);
      // the other follower still gets each change
      await push(id, change(0.85));
      expect(stateOf(await staying.next((e) => isState(e) && stateOf(e).patch !== undefined)).meta.version).toBeGreaterThan(0);
    } finally {
      vi.useRealTimers();
    }
    const again = await events(new Request(`${URL_BASE}/${id}/events`, { headers: { cookie: leaving.cookie } }), ctx(id));
    expect(again.status).toBe(401);
  });
});
