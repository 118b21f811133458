/**
 * 权重测算 (ANALYSIS.md §C): a round's weights rebuilt from the data set's cases — used cases (§C.1), trimmed per
 * DRG (§C.2), raw weights against the pooled mean (§C.3), blended, capped (§C.4), re-centred (§C.5), new
 * benchmark costs (§C.6) — and one report row per DRG with a weight (§C.7).
 */
import { resolveRound, type ResolvedRound, type RoundParams } from '@/worker/settlement/round';
import type { DrgEntry, SettlementData } from '@/worker/settlement/types';
import { summariseDrgCosts, type DrgCostSummary } from './drg-costs';
import { DEFAULT_OPTIONS, type RecalibrationOptions } from './options';
import { currentBenchmarkOf, gatherUsedCosts, type UsedCosts } from './used-cases';
import { computeWeights } from './weights';

export const RECALIBRATION_FLAGS = ['few_cases', 'cv_over_1', 'change_over_10pct'] as const;
/** few_cases: kept < min-cases, keeps its weight; cv_over_1: CV of the kept costs > 1; change_over_10pct: |change| > 10 % */
export type RecalibrationFlag = (typeof RECALIBRATION_FLAGS)[number];

/** One DRG of the report (§C.7's columns by their contract names, then what the page and the new round need). */
export interface RecalibrationRow {
  drg_code: string;
  name: string;
  cases: number;
  kept: number;
  /** yuan: mean and median of the used costs, mean of the kept ones (null without a case) */
  mean: number | null;
  median: number | null;
  trimmed_mean: number | null;
  cv: number | null;
  current_weight: number;
  new_weight: number;
  /** new ÷ current − 1 */
  change: number;
  flags: RecalibrationFlag[];
  mdc: string;
  /** trimmed_mean ÷ M before blend, cap and re-centring (null when not eligible) */
  raw_weight: number | null;
  /** the trim's bounds (yuan; null where it cuts nothing or without a case) */
  lower: number | null;
  upper: number | null;
  current_benchmark_cost: number | null;
  /** §C.6: mean of the used costs to the fen when eligible, else the current one */
  new_benchmark_cost: number | null;
}

/** The city's side of the recalibration (over the used cases of every DRG with a weight). */
export interface RecalibrationSummary {
  drgs: number;
  eligibleDrgs: number;
  usedCases: number;
  /** kept cases of the eligible DRGs: M's cases */
  pooledCases: number;
  /** M (yuan; null when no DRG is eligible) */
  pooledMean: number | null;
  /** s */
  scale: number;
  /** Σ weight over the used cases, before (current) and after (new, rounded) */
  totalWeightBefore: number;
  totalWeightAfter: number;
  /** 基准点数 × Σ weight: the used cases' base points */
  totalPointsBefore: number;
  totalPointsAfter: number;
  /** Σ weight ÷ used cases */
  cmiBefore: number | null;
  cmiAfter: number | null;
  flagged: Record<RecalibrationFlag, number>;
}

export interface Recalibration {
  options: RecalibrationOptions;
  rows: RecalibrationRow[];
  summary: RecalibrationSummary;
}

/** |change| above 10 %, beyond the last bits of a division (new 1.1 over current 1 is 10 %, not more). */
const CHANGE_FLAG = 0.1 + 1e-9;

function flagsOf(summary: DrgCostSummary, eligible: boolean, change: number): RecalibrationFlag[] {
  const flags: RecalibrationFlag[] = [];
  if (!eligible) flags.push('few_cases');
  if (summary.cv !== null && summary.cv > 1) flags.push('cv_over_1');
  if (Math.abs(change) > CHANGE_FLAG) flags.push('change_over_10pct');
  return flags;
}

const finiteOrNull = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);

/** §C.6: the mean used cost to the fen, half away from zero, from the exact sum in fen. */
function benchmarkOf(summary: DrgCostSummary): number {
  return Math.floor(summary.costFen / summary.cases + 0.5) / 100;
}

/** The recalibration of the used costs `used` of `catalog` under the resolved round (steps §C.2–§C.7). */
export function recalibrateUsed(used: UsedCosts, catalog: readonly DrgEntry[], round: ResolvedRound, options: RecalibrationOptions): Recalibration {
  const weighted = catalog.map((_, d) => d).filter((d) => used.currentWeight[d]! > 0);
  const summaries = weighted.map((d) => summariseDrgCosts(used.costs, used.start[d]!, used.start[d + 1]!, options.trim));
  const inputs = {
    current: Float64Array.from(weighted, (d) => used.currentWeight[d]!),
    cases: Float64Array.from(summaries, (s) => s.cases),
    kept: Float64Array.from(summaries, (s) => s.kept),
    keptCostFen: Float64Array.from(summaries, (s) => s.keptCostFen),
  };
  const weights = computeWeights(inputs, options);
  const rows = weighted.map((d, j): RecalibrationRow => {
    const drg = catalog[d]!;
    const summary = summaries[j]!;
    const eligible = weights.eligible[j] === 1;
    const current = inputs.current[j]!;
    const change = weights.next[j]! / current - 1;
    const currentBenchmark = currentBenchmarkOf(drg, round);
    return {
      drg_code: drg.code,
      name: drg.name,
      cases: summary.cases,
      kept: summary.kept,
      mean: summary.mean,
      median: summary.median,
      trimmed_mean: summary.trimmedMean,
      cv: summary.cv,
      current_weight: current,
      new_weight: weights.next[j]!,
      change,
      flags: flagsOf(summary, eligible, change),
      mdc: drg.mdc,
      raw_weight: eligible ? weights.raw[j]! : null,
      lower: finiteOrNull(summary.lower),
      upper: finiteOrNull(summary.upper),
      current_benchmark_cost: currentBenchmark,
      new_benchmark_cost: eligible ? benchmarkOf(summary) : currentBenchmark,
    };
  });
  return { options, rows, summary: summaryOf(rows, weights.eligible, weights.pooledMean, weights.scale, round.base_points) };
}

function summaryOf(rows: readonly RecalibrationRow[], eligible: Uint8Array, pooledMean: number | null, scale: number, basePoints: number): RecalibrationSummary {
  let usedCases = 0;
  let pooledCases = 0;
  let before = 0;
  let after = 0;
  const flagged: Record<RecalibrationFlag, number> = { few_cases: 0, cv_over_1: 0, change_over_10pct: 0 };
  rows.forEach((row, j) => {
    usedCases += row.cases;
    if (eligible[j] === 1) pooledCases += row.kept;
    before += row.cases * row.current_weight;
    after += row.cases * row.new_weight;
    for (const flag of row.flags) flagged[flag]++;
  });
  return {
    drgs: rows.length,
    eligibleDrgs: eligible.reduce((n, e) => n + e, 0),
    usedCases,
    pooledCases,
    pooledMean,
    scale,
    totalWeightBefore: before,
    totalWeightAfter: after,
    totalPointsBefore: before * basePoints,
    totalPointsAfter: after * basePoints,
    cmiBefore: usedCases > 0 ? before / usedCases : null,
    cmiAfter: usedCases > 0 ? after / usedCases : null,
    flagged,
  };
}

/** ANALYSIS.md §C: the recalibration of `data` from round `params` (already parsed) with `options`. */
export function recalibrate(data: SettlementData, params: RoundParams, options: RecalibrationOptions = DEFAULT_OPTIONS): Recalibration {
  const round = resolveRound(params);
  return recalibrateUsed(gatherUsedCosts(data, round), data.catalog, round, options);
}
