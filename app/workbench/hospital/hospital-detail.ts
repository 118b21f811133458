/**
 * A hospital's page, computed from two settlement results (baseline and round): its monthly pre-payments and
 * year-end clearing, and its DRGs ranked by what the round changes for it. Pure functions over the engine's
 * typed arrays (row = pool × H + hospital; months row × 12 + m; a row's hospital × DRG cells start[row] …
 * start[row + 1] − 1, of DRG drg[k]).
 */
import type { SettlementResult, SettlementSummary } from '@/worker/settlement/result';
import { POOLS, type Pool } from '@/worker/settlement/types';

export interface MonthRow {
  month: number;
  pool: Pool;
  points: number;
  /** provisional yuan per point of the month */
  yuanPerPoint: number;
  prepaid: number;
}

export interface PoolClearing {
  pool: Pool;
  settlement: number;
  fundPayment: number;
  prepaid: number;
  clearing: number;
}

function hospitalIndex(result: SettlementSummary, code: string): number {
  return result.hospitalCodes.indexOf(code);
}

/** 月度预结算: one row per pool and month in which the hospital has cases. */
export function monthlyRows(result: SettlementSummary, code: string): MonthRow[] {
  const h = hospitalIndex(result, code);
  if (h < 0) return [];
  const H = result.hospitalCodes.length;
  const out: MonthRow[] = [];
  POOLS.forEach((pool, p) => {
    const row = p * H + h;
    if (result.rows.hasCases[row] !== 1) return;
    for (let m = 0; m < 12; m++) {
      const i = row * 12 + m;
      out.push({
        month: m + 1,
        pool,
        points: result.months.points[i]!,
        yuanPerPoint: result.months.yuanPerPoint[i]!,
        prepaid: result.months.prepaid[i]!,
      });
    }
  });
  return out;
}

/** 年度清算 per pool, from the rounded (fen) statement figures. */
export function clearingRows(result: SettlementSummary, code: string): PoolClearing[] {
  const h = hospitalIndex(result, code);
  if (h < 0) return [];
  const H = result.hospitalCodes.length;
  const out: PoolClearing[] = [];
  POOLS.forEach((pool, p) => {
    const row = p * H + h;
    if (result.rows.hasCases[row] !== 1) return;
    const r = result.rounded;
    out.push({
      pool,
      settlement: r.settlement[row]! / 100,
      fundPayment: r.fundPayment[row]! / 100,
      prepaid: r.prepaid[row]! / 100,
      clearing: r.clearing[row]! / 100,
    });
  });
  return out;
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
