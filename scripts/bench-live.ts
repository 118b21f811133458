/**
 * npm run bench:live [-- --cases N --followers 170 --edits 20 --json]
 *
 * A live session (现场谈判, server/live/) with one hospital follower per hospital of the demo city (170), each a
 * hospital user of its own: the presenter changes the 二级 level coefficient --edits times, and each change is
 * settled once on the server and cut for every hospital following. In process, through the route handlers
 * (POST /api/live, POST /api/live/:id, GET /api/live/:id/events: the same code as the server, real event streams
 * read as a browser would, but no sockets): a generated city of --cases (default the demo's size) in a temporary
 * database. Prints, per edit:
 * - server CPU (process.cpuUsage, user + system) from the post until the last follower has its figures; this
 *   process also reads and parses the 170 streams, so it is an upper bound of the server's;
 * - the settlement and cut, and the encoding and writing of the events (the fan-out's own clock);
 * - the time until the last follower has its answer, and the time at which each follower has it (p50 / p95).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { cases: { type: 'string' }, followers: { type: 'string' }, edits: { type: 'string' }, json: { type: 'boolean' } } });
const edits = Number(values.edits ?? 20);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-live-'));
process.env.DRG_DB_PATH = path.join(dir, 'bench.sqlite');

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main(): Promise<void> {
  // after DRG_DB_PATH is set: the route handlers open the database on first use
  const { getDb } = await import('@/server/db');
  const { seedDemoCity } = await import('@/db/seed');
  const { createSession, SESSION_COOKIE } = await import('@/server/auth/sessions');
  const { addUser } = await import('@/server/auth/users');
  const { getRound } = await import('@/server/services/rounds');
  const { settlementData } = await import('@/server/services/settlement-data');
  const { POST: start } = await import('@/app/api/live/route');
  const { POST: act } = await import('@/app/api/live/[id]/route');
  const { GET: events } = await import('@/app/api/live/[id]/events/route');
  const { readEvents } = await import('@/server/live/sse-reader');
  const { liveEntry } = await import('@/server/live/store');
  type Figures = import('@/server/live/protocol').HospitalFiguresEvent;

  const db = getDb();
  const t0 = performance.now();
  const { datasetId, roundIds } = seedDemoCity(db, values.cases ? { cases: Number(values.cases) } : {});
  const { data } = settlementData(db, datasetId);
  const cases = data.cases.count;
  const hospitals = data.hospitals.slice(0, Number(values.followers ?? data.hospitals.length));
  const cookieOf = async (role: 'panel' | 'hospital', username: string, hospitalCode: string | null) => {
    const userId = await addUser(db, { username, password: 'bench password 2026', role, hospitalCode }, 'bench');
    return `${SESSION_COOKIE}=${createSession(db, userId)}`;
  };
  const presenter = await cookieOf('panel', 'bench-panel', null);
  const followerCookies = await Promise.all(hospitals.map((h, i) => cookieOf('hospital', `bench-h${i}`, h.code)));
  console.error(`city of ${cases.toLocaleString('en-US')} cases and ${followerCookies.length} hospital users ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const [baselineId, roundId] = [roundIds[0]!, roundIds[1]!];
  const round = getRound(db, roundId);
  const post = (url: string, body: unknown) => new Request(url, { method: 'POST', headers: { cookie: presenter, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const started = await start(post('http://localhost/api/live', { datasetId, roundId, baselineId, compareIds: [], params: round.params, dirty: false }));
  const { id } = (await started.json()) as { id: string };
  const ctx = { params: Promise.resolve({ id }) };

  const readers = await Promise.all(
    followerCookies.map(async (cookie) => readEvents((await events(new Request(`http://localhost/api/live/${id}/events`, { headers: { cookie } }), ctx)).body!)),
  );
  const isFigures = (version: number) => (e: { event: string; data: unknown }) => e.event === 'figures' && (e.data as Figures).version >= version;
  const tJoin = performance.now();
  await Promise.all(readers.map((r) => r.next(isFigures(1))));
  console.error(`${readers.length} followers joined and have their first figures in ${(performance.now() - tJoin).toFixed(0)} ms (the baseline and the round settled once)`);

  const rows: { lastMs: number; cpuMs: number; cutMs: number; sendMs: number; bytes: number; each: number[] }[] = [];
  const levels = round.params.level_coefficients ?? {};
  for (let i = 0; i < edits; i++) {
    const value = Number((0.8 + ((i * 7) % 16) / 100).toFixed(2));
    const body = { type: 'state', seq: i + 1, params: { ...round.params, level_coefficients: { ...levels, 2: value + (i % 2 ? 0.001 : 0) } }, roundId, baselineId, compareIds: [], dirty: true, canUndo: true, canRedo: false, change: { kind: 'edit', label: `二级系数 → ${value}` } };
    const cpu = process.cpuUsage();
    const tPost = performance.now();
    const answer = await act(post(`http://localhost/api/live/${id}`, body), ctx);
    const { version } = (await answer.json()) as { version: number };
    const each = await Promise.all(readers.map((r) => r.next(isFigures(version)).then(() => performance.now() - tPost)));
    const used = process.cpuUsage(cpu);
    const run = liveEntry(id)!.fanout.lastRun!;
    rows.push({ lastMs: Math.max(...each), cpuMs: (used.user + used.system) / 1000, cutMs: run.cutMs, sendMs: run.sendMs, bytes: run.bytes, each });
  }
  await Promise.all(readers.map((r) => r.close()));

  const all = rows.flatMap((r) => r.each);
  const summary = {
    mode: 'in-process, through the route handlers',
    cases,
    followers: readers.length,
    edits,
    cpu_ms_per_edit: { p50: quantile(rows.map((r) => r.cpuMs), 0.5), p95: quantile(rows.map((r) => r.cpuMs), 0.95) },
    settle_and_cut_ms: { p50: quantile(rows.map((r) => r.cutMs), 0.5), p95: quantile(rows.map((r) => r.cutMs), 0.95) },
    send_ms: { p50: quantile(rows.map((r) => r.sendMs), 0.5), p95: quantile(rows.map((r) => r.sendMs), 0.95) },
    last_follower_ms: { p50: quantile(rows.map((r) => r.lastMs), 0.5), p95: quantile(rows.map((r) => r.lastMs), 0.95) },
    each_follower_ms: { p50: quantile(all, 0.5), p95: quantile(all, 0.95) },
    kb_per_edit: rows[0] ? rows[0].bytes / 1024 : 0,
  };
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else {
    const f = (x: { p50: number; p95: number }) => `${x.p50.toFixed(0)} / ${x.p95.toFixed(0)} ms`;
    console.log(
      [
        `live session, ${summary.mode}: ${cases.toLocaleString('en-US')} cases, ${summary.followers} hospital followers, ${edits} edits (p50 / p95 per edit)`,
        `  CPU per edit (this process: server and the followers' reading) ${f(summary.cpu_ms_per_edit)}`,
        `  settle + cut for every follower ${f(summary.settle_and_cut_ms)}; events encoded and written ${f(summary.send_ms)} (${summary.kb_per_edit.toFixed(0)} KB per edit)`,
        `  until the last follower has its figures ${f(summary.last_follower_ms)}; each follower ${f(summary.each_follower_ms)}`,
      ].join('\n'),
    );
  }
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
