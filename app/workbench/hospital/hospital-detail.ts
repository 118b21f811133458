/**
 * A hospital's DRGs ranked by what the round changes for it, from two settlement results (baseline and round).
 * Pure functions over the engine's typed arrays (row = pool × H + hospital; a row's hospital × DRG cells
 * start[row] … start[row + 1] − 1, of DRG drg[k]). Its statement is worker/settlement/money/hospital-statement.ts, its months monthly-prepayments.ts.
 */
import type { SettlementResult, SettlementSummary } from '@/worker/settlement/result';
import { POOLS } from '@/worker/settlement/types';

function hospitalIndex(result: SettlementSummary, code: string): number {
  return result.hospitalCodes.indexOf(code);
}

export interface DrgChange {
  code: string;
  cases: number;
  totalCost: number;
  baselinePoints: number;
  points: number;
  baselineRevenue: number;
  revenue: number;
  /** revenue − baseline revenue (yuan, before deductions, sharing and incentive) */
  change: number;
}

/** The hospital's DRG figures summed over both pools, by DRG index: its cells (row × DRG) in the engine's layout. */
function hospitalDrgSums(result: SettlementResult, h: number) {
  const D = result.drgCodes.length;
  const H = result.hospitalCodes.length;
  const cells = result.hospitalDrgs;
  const sums = { cases: new Float64Array(D), totalCost: new Float64Array(D), points: new Float64Array(D), revenue: new Float64Array(D) };
  for (let p = 0; p < POOLS.length; p++) {
    const row = p * H + h;
    for (let k = cells.start[row]!; k < cells.start[row + 1]!; k++) {
      const d = cells.drg[k]!;
      if (d >= D) continue; // cases without a DRG: counted in the rows, not here
      sums.cases[d] = sums.cases[d]! + cells.cases[k]!;
      sums.totalCost[d] = sums.totalCost[d]! + cells.totalCost[k]!;
      sums.points[d] = sums.points[d]! + cells.points[k]!;
      sums.revenue[d] = sums.revenue[d]! + cells.revenue[k]!;
    }
  }
  return sums;
}

/** The hospital's DRGs (both pools) with their DRG revenue under baseline and round, largest loss first. */
export function drgChanges(baseline: SettlementResult, round: SettlementResult, code: string): DrgChange[] {
  const hb = hospitalIndex(baseline, code);
  const hr = hospitalIndex(round, code);
  if (hb < 0 || hr < 0) return [];
  const now = hospitalDrgSums(round, hr);
  const before = hospitalDrgSums(baseline, hb);
  const out: DrgChange[] = [];
  round.drgCodes.forEach((code, d) => {
    if (now.cases[d] === 0 && before.points[d] === 0) return;
    const revenue = now.revenue[d]!;
    const baselineRevenue = before.revenue[d]!;
    out.push({
      code,
      cases: now.cases[d]!,
      totalCost: now.totalCost[d]!,
      baselinePoints: before.points[d]!,
      points: now.points[d]!,
      baselineRevenue,
      revenue,
      change: revenue - baselineRevenue,
    });
  });
  return out.sort((a, b) => a.change - b.change || (a.code < b.code ? -1 : 1));
}
