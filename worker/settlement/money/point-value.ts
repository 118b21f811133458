/**
 * From points to money (SETTLEMENT.md §4.1, §4.2): the final point value of a pool in 点数法, the rate of a
 * hospital in 费率法, and the DRG revenue of rows and DRGs as points × yuan per point. In 费率法 the yuan per
 * point of a hospital is rate ÷ base_points, so both methods price points the same way from here on.
 */
import type { ResolvedRound } from '../round';
import type { Tally } from '../kernel/tally';
import { POOLS, type Hospital, type Pool } from '../types';

/** 调剂金 R = reserve_ratio × budget (§4.1; §4.2: 0 without a budget). */
export function reserveOf(round: ResolvedRound, pool: Pool): number {
  return round.reserve_ratio * round.budget[pool];
}

/** Money is on the total-cost basis in 费率法 and in 点数法 with point_value_basis "total". */
export function isTotalBasis(round: ResolvedRound): boolean {
  return round.method === 'rate' || round.point_value_basis === 'total';
}

/**
 * 点值 (§4.1): basis "total" `(fund + patient payments) ÷ points`, basis "fund" `fund ÷ points`.
 * Used for the year (fund = D) and for a month (fund = D ÷ 12). 0 when there are no points.
 */
export function pointValueOf(totalBasis: boolean, fund: number, patientPay: number, points: number): number {
  if (!(points > 0)) return 0;
  return totalBasis ? (fund + patientPay) / points : fund / points;
}

/** 基础费率 of a hospital (§4.2): rate_by_level[pool][level] when given, else rate[pool]. */
export function rateOf(round: ResolvedRound, pool: Pool, hospital: Hospital): number {
  return round.rate_by_level[pool][String(hospital.level) as '1' | '2' | '3'] ?? round.rate[pool];
}

/** Σ points and Σ patient payments of a pool, in hospital order. */
export function poolPointsAndPatientPay(tally: Tally, pool: number): { points: number; patientPay: number } {
  let points = 0;
  let patientPayFen = 0;
  for (let h = 0; h < tally.hospitalCount; h++) {
    const row = pool * tally.hospitalCount + h;
    points += tally.points[row]!;
    patientPayFen += tally.patientPayFen[row]!;
  }
  return { points, patientPay: patientPayFen / 100 };
}

/** Yuan per point of every row: the pool's point value (点数法) or the hospital's rate ÷ base_points (费率法). */
export function yuanPerPointOfRows(round: ResolvedRound, hospitals: readonly Hospital[], pointValues: Float64Array): Float64Array {
  const out = new Float64Array(POOLS.length * hospitals.length);
  POOLS.forEach((pool, p) => {
    hospitals.forEach((hospital, h) => {
      out[p * hospitals.length + h] =
        round.method === 'points' ? pointValues[p]! : rateOf(round, pool, hospital) / round.base_points;
    });
  });
  return out;
}

/**
 * DRG revenue = points × yuan per point (before deductions), for rows, hospital × DRG cells (`rowCellStart`,
 * `cellDrg` of the prepared cases) and DRGs.
 */
export function priceTally(tally: Tally, rowCellStart: Int32Array, cellDrg: Uint16Array, yuanPerPoint: Float64Array, revenue: Float64Array): void {
  const { drgCount, hospitalCount } = tally;
  const { points: cellPoints, revenue: cellRevenue } = tally.cells;
  const drgRevenue = tally.drgs.revenue;
  const rowPoints = tally.points;
  for (let row = 0; row < tally.poolCount * hospitalCount; row++) {
    const price = yuanPerPoint[row]!;
    revenue[row] = rowPoints[row]! * price;
    const offset = Math.floor(row / hospitalCount) * drgCount;
    const end = rowCellStart[row + 1]!;
    for (let k = rowCellStart[row]!; k < end; k++) {
      const d = cellDrg[k]!;
      if (d >= drgCount) continue;
      const money = cellPoints[k]! * price;
      cellRevenue[k] = money;
      drgRevenue[offset + d]! += money;
    }
  }
}
