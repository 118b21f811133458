/**
 * npm run bench:hospital [-- --cases 1000000]
 *
 * A hospital user's comparison (本院, server/services/hospital-view.ts) is settled on the server: times it on a
 * generated demo city of N cases in a temporary database. Prints the first answer after a start (the data set read
 * from SQLite and decoded, both rounds settled), an answer for a round not yet settled (one settlement), and a
 * repeated answer (both rounds cached), each the median of --runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { seedDemoCity } from '@/db/seed';
import { createRound } from '@/server/services/rounds';
import { hospitalComparison } from '@/server/services/hospital-view';

const { values } = parseArgs({ options: { cases: { type: 'string' }, runs: { type: 'string' } } });
const cases = Number(values.cases ?? 1_000_000);
const runs = Number(values.runs ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-hospital-'));
const db = openDatabase(path.join(dir, 'bench.sqlite'));
const { datasetId, roundIds } = seedDemoCity(db, { cases });
const [baselineId, roundId] = [roundIds[0]!, roundIds[1]!];
const ask = (id: number) => hospitalComparison(db, { datasetId, baselineId, roundId: id, hospitalCode: 'H001', hospitalUser: false });
const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

const cold = time(() => ask(roundId));
const fresh: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const round = createRound(db, 'bench', { datasetId, name: `bench ${i}`, reason: null, parentId: roundId });
  fresh.push(time(() => ask(round.id)));
  warm.push(time(() => ask(round.id)));
}
const answer = JSON.stringify(ask(roundId)).length;
console.log(
  `hospital view at ${cases.toLocaleString('en-US')} cases: first answer after a start ${cold.toFixed(0)} ms; ` +
    `a round not yet settled ${median(fresh).toFixed(0)} ms; repeated ${median(warm).toFixed(1)} ms (medians of ${runs}); answer ${(answer / 1024).toFixed(0)} KB; rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
);
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
