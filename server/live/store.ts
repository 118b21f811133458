/**
 * 现场谈判 — the sessions running on this server, in memory (a restart ends them; the audit log keeps who
 * started, joined, handed over and ended each). Kept on globalThis: Next bundles each route handler with its own
 * copy of this module, and the start, the posts and the event streams must see one registry.
 *
 * Each session relays the presenter's changes to its followers' event streams: to the bureau's side the
 * parameters (whole at the start of a stream, then as leaf-path patches; they settle in their own workers), to
 * hospital users their own hospital's figures only, settled here once per change (hospital-fanout.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { recordAudit } from '@/server/services/audit';
import { DomainError } from '@/server/services/errors';
import { hospitalComparisonsOf, type HospitalComparison } from '@/server/services/hospital-view';
import { getRound } from '@/server/services/rounds';
import { createHospitalFanout, type FiguresInput, type HospitalFanout } from './hospital-fanout';
import { LIVE_DRG_LIMIT, LIVE_LIMITS, type LiveHospitalFigures, type ActionBody, type BureauStateEvent, type EndEvent, type FollowersEvent, type HospitalStateEvent, type LiveMeta, type StartBody } from './protocol';
import { eventFrame, eventStream, type EventSink, type EventStreamOptions } from './relay';
import { applyStateChange, checkedParams, endLive, handOver, hospitalMeta, mayPresent, newSession, type LiveCore, type LiveUser, type Outcome, type Refusal, type RoundsShown } from './session';

interface Follower {
  user: LiveUser;
  sink: EventSink;
}

export interface LiveEntry {
  core: LiveCore;
  db: Db;
  followers: Set<Follower>;
  /** users whose joining is audited (once per session, not at every reconnect) */
  joined: Set<number>;
  lastActivity: number;
  endedAt: number | null;
  fanout: HospitalFanout;
  followersUpdate: boolean;
}

const holder = globalThis as typeof globalThis & { __drgLiveSessions?: Map<string, LiveEntry> };
const sessions = (holder.__drgLiveSessions ??= new Map());

const refuse = (status: Refusal['status'], zh: string, en: string): { ok: false; refusal: Refusal } => ({ ok: false, refusal: { status, zh, en } });

/** The rounds of a change, from the database: each must be of the session's data set. */
function shownRounds(db: Db, datasetId: number, ids: { roundId: number; baselineId: number; compareIds: number[] }): Outcome<{ shown: RoundsShown }> {
  try {
    const of = (id: number) => {
      const round = getRound(db, id);
      if (round.datasetId !== datasetId) throw new DomainError('NOT_FOUND', `round ${id} not found`);
      return round;
    };
    const round = of(ids.roundId);
    const baseline = of(ids.baselineId);
    const compared = ids.compareIds.map(of);
    return {
      ok: true,
      shown: { round: { id: round.id, name: round.name, status: round.status }, baseline: { id: baseline.id, name: baseline.name }, compared: compared.map((r) => ({ id: r.id, name: r.name })) },
    };
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'NOT_FOUND') return refuse(404, `轮次不存在：${error.message}`, error.message);
    throw error;
  }
}

/** Ends sessions idle too long, forgets those ended a while ago. */
function sweep(now: number): void {
  for (const [id, entry] of sessions) {
    if (entry.endedAt !== null && now - entry.endedAt > LIVE_LIMITS.endedKeepMs) sessions.delete(id);
    else if (entry.endedAt === null && now - entry.lastActivity > LIVE_LIMITS.idleMs) finish(entry, null, 'idle', now);
  }
}

export function liveEntry(id: string, now = Date.now()): LiveEntry | null {
  sweep(now);
  return sessions.get(id) ?? null;
}

function audit(entry: LiveEntry, actor: string, action: string, detail: Record<string, unknown> = {}): void {
  recordAudit(entry.db, { actor, action, entity: 'round', entityId: entry.core.meta.round.id, detail: { session: entry.core.meta.id, ...detail } });
}

