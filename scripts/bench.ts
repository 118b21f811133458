/**
 * npm run bench [-- --sizes 1000000,5000000 --runs 50 --warmup 5 --json] [--only engine|analysis] [--engine ENTRY]
 *
 * Settles the demo city's round 0 (last year's rules, a points round with the year's budgets) on a generated
 * year of N cases (generateDemoCity, deterministic seed), `runs` rounds after `warmup` rounds, each round a
 * different one (see `benchSize`): the headline figures are rounds that change a level coefficient, as a
 * negotiation reruns most, priced on the classes kept from the rounds before (kernel/classified-price.ts); then rounds
 * whose cost thresholds change every time (one pass each, kernel/pass.ts), and rounds whose LOS limits cut into the
 * usual stays (case by case). Per size it prints median and min ms per round, cases per second, the time to
 * prepare the engine (once per data set), the engine's memory per case (its prepared typed arrays and the
 * kept classes ÷ cases) and the process RSS / heap.
 * With --json: exactly one JSON object per line per size, `{ "cases", "median_ms", "min_ms", "rss_mb", … }`.
 * With --engine ENTRY the timed engine is a bundle of ENTRY, another checkout's worker/settlement/index.ts (a
 * git worktree of an earlier commit): the same city, rounds and harness, so a before/after differs only in the
 * engine. `*_cpu_median_ms` are medians of each round's CPU time, steadier than wall time on a shared machine.
 *
 * The timed engine is an esbuild bundle of worker/settlement/index.ts, as production runs a (webpack) bundle:
 * under tsx every cross-module binding is a getter call (~1 ms a round at 1 M). The city is generated with the
 * ordinary imports. `naive_ms` is a machine reference: a naive per-case typed-array pass over the same cases.
 *
 * Where the time goes (1 M demo cases on a 2-core cloud VM where naive_ms is ~21 ms; profile with
 * `node --cpu-prof` on an esbuild bundle of a small driver):
 *  - a coefficient edit on kept classes, ≈ 3 ms: only the edited hospitals' rows priced (50 of 340 rows for
 *    the 二级 level), the per-DRG points summed again over all cells, every row's record; money ≈ 1 ms;
 *  - any other round on kept classes (a weight edit), ≈ 6.5 ms: the ~70 k grouped cells' points from their counts and cost terms
 *    (≈ 0.8 ms), the ~140 k outliers and edge cases priced one by one into their months (≈ 0.7 ms), normal
 *    cases' month points from ~285 k prepared (cell, month) counts and the rows' records (≈ 0.5 ms); money
 *    ≈ 1 ms: pricing the cells (0.25 ms), allocating each round's fresh result arrays (~2.6 MB) and their GC,
 *    largest-remainder rounding, point values, pre-payments and clearing of ~340 rows;
 *  - a round with classes other than the kept ones, ≈ 8–9 ms: one pass (kernel/pass.ts) that finds every cell's two
 *    outlier runs at the ends of its cost-sorted core (mostly mispredicted branches: whether a cell has
 *    outliers is data) and prices them on the way; the next round with the same classes classifies and keeps
 *    them (≈ 10 ms), the rounds after it are priced on them;
 *  - case by case (LOS limits inside 3–30 days) ≈ 19 ms: every case read and classified.
 * In a bundle a module-level const is a context load with a TDZ check at every read: the hot loops copy their
 * constants into function locals (kernel/pass.ts, kernel/classified-*.ts).
 *
 * Then, without --json, the analyses' section (scripts/bench-analysis.ts; alone with --only analysis).
 *
 * Generating the city takes longer than settling it (about 1 s per million cases, and ~100 bytes per case
 * while the import columns with case ids are alive); they are dropped once the engine is built.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync, version as esbuildVersion } from 'esbuild';
import { generateDemoCity } from '@/db/seed/demo-city';
import type { RoundParams, SettleTimings, SettlementEngine } from '@/worker/settlement';
import { parseRoundParams } from '@/worker/settlement';
import { NO_DRG, type SettlementData } from '@/worker/settlement/types';
import { benchAnalysis } from './bench-analysis';
import { benchRecalibration } from './bench-recalibration';

type EngineModule = typeof import('@/worker/settlement');

interface Options {
  sizes: number[];
  runs: number;
  warmup: number;
  json: boolean;
  /** one section only: the engine's rounds, the analyses (scripts/bench-analysis.ts) or 权重测算 (scripts/bench-recalibration.ts) */
  only: 'engine' | 'analysis' | 'recalibrate' | null;
  /** the engine's entry to bundle: another checkout's worker/settlement/index.ts, for a before/after comparison */
  engine: string;
}

