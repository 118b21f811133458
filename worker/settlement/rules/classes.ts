/**
 * 病例分类 (SETTLEMENT.md §2): the per-DRG rules of a round, built once per run, and the classification of one
 * case. Classes are integer codes; the order of the tests below is the order of §2 (first match wins).
 */
import type { ResolvedRound, HighBand } from './round';
import type { DrgEntry } from './types';

/** Case classes, in the order of the §7 `cases` object. */
export const CASE_CLASSES = ['normal', 'high', 'low', 'special', 'ungrouped', 'excluded'] as const;
export type CaseClassName = (typeof CASE_CLASSES)[number];
export const NORMAL = 0;
export const HIGH = 1;
export const LOW = 2;
export const SPECIAL = 3;
export const UNGROUPED = 4;
export const EXCLUDED = 5;

/** What a DRG code means for its cases before LOS and cost are looked at. */
export const DRG_GROUPED = 0;
/** 床日付费: every case is excluded */
export const DRG_PER_DIEM = 1;
/** empty or unknown code, or a DRG with no weight (or no benchmark cost): cases are ungrouped */
export const DRG_UNGROUPED = 2;

/**
 * The per-DRG parameters of one round, indexed by catalog position. Arrays have one more entry, index
 * `count`, standing for "no DRG" (empty or unknown code): its kind is DRG_UNGROUPED.
 */
export interface DrgRules {
  count: number;
  codes: string[];
  kind: Uint8Array;
  /** 相对权重 RW after the round's overrides (0 for a DRG that is not grouped) */
  weight: Float64Array;
  /** 全市该DRG次均费用 after the round's overrides */
  benchmarkCost: Float64Array;
  /** 基准点数 = RW × base_points */
  basePoints: Float64Array;
  /** 高倍率 m of the DRG's RW band (Infinity when no band applies) */
  highMultiple: Float64Array;
  /** total_cost above this is a high-cost case: m × benchmark */
  highCostThreshold: Float64Array;
  /** total_cost below this is a low-cost case: low_multiple × benchmark */
  lowCostThreshold: Float64Array;
  /** the same tests on whole fen: high ⇔ fen ≥ highCostFenMin, low ⇔ fen ≤ lowCostFenMax (exactly as in yuan) */
  highCostFenMin: Float64Array;
  lowCostFenMax: Float64Array;
  /** 同病同价: 1 when the DRG is paid at uniform_coefficient in every hospital */
  uniformPrice: Uint8Array;
}

/** §2.4: the first band with rw ≤ rw_max (null = no bound) gives the multiple. */
export function highMultipleOf(weight: number, bands: readonly HighBand[]): number {
  for (const band of bands) if (band.rw_max === null || weight <= band.rw_max) return band.multiple;
  return Number.POSITIVE_INFINITY;
}

/** The smallest whole fen f with f / 100 > threshold: `cost > threshold` ⇔ `fen ≥ f` for cost = fen / 100. */
export function fenAbove(threshold: number): number {
  if (!Number.isFinite(threshold)) return threshold;
  let fen = Math.floor(threshold * 100);
  while (fen / 100 > threshold) fen--;
  while (!(fen / 100 > threshold)) fen++;
  return fen;
}

/** The largest whole fen f with f / 100 < threshold: `cost < threshold` ⇔ `fen ≤ f` for cost = fen / 100. */
export function fenBelow(threshold: number): number {
  let fen = Math.ceil(threshold * 100);
  while (!(fen / 100 < threshold)) fen--;
  while ((fen + 1) / 100 < threshold) fen++;
  return fen;
}

/** Builds the DRG rules of a round: catalog values with the round's weight/benchmark/uniform-price overrides. */
export function buildDrgRules(catalog: readonly DrgEntry[], round: ResolvedRound): DrgRules {
  const count = catalog.length;
  const rules: DrgRules = {
    count,
    codes: catalog.map((d) => d.code),
    kind: new Uint8Array(count + 1).fill(DRG_UNGROUPED),
    weight: new Float64Array(count + 1),
    benchmarkCost: new Float64Array(count + 1),
    basePoints: new Float64Array(count + 1),
    highMultiple: new Float64Array(count + 1),
    highCostThreshold: new Float64Array(count + 1),
    lowCostThreshold: new Float64Array(count + 1),
    highCostFenMin: new Float64Array(count + 1),
    lowCostFenMax: new Float64Array(count + 1),
    uniformPrice: new Uint8Array(count + 1),
  };
  const uniformCodes = new Set(round.uniform_price_drgs);
  catalog.forEach((drg, d) => {
    const weight = round.weights[drg.code] ?? drg.weight;
    const benchmark = round.benchmark_costs[drg.code] ?? drg.benchmarkCost;
    const grouped = weight !== null && weight > 0 && benchmark !== null && benchmark > 0;
    rules.kind[d] = drg.perDiem ? DRG_PER_DIEM : grouped ? DRG_GROUPED : DRG_UNGROUPED;
    rules.uniformPrice[d] = drg.uniformPrice || uniformCodes.has(drg.code) ? 1 : 0;
    if (!grouped) return;
    const multiple = highMultipleOf(weight, round.high_bands);
    rules.weight[d] = weight;
    rules.benchmarkCost[d] = benchmark;
    rules.basePoints[d] = weight * round.base_points;
    rules.highMultiple[d] = multiple;
    rules.highCostThreshold[d] = multiple * benchmark;
    rules.lowCostThreshold[d] = round.low_multiple * benchmark;
    rules.highCostFenMin[d] = fenAbove(multiple * benchmark);
    rules.lowCostFenMax[d] = fenBelow(round.low_multiple * benchmark);
  });
  return rules;
}

/** The LOS window of §2.1: stays this short or this long are excluded. */
export interface LosWindow {
  excludeLosMax: number;
  excludeLosMin: number;
}

/**
 * §2: the class of one case (first match wins), costs in yuan. `drg` is the catalog index, or NO_DRG (or
 * any index ≥ count) for none. The settlement pass makes the same tests on whole fen; this is the
 * reference used by tests and explanations.
 */
export function classifyCase(
  rules: DrgRules,
  window: LosWindow,
  drg: number,
  los: number,
  totalCost: number,
  specialReview: number,
): number {
  const kind = drg < rules.count ? rules.kind[drg]! : DRG_UNGROUPED;
  if (los <= window.excludeLosMax || los >= window.excludeLosMin || kind === DRG_PER_DIEM) return EXCLUDED;
  if (kind === DRG_UNGROUPED) return UNGROUPED;
  if (specialReview === 1) return SPECIAL;
  if (totalCost > rules.highCostThreshold[drg]!) return HIGH;
  if (totalCost < rules.lowCostThreshold[drg]!) return LOW;
  return NORMAL;
}