/** A panel or policy user starts presenting a round: the session's id (the join link is /live/<id>). */
export function startLive(db: Db, user: LiveUser, body: StartBody, now = Date.now()): Outcome<{ id: string; meta: LiveMeta }> {
  if (!mayPresent(user.role)) return refuse(403, '只有专家组或经办人员可以主讲', 'only the panel or policy staff may present');
  sweep(now);
  const running = [...sessions.values()].filter((e) => e.endedAt === null).length;
  if (running >= LIVE_LIMITS.maxSessions) return refuse(409, `同时进行的现场谈判已达上限 ${LIVE_LIMITS.maxSessions}`, `at most ${LIVE_LIMITS.maxSessions} live sessions at once`);
  const params = checkedParams(body.params);
  if (!params.ok) return params;
  const rounds = shownRounds(db, body.datasetId, body);
  if (!rounds.ok) return rounds;
  const id = randomBytes(12).toString('base64url');
  const core = newSession({ id, presenter: user, datasetId: body.datasetId, shown: rounds.shown, params: params.params, dirty: body.dirty, now: new Date(now) });
  const entry: LiveEntry = { core, db, followers: new Set(), joined: new Set(), lastActivity: now, endedAt: null, fanout: null!, followersUpdate: false };
  entry.fanout = createHospitalFanout({
    current: () => figuresInput(entry),
    followers: () => hospitalSinks(entry),
    cut: (input, codes) => liveFigures(hospitalComparisonsOf(entry.db, { datasetId: input.datasetId, hospitalCodes: codes, baseline: input.baseline, round: input.round })),
  });
  sessions.set(id, entry);
  audit(entry, user.username, 'live.start', { baselineId: body.baselineId, compareIds: body.compareIds });
  return { ok: true, id, meta: core.meta };
}

/** The hospital view's cuts as a live session sends them (LiveHospitalFigures): no months, the DRGs that moved most. */
function liveFigures(cuts: Map<string, HospitalComparison>): Map<string, LiveHospitalFigures> {
  const out = new Map<string, LiveHospitalFigures>();
  for (const [code, { round: { months: _months, ...round }, drgs, ...rest }] of cuts) out.set(code, { ...rest, round, drgs: drgs.slice(0, LIVE_DRG_LIMIT) });
  return out;
}

function figuresInput(entry: LiveEntry): FiguresInput | null {
  if (entry.endedAt !== null) return null;
  const { meta, params } = entry.core;
  const baseline = getRound(entry.db, meta.baseline.id);
  return {
    version: meta.version,
    datasetId: meta.datasetId,
    baseline: { id: baseline.id, name: baseline.name, params: baseline.params },
    round: { id: meta.round.id, name: meta.round.name, params },
  };
}

function hospitalSinks(entry: LiveEntry): Map<string, EventSink[]> {
  const out = new Map<string, EventSink[]>();
  for (const f of entry.followers) {
    if (f.user.role !== 'hospital' || !f.user.hospitalCode || isPresenter(entry, f.user)) continue;
    const list = out.get(f.user.hospitalCode) ?? [];
    list.push(f.sink);
    out.set(f.user.hospitalCode, list);
  }
  return out;
}

const isPresenter = (entry: LiveEntry, user: LiveUser) => user.userId === entry.core.presenterUserId;

/** The `state` event of a change: one frame for the bureau's side, one for hospital users (no parameters, no labels). */
function broadcastState(entry: LiveEntry, bureau: BureauStateEvent): void {
  const { meta } = entry.core;
  const bureauFrame = eventFrame('state', bureau, meta.version);
  const hospitalFrame = eventFrame('state', { meta: hospitalMeta(meta) } satisfies HospitalStateEvent, meta.version);
  let hospitals = 0;
  for (const f of entry.followers) {
    if (f.user.role === 'hospital') {
      f.sink.write(hospitalFrame);
      hospitals++;
    } else f.sink.write(bureauFrame);
  }
  if (hospitals > 0) entry.fanout.schedule();
}

/** Who follows, told to everyone once per burst of joins and leaves (usernames to the bureau's side only). */
function scheduleFollowers(entry: LiveEntry): void {
  if (entry.followersUpdate) return;
  entry.followersUpdate = true;
  setImmediate(() => {
    entry.followersUpdate = false;
    const users = new Map<number, LiveUser>();
    for (const f of entry.followers) if (!isPresenter(entry, f.user)) users.set(f.user.userId, f.user);
    const all = [...users.values()];
    const hospitals = all.filter((u) => u.role === 'hospital').length;
    const bureau = eventFrame('followers', { total: all.length, hospitals, bureau: all.filter((u) => u.role !== 'hospital').map((u) => u.username).sort() } satisfies FollowersEvent);
    const hospital = eventFrame('followers', { total: all.length, hospitals, bureau: null } satisfies FollowersEvent);
    for (const f of entry.followers) f.sink.write(f.user.role === 'hospital' ? hospital : bureau);
  });
}