const USAGE = 'usage: npm run bench -- [--sizes 1000000,5000000] [--runs 50] [--warmup 5] [--json] [--only engine|analysis|recalibrate] [--engine path/to/worker/settlement/index.ts]';

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [1_000_000, 5_000_000], runs: 50, warmup: 5, json: false, only: null, engine: ENGINE_ENTRY };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--json') options.json = true;
    else if (flag === '--sizes' && value) (options.sizes = value.split(',').map(Number)), i++;
    else if (flag === '--runs' && value) (options.runs = Number(value)), i++;
    else if (flag === '--warmup' && value) (options.warmup = Number(value)), i++;
    else if (flag === '--only' && (value === 'engine' || value === 'analysis' || value === 'recalibrate')) (options.only = value), i++;
    else if (flag === '--engine' && value) (options.engine = path.resolve(value)), i++;
    else throw new Error(`unknown or incomplete flag ${flag}\n${USAGE}`);
  }
  const counts = [...options.sizes, options.runs];
  if (counts.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(options.warmup) || options.warmup < 0) {
    throw new Error(`sizes, runs and warmup must be whole numbers (sizes and runs at least 1)\n${USAGE}`);
  }
  return options;
}

const ENGINE_ENTRY = path.join(__dirname, '..', 'worker', 'settlement', 'index.ts');

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The engine as production runs it: one bundle (the browser runs webpack's), not tsx's per-module transform,
 * which turns every cross-module reference into a getter call (~1 ms a round at 1 M cases).
 */
async function bundledEngine(entry: string): Promise<{ engine: EngineModule; label: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-'));
  const outfile = path.join(dir, 'settlement.mjs');
  try {
    buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', outfile, logLevel: 'error' });
    const engine = (await import(pathToFileURL(outfile).href)) as EngineModule;
    return { engine, label: `esbuild ${esbuildVersion} bundle of ${entry === ENGINE_ENTRY ? 'worker/settlement/index.ts' : entry}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Machine reference: a naive per-case typed-array pass over the same cases (classify each case by its DRG's
 * thresholds, sum its points into per-row and per-row-month accumulators), min ms of a few runs, so the
 * figures can be scaled to other machines.
 */
function naivePassMs(data: SettlementData, runs: number): number {
  const c = data.cases;
  const n = c.count;
  const drgCount = data.catalog.length;
  const hospitalCount = data.hospitals.length;
  const { drg, hospital, pool, month, los, totalCost } = c;
  const noDrg = NO_DRG; // a local: tsx reads imported bindings through getters
  const high = new Float64Array(drgCount + 1).fill(Infinity);
  const low = new Float64Array(drgCount + 1).fill(-1);
  const base = new Float64Array(drgCount + 1);
  const bench = new Float64Array(drgCount + 1).fill(1);
  data.catalog.forEach((d, i) => {
    bench[i] = d.benchmarkCost ?? 1;
    base[i] = (d.weight ?? 0) * 100;
    high[i] = 2 * bench[i]!;
    low[i] = 0.4 * bench[i]!;
  });
  const coefficient = new Float64Array(hospitalCount).fill(0.9);
  const rowMonth = new Float64Array(2 * hospitalCount * 12);
  const rowPoints = new Float64Array(2 * hospitalCount);
  const classes = new Float64Array(2 * hospitalCount * 6);
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    rowMonth.fill(0);
    rowPoints.fill(0);
    classes.fill(0);
    for (let i = 0; i < n; i++) {
      const d = drg[i] === noDrg ? drgCount : drg[i]!;
      const row = pool[i]! * hospitalCount + hospital[i]!;
      const cost = totalCost[i]!;
      const days = los[i]!;
      let points = 0;
      let kind = 0;
      if (days <= 2 || days >= 60) kind = 5;
      else if (cost > high[d]!) (kind = 1), (points = base[d]! * coefficient[hospital[i]!]! + (cost / bench[d]! - 2) * base[d]!);
      else if (cost < low[d]!) (kind = 2), (points = base[d]! * (cost / bench[d]!));
      else points = base[d]! * coefficient[hospital[i]!]!;
      classes[row * 6 + kind]!++;
      rowPoints[row]! += points;
      rowMonth[row * 12 + month[i]! - 1]! += points;
    }
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

interface Built {
  engine: SettlementEngine;
  params: RoundParams;
  generateMs: number;
  prepareMs: number;
  naiveMs: number;
  /** a DRG of middling weight, for the weight-edit rounds */
  drg: { code: string; weight: number };
}

/** Generates the city and builds the engine in a function of its own, so the import columns can be collected. */
function build(cases: number, modules: EngineModule): Built {
  let started = performance.now();
  const city = generateDemoCity({ cases });
  const generateMs = performance.now() - started;
  const parsed = parseRoundParams(city.rounds[0]!.params);
  if (!parsed.ok) throw new Error(`demo round 0 does not parse: ${JSON.stringify(parsed.errors)}`);
  const naiveMs = naivePassMs(city.bundle, 10);
  const weighted = city.bundle.catalog.filter((d) => d.weight !== null && !d.perDiem).sort((a, b) => a.weight! - b.weight!);
  const middle = weighted[Math.floor(weighted.length / 2)]!;
  started = performance.now();
  const engine = modules.createSettlementEngine(city.bundle);
  const prepareMs = performance.now() - started;
  return { engine, params: parsed.params, generateMs, prepareMs, naiveMs, drg: { code: middle.code, weight: middle.weight! } };
}

/**
 * Median, 90th percentile, min and the stage medians of `runs` rounds, `roundOf(i)` the i-th; peak RSS seen.
 * `cells` false: the results leave out the hospital × DRG cells, as the workbench's reruns do. `cpuMedian`:
 * the median of each round's CPU time (the process's user + system), steadier than wall time on a shared machine.
 */
function timeRounds(engine: SettlementEngine, runs: number, roundOf: (i: number) => RoundParams, cells = true) {
  const times: number[] = [];
  const cpu: number[] = [];
  const pass: number[] = [];
  const money: number[] = [];
  const ways = new Set<string>();
  const rows: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const params = roundOf(i);
    const timings: SettleTimings = { pass: 0, money: 0 };
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    engine.settle(params, timings, cells);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    pass.push(timings.pass);
    money.push(timings.money);
    ways.add(timings.classified ?? '');
    rows.push(timings.rowsPriced ?? 0);
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)] ?? Number.NaN;
  return { median: median(times), cpuMedian: median(cpu), p90, min: Math.min(...times), pass: median(pass), money: median(money), ways: [...ways].join(', '), rowsPriced: median(rows), rss };
}

/**
 * Four sequences of rounds, each round a different one:
 *  - edits: the 二级 level coefficient moves each round (what a negotiation reruns most) — the previous round's
 *    classes apply (kernel/classified-price.ts), and of its rows (hospital × pool) only the 二级 hospitals' are priced again;
 *  - weight edits: one DRG's weight moves within its band each round — the classes apply, every row is priced;
 *  - new classes: low_multiple alternates, so every round's cost thresholds differ from the round before and
 *    it is settled in one pass;
 *  - case by case: exclude_los_max cuts into the usual stays, so every case is classified in the pass (kernel/pass.ts).
 */
function benchSize(cases: number, options: Options, modules: EngineModule): Record<string, number | string> {
  const { engine, params, generateMs, prepareMs, naiveMs, drg } = build(cases, modules);
  const coefficients = params.level_coefficients ?? {};
  const edit = (i: number): RoundParams => ({ ...params, level_coefficients: { ...coefficients, 2: 0.85 + (i % 10) * 0.01 } });
  const weightEdit = (i: number): RoundParams => ({ ...params, weights: { ...params.weights, [drg.code]: drg.weight * (1 + ((i % 10) + 1) * 1e-4) } });
  const newClasses = (i: number): RoundParams => ({ ...params, low_multiple: i % 2 === 0 ? 0.37 : 0.38 });
  const caseByCase = (i: number): RoundParams => ({ ...edit(i), exclude_los_max: 3 });
  for (let i = 0; i < options.warmup; i++) engine.settle(edit(i));
  const edits = timeRounds(engine, options.runs, edit);
  const editsNoCells = timeRounds(engine, options.runs, (i) => edit(i + 1), false);
  const weights = timeRounds(engine, options.runs, weightEdit);
  for (let i = 0; i < options.warmup; i++) engine.settle(newClasses(i));
  const fresh = timeRounds(engine, options.runs, (i) => newClasses(i + options.warmup));
  const general = timeRounds(engine, Math.max(3, Math.round(options.runs / 5)), caseByCase);
  const memory = process.memoryUsage();
  return {
    cases,
    median_ms: round2(edits.median),
    min_ms: round2(edits.min),
    cpu_median_ms: round2(edits.cpuMedian),
    p90_ms: round2(edits.p90),
    no_cells_median_ms: round2(editsNoCells.median),
    no_cells_p90_ms: round2(editsNoCells.p90),
    pass_ms: round2(edits.pass),
    money_ms: round2(edits.money),
    classified: edits.ways,
    rows_priced: edits.rowsPriced,
    weight_edit_median_ms: round2(weights.median),
    weight_edit_min_ms: round2(weights.min),
    weight_edit_cpu_median_ms: round2(weights.cpuMedian),
    weight_edit_classified: weights.ways,
    weight_edit_rows_priced: weights.rowsPriced,
    cases_per_s: Math.round(cases / (edits.median / 1000)),
    new_classes_median_ms: round2(fresh.median),
    new_classes_min_ms: round2(fresh.min),
    new_classes_cpu_median_ms: round2(fresh.cpuMedian),
    new_classes_classified: fresh.ways,
    case_by_case_median_ms: round2(general.median),
    case_by_case_cpu_median_ms: round2(general.cpuMedian),
    case_by_case_classified: general.ways,
    prepare_ms: Math.round(prepareMs),
    generate_ms: Math.round(generateMs),
    engine_bytes_per_case: round2((engine.preparedBytes + engine.classificationBytes) / cases),
    prepared_bytes_per_case: round2(engine.preparedBytes / cases),
    rss_mb: mb(Math.max(edits.rss, editsNoCells.rss, weights.rss, fresh.rss, general.rss)),
    // the process's peak so far (kB): generating the city's import columns, for the largest size so far
    peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
    heap_mb: mb(memory.heapUsed),
    array_buffers_mb: mb(memory.arrayBuffers),
    naive_ms: round2(naiveMs),
    runs: options.runs,
  };
}

function describe(r: Record<string, number | string>): string {
  const millions = (Number(r.cases_per_s) / 1e6).toFixed(0);
  return [
    `${r.cases!.toLocaleString('en')} cases, a coefficient edit each round (${r.classified}, ${r.rows_priced} rows priced): median ${r.median_ms} ms, min ${r.min_ms} ms per round, CPU median ${r.cpu_median_ms} ms (pass ${r.pass_ms}, money ${r.money_ms}; ${r.runs} runs), ${millions} M cases/s`,
    `  the same without the hospital × DRG cells in the result (the workbench's reruns): median ${r.no_cells_median_ms} ms, p90 ${r.no_cells_p90_ms} ms (with them: p90 ${r.p90_ms} ms)`,
    `  a DRG weight edit each round (${r.weight_edit_classified}, ${r.weight_edit_rows_priced} rows priced): median ${r.weight_edit_median_ms} ms, min ${r.weight_edit_min_ms} ms, CPU median ${r.weight_edit_cpu_median_ms} ms`,
    `  new cost thresholds each round (${r.new_classes_classified}): median ${r.new_classes_median_ms} ms, min ${r.new_classes_min_ms} ms, CPU median ${r.new_classes_cpu_median_ms} ms`,
    `  LOS limits cutting into the usual stays (${r.case_by_case_classified}): median ${r.case_by_case_median_ms} ms, CPU median ${r.case_by_case_cpu_median_ms} ms`,
    `  prepare ${r.prepare_ms} ms once (generate ${r.generate_ms} ms)`,
    `  machine reference: a naive per-case typed-array pass over the same cases takes ${r.naive_ms} ms (min of 10)`,
    `  engine ${r.engine_bytes_per_case} bytes/case (prepared cases ${r.prepared_bytes_per_case}, the rest the kept classes); RSS ${r.rss_mb} MB (process peak ${r.peak_rss_mb} MB, reached while generating), heap ${r.heap_mb} MB, array buffers ${r.array_buffers_mb} MB`,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.only === null || options.only === 'engine') {
    const { engine, label } = await bundledEngine(options.engine);
    if (!options.json) console.log(`node ${process.version}, demo city round 0 (points), single thread; engine: ${label}`);
    for (const size of options.sizes) {
      const result = benchSize(size, options, engine);
      console.log(options.json ? JSON.stringify(result) : describe(result));
    }
  }
  // the analyses (decomposition, solve, projection): a few runs each, they take tens to hundreds of ms; --json
  // alone keeps to the engine's lines (one object per size), --only analysis gives theirs
  if (options.only === 'analysis' || (options.only === null && !options.json)) await benchAnalysis(options.sizes, Math.min(options.runs, 5), options.json);
  if (options.only === 'recalibrate' || (options.only === null && !options.json)) await benchRecalibration(options.sizes, Math.min(options.runs, 5), options.json);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
