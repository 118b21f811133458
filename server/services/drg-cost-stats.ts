/**
 * The cost figures of each DRG that a formula edit reads (ANALYSIS.md §D `mean_cost`, `cv`): over all the data
 * set's cases grouped into the DRG, both pools, untrimmed — the mean cost per case and the coefficient of
 * variation (population SD ÷ mean). Read from the cached columns (settlement-data.ts) in two passes, cached per
 * data set version. The 权重测算 page's CV is of the trimmed costs of the cases it uses (§C), so it may differ.
 */
import type { Db } from '@/db/client';
import { NO_DRG, type SettlementData } from '@/worker/settlement/types';
import { settlementData } from './settlement-data';

export interface DrgCostStats {
  code: string;
  /** cases grouped into the DRG */
  cases: number;
  /** 次均费用 of the data: mean total cost per case, yuan (null: no case) */
  meanCost: number | null;
  /** population SD ÷ mean of the cases' total costs (null: no case, or a mean of 0) */
  cv: number | null;
}

const cache = new WeakMap<SettlementData, DrgCostStats[]>();

/** Each catalog DRG's mean cost and CV from the cases as given. */
export function computeDrgCostStats(data: SettlementData): DrgCostStats[] {
  const { drg, totalCost, count } = data.cases;
  const drgs = data.catalog.length;
  const cases = new Float64Array(drgs);
  // costs are summed in whole fen, so the mean does not depend on the order of the cases
  const costFen = new Float64Array(drgs);
  for (let i = 0; i < count; i++) {
    const d = drg[i]!;
    if (d === NO_DRG || d >= drgs) continue;
    cases[d]!++;
    costFen[d]! += Math.round(totalCost[i]! * 100);
  }
  const mean = Float64Array.from(cases, (n, d) => (n > 0 ? costFen[d]! / n / 100 : 0));
  const squares = new Float64Array(drgs);
  for (let i = 0; i < count; i++) {
    const d = drg[i]!;
    if (d === NO_DRG || d >= drgs) continue;
    squares[d]! += (totalCost[i]! - mean[d]!) ** 2;
  }
  return data.catalog.map((entry, d) => {
    const n = cases[d]!;
    const m = mean[d]!;
    return { code: entry.code, cases: n, meanCost: n > 0 ? m : null, cv: n > 0 && m > 0 ? Math.sqrt(squares[d]! / n) / m : null };
  });
}

export function drgCostStats(db: Db, datasetId: number): DrgCostStats[] {
  const { data } = settlementData(db, datasetId);
  let stats = cache.get(data);
  if (!stats) cache.set(data, (stats = computeDrgCostStats(data)));
  return stats;
}