/**
 * A follower's event stream: first the presenter's current state (the bureau's side: with the parameters whole;
 * a hospital user: the meta, then its figures), then every change. A reconnect starts again from the current
 * state, whatever its Last-Event-ID: the presenter's state, not a replay of the edits missed. `streamOptions`: the
 * request's signal, and whether its session still holds (asked at each heartbeat).
 */
export function followLive(
  id: string,
  user: LiveUser,
  streamOptions: Pick<EventStreamOptions, 'signal' | 'stillAllowed'> = {},
  now = Date.now(),
): Outcome<{ stream: ReadableStream<Uint8Array> }> {
  const entry = liveEntry(id, now);
  if (!entry) return refuse(404, '现场谈判不存在或已结束', 'no such live session');
  if (entry.endedAt === null && entry.followers.size >= LIVE_LIMITS.maxFollowers) return refuse(409, `关注人数已达上限 ${LIVE_LIMITS.maxFollowers}`, `at most ${LIVE_LIMITS.maxFollowers} followers`);
  const follower: Follower = { user, sink: null! };
  const stream = eventStream({
    heartbeatMs: LIVE_LIMITS.heartbeatMs,
    retryMs: LIVE_LIMITS.retryMs,
    maxUnsentBytes: LIVE_LIMITS.maxUnsentBytes,
    ...streamOptions,
    onOpen: (sink) => {
      follower.sink = sink;
      const { meta, params } = entry.core;
      if (entry.endedAt !== null) {
        sink.write(eventFrame('end', { reason: 'ended' } satisfies EndEvent, meta.version));
        return sink.close();
      }
      entry.followers.add(follower);
      if (!entry.joined.has(user.userId) && !isPresenter(entry, user)) {
        entry.joined.add(user.userId);
        audit(entry, user.username, 'live.join', { role: user.role });
      }
      if (user.role === 'hospital') {
        sink.write(eventFrame('state', { meta: hospitalMeta(meta) } satisfies HospitalStateEvent, meta.version));
        if (user.hospitalCode) entry.fanout.greet(user.hospitalCode, sink);
      } else {
        sink.write(eventFrame('state', { meta, params } satisfies BureauStateEvent, meta.version));
      }
      scheduleFollowers(entry);
    },
    onClose: () => {
      if (entry.followers.delete(follower)) scheduleFollowers(entry);
    },
  });
  return { ok: true, stream };
}

function finish(entry: LiveEntry, user: LiveUser | null, reason: EndEvent['reason'], now: number): Outcome<{ meta: LiveMeta }> {
  const ended = endLive(entry.core, user);
  if (!ended.ok) return ended;
  entry.core = ended.core;
  entry.endedAt = now;
  audit(entry, user?.username ?? entry.core.meta.presenter, 'live.end', { reason, version: entry.core.meta.version, followers: entry.joined.size });
  const frame = eventFrame('end', { reason } satisfies EndEvent, entry.core.meta.version);
  for (const f of [...entry.followers]) {
    f.sink.write(frame);
    f.sink.close();
  }
  entry.followers.clear();
  return { ok: true, meta: entry.core.meta };
}

/** The presenter's post: a change of state, a hand-over, or the end. */
export function actLive(id: string, user: LiveUser, body: ActionBody, now = Date.now()): Outcome<{ meta: LiveMeta }> {
  const entry = liveEntry(id, now);
  if (!entry) return refuse(404, '现场谈判不存在或已结束', 'no such live session');
  if (body.type === 'end') return finish(entry, user, 'ended', now);
  if (body.type === 'handover') {
    const to = [...entry.followers].find((f) => f.user.username === body.to)?.user ?? null;
    const handed = handOver(entry.core, user, to);
    if (!handed.ok) return handed;
    entry.core = handed.core;
    entry.lastActivity = now;
    audit(entry, user.username, 'live.handover', { from: user.username, to: body.to });
    broadcastState(entry, { meta: entry.core.meta });
    scheduleFollowers(entry);
    return { ok: true, meta: entry.core.meta };
  }
  const rounds = shownRounds(entry.db, entry.core.meta.datasetId, body);
  if (!rounds.ok) return rounds;
  const base = entry.core.meta.version;
  const changed = applyStateChange(entry.core, user, body, rounds.shown);
  if (!changed.ok) return changed;
  entry.core = changed.core;
  entry.lastActivity = now;
  broadcastState(entry, { meta: entry.core.meta, base, patch: changed.patch });
  return { ok: true, meta: entry.core.meta };
}

/** For tests: forget every session. */
export function clearLiveSessions(): void {
  for (const entry of sessions.values()) for (const f of entry.followers) f.sink.close();
  sessions.clear();
}
