/**
 * The analyses' section of `npm run bench` (`npm run bench -- --only analysis --sizes 1000000` runs it alone):
 * on the demo city of N cases, from round 0 (last year's rules) to round 4 (every family changed),
 *  - 变动归因 of every hospital in one thread (32 mixed rounds), and split in two as the workbench's two workers
 *    share it (each worker's part timed on an engine of its own; the slower part plus the combining is what the
 *    page waits for, the workers running at once);
 *  - 求解 per lever kind: a rate (费率法, fund payments = budget), a budget (点数法, point value +2 %), a level
 *    coefficient (point value −1 %), the weight scale (CMI 1.00): ms and settlements each;
 *  - 下年度预测 with growth in every input.
 * The engine and the analyses are timed from one esbuild bundle, as production runs them. Each figure is given
 * as wall time and as this process's CPU time (user + system): on a loaded machine the CPU time is the fair one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { generateDemoCity } from '@/db/seed/demo-city';
import { parseRoundParams, type RoundParams } from '@/worker/settlement';
import type { SettlementData } from '@/worker/settlement/types';

type AnalysisModule = typeof import('@/worker/analysis');
type EngineModule = typeof import('@/worker/settlement');
export type BundledModules = EngineModule & { analysis: AnalysisModule };

const ROOT = path.join(__dirname, '..');

/** One esbuild bundle of the engine and the analyses, sharing one copy of the engine's modules. */
async function bundledModules(): Promise<BundledModules> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-analysis-'));
  const outfile = path.join(dir, 'analysis.mjs');
  const contents = `export * from ${JSON.stringify(path.join(ROOT, 'worker/settlement/index.ts'))};\nexport * as analysis from ${JSON.stringify(path.join(ROOT, 'worker/analysis/index.ts'))};\n`;
  try {
    buildSync({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error', tsconfig: path.join(ROOT, 'tsconfig.json') });
    return (await import(pathToFileURL(outfile).href)) as BundledModules;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const round1 = (value: number) => Math.round(value * 10) / 10;

/** CPU time of this process (user + system), ms: on a loaded machine the fair measure of single-threaded work. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

interface Timing<T> {
  ms: number;
  cpu: number;
  value: T;
}

function timed<T>(run: () => T): Timing<T> {
  const started = performance.now();
  const cpuStarted = cpuMs();
  const value = run();
  return { ms: performance.now() - started, cpu: cpuMs() - cpuStarted, value };
}

/** Median wall and CPU ms of `runs` runs of `run` (after one warm-up run), and the last value. */
function medianOf<T>(runs: number, run: () => T): Timing<T> {
  let last = timed(run);
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = timed(run);
    times.push(last.ms);
    cpus.push(last.cpu);
  }
  return { ms: median(times), cpu: median(cpus), value: last.value };
}

function decompositionFigures(m: BundledModules, data: SettlementData, from: RoundParams, to: RoundParams, runs: number) {
  const a = m.analysis;
  const engine = m.createSettlementEngine(data);
  const changed = a.changedFamilies(from, to);
  const oneThread = medianOf(runs, () => a.decompose(engine, data, from, to));
  // two workers: each its own engine and its masks; the page settles the two rounds and combines
  const workers = [m.createSettlementEngine(data), m.createSettlementEngine(data)];
  const lists = a.splitMasks(2, changed);
  const parts = lists.map((masks, w) => medianOf(runs, () => a.settleSubsets(workers[w]!, from, to, masks)));
  const fromResult = workers[0]!.settle(from, undefined, false);
  const toResult = workers[1]!.settle(to, undefined, false);
  const combine = medianOf(runs, () => a.combineDecomposition(fromResult, toResult, [...parts[0]!.value, ...parts[1]!.value], data.hospitals, changed));
  return {
    decompose_rows: oneThread.value.hospitals.length,
    decompose_families_changed: a.FAMILIES.filter((_, i) => (changed & (1 << i)) !== 0).join('+'),
    decompose_one_thread_ms: round1(oneThread.ms),
    decompose_one_thread_cpu_ms: round1(oneThread.cpu),
    decompose_two_workers_ms: round1(Math.max(parts[0]!.ms, parts[1]!.ms) + combine.ms),
    decompose_two_workers_cpu_ms: round1(Math.max(parts[0]!.cpu, parts[1]!.cpu) + combine.cpu),
    decompose_worker_cpu_ms: parts.map((p) => round1(p.cpu)).join(' / '),
    decompose_worker_masks: lists.map((l) => l.length).join(' / '),
    decompose_combine_cpu_ms: round1(combine.cpu),
  };
}

function solveFigures(m: BundledModules, data: SettlementData, params: RoundParams, runs: number) {
  const a = m.analysis;
  const engine = m.createSettlementEngine(data);
  const settled = engine.settle(params);
  const pointValue = (pool: 0 | 1) => settled.pools[pool]!.pointValue;
  const rateRound: RoundParams = { ...params, method: 'rate', rate: { employee: pointValue(0) * 100, resident: pointValue(1) * 100 } };
  const problems: [string, RoundParams, string, string, number][] = [
    ['rate', rateRound, 'rate.resident', 'fund_payment.resident', params.budget?.resident ?? 0],
    ['budget', params, 'budget.employee', 'point_value.employee', pointValue(0) * 1.02],
    ['coefficient', params, 'level_coefficients.2', 'point_value.resident', pointValue(1) * 0.99],
    ['weights_scale', params, 'weights_scale', 'cmi.employee', 1],
  ];
  const out: Record<string, number | string> = {};
  for (const [kind, round, lever, target, value] of problems) {
    const solved = medianOf(runs, () => a.solve(engine, data, round, lever, target, value));
    out[`solve_${kind}_ms`] = round1(solved.ms);
    out[`solve_${kind}_cpu_ms`] = round1(solved.cpu);
    out[`solve_${kind}_settlements`] = solved.value.settlements;
    out[`solve_${kind}_ok`] = solved.value.ok ? 'ok' : solved.value.reason;
  }
  return out;
}

function projectionFigures(m: BundledModules, data: SettlementData, params: RoundParams, runs: number) {
  const engine = m.createSettlementEngine(data);
  const input = {
    volume_growth_by_level: { '1': 0.02, '2': 0.04, '3': 0.06 },
    volume_growth_by_pool: { employee: 0.01, resident: 0.03 },
    cost_growth: 0.03,
    cmi_drift: 0.01,
    budget_growth: { employee: 0.03, resident: 0.02 },
    month_profile: [1.1, 0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.1],
    deflation_threshold: 0.05,
  };
  const projected = medianOf(runs, () => m.analysis.project(engine, data, params, input));
  return { project_ms: round1(projected.ms), project_cpu_ms: round1(projected.cpu) };
}

/** The analyses' figures on one demo city: rounds 0 and 4 of its negotiation. */
export function benchAnalysisSize(m: BundledModules, data: SettlementData, rounds: readonly RoundParams[], runs: number): Record<string, number | string> {
  const from = rounds[0]!;
  const to = rounds[rounds.length - 1]!;
  return { ...decompositionFigures(m, data, from, to, runs), ...solveFigures(m, data, from, runs), ...projectionFigures(m, data, from, runs) };
}

function describeAnalysis(r: Record<string, number | string>): string {
  const solve = (kind: string, what: string) => `${what} ${r[`solve_${kind}_ms`]} ms, CPU ${r[`solve_${kind}_cpu_ms`]} ms (${r[`solve_${kind}_settlements`]} settlements, ${r[`solve_${kind}_ok`]})`;
  return [
    `  变动归因 of all ${r.decompose_rows} hospital × pool rows, round 0 → 4 (${r.decompose_families_changed}): one thread ${r.decompose_one_thread_ms} ms, CPU ${r.decompose_one_thread_cpu_ms} ms; two workers ${r.decompose_two_workers_ms} ms, CPU ${r.decompose_two_workers_cpu_ms} ms (${r.decompose_worker_masks} mixed rounds: CPU ${r.decompose_worker_cpu_ms} ms, combine ${r.decompose_combine_cpu_ms} ms)`,
    `  求解: ${solve('rate', 'rate → fund payments')}; ${solve('budget', 'budget → point value')}; ${solve('coefficient', 'level coefficient → point value')}; ${solve('weights_scale', 'weight scale → CMI 1.00')}`,
    `  下年度预测 (every input grown, a month profile): ${r.project_ms} ms, CPU ${r.project_cpu_ms} ms`,
  ].join('\n');
}

/** The section for each size: one line block per size, or one JSON object per line with --json. */
export async function benchAnalysis(sizes: readonly number[], runs: number, json: boolean): Promise<void> {
  const modules = await bundledModules();
  if (!json) console.log(`analyses (worker/analysis, same bundle as the engine), demo city round 0 → 4, median of ${runs} runs after one`);
  for (const cases of sizes) {
    const city = generateDemoCity({ cases });
    const rounds = city.rounds.map((round) => {
      const parsed = parseRoundParams(round.params);
      if (!parsed.ok) throw new Error(`demo round ${round.name} does not parse`);
      return parsed.params;
    });
    const result = { section: 'analysis', cases, ...benchAnalysisSize(modules, city.bundle, rounds, runs) };
    console.log(json ? JSON.stringify(result) : `${cases.toLocaleString('en')} cases\n${describeAnalysis(result)}`);
  }
}
