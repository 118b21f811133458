/**
 * The per-DRG rules of a round (SETTLEMENT.md §2, §3), built once per run: each DRG's kind, weight,
 * benchmark cost, base points, high-cost multiple and cost thresholds — in yuan and, for the passes, in whole fen.
 */
import type { HighBand, ResolvedRound } from '../round';
import type { DrgEntry } from '../types';
import { DRG_GROUPED, DRG_PER_DIEM, DRG_UNGROUPED } from './classes';

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
