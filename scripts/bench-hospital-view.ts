/**
 * npm run bench:hospital [-- --cases 1000000]
 *
 * A hospital user's comparison (本院, server/services/hospital-view.ts) is settled on the server: times it on a
 * generated demo city of N cases in a temporary database. Prints the first answer after a start (the data set read
 * from SQLite and decoded, both rounds settled); then, each the median of --runs, an answer for a new round whose
 * change the kept engine prices on its kept classes (a level coefficient), one whose change moves the outlier
 * thresholds (the low-outlier multiple: the classes found again in one pass), and a repeated answer (both rounds
 * cached).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { seedDemoCity } from '@/db/seed';
import { createRound, getRound } from '@/server/services/rounds';
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
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
const parent = getRound(db, roundId).params as RoundParams;
const resolved = resolveRound(parent);
const child = (name: string, params: RoundParams) => createRound(db, 'bench', { datasetId, name, reason: null, parentId: roundId, params });
const coefficient: number[] = [];
const reclassified: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const level2 = (resolved.level_coefficients['2'] ?? 1) * (1 - 0.01 * (i + 1));
  const byCoefficient = child(`bench coefficient ${i}`, { ...parent, level_coefficients: { ...resolved.level_coefficients, '2': level2 } });
  coefficient.push(time(() => ask(byCoefficient.id)));
  warm.push(time(() => ask(byCoefficient.id)));
  const byCaseRule = child(`bench low multiple ${i}`, { ...parent, low_multiple: resolved.low_multiple - 0.01 * (i + 1) });
  reclassified.push(time(() => ask(byCaseRule.id)));
}
const answer = JSON.stringify(ask(roundId)).length;
console.log(
  `hospital view at ${cases.toLocaleString('en-US')} cases: first answer after a start ${cold.toFixed(0)} ms; ` +
    `a new round — level coefficient ${median(coefficient).toFixed(0)} ms, low-outlier multiple (the classes found again, one pass) ${median(reclassified).toFixed(0)} ms; repeated ${median(warm).toFixed(1)} ms (medians of ${runs}); answer ${(answer / 1024).toFixed(0)} KB; rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
);
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
