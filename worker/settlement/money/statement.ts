/**
 * The hospital statement (SETTLEMENT.md §4.3 step 6) and its rounding for the report (§4.5): unrounded
 * S = B + sharing + incentive, F = S − patient_pay (basis "fund": F = S), clearing = F − prepaid; then per pool
 * the seven rounded columns by largest remainder and the derived lines in whole fen, so that every statement
 * and every column adds up exactly.
 */
import { largestRemainder } from './rounding';
import type { RoundedRows, RowResults } from '../result';

/** §4.3 step 6 for every row, unrounded; payment_cost_ratio = settlement ÷ C (0 when C is 0). */
export function fillStatements(rows: RowResults, totalBasis: boolean): void {
  const count = rows.points.length;
  for (let row = 0; row < count; row++) {
    const settlement = rows.baseRevenue[row]! + rows.sharing[row]! + rows.incentive[row]!;
    const fundPayment = totalBasis ? settlement - rows.patientPay[row]! : settlement;
    rows.settlement[row] = settlement;
    rows.fundPayment[row] = fundPayment;
    rows.clearing[row] = fundPayment - rows.prepaid[row]!;
    const cost = rows.actualCost[row]!;
    rows.paymentCostRatio[row] = cost > 0 ? settlement / cost : 0;
  }
}

/** Column sums of one pool's rounded rows, in whole fen. */
export interface PoolColumnsFen {
  deduction: number;
  sharing: number;
  incentive: number;
  settlement: number;
  fundPayment: number;
  prepaid: number;
}

/** §4.5 steps 1–2 for the rows of one pool (in hospital_code order); returns the column sums in fen. */
export function roundPoolRows(poolRows: Int32Array, rows: RowResults, rounded: RoundedRows, totalBasis: boolean): PoolColumnsFen {
  largestRemainder(rows.totalCost, poolRows, rounded.totalCost);
  largestRemainder(rows.patientPay, poolRows, rounded.patientPay);
  largestRemainder(rows.deduction, poolRows, rounded.deduction);
  largestRemainder(rows.baseRevenue, poolRows, rounded.baseRevenue);
  largestRemainder(rows.sharing, poolRows, rounded.sharing);
  largestRemainder(rows.incentive, poolRows, rounded.incentive);
  largestRemainder(rows.prepaid, poolRows, rounded.prepaid);
  const sums: PoolColumnsFen = { deduction: 0, sharing: 0, incentive: 0, settlement: 0, fundPayment: 0, prepaid: 0 };
  for (const row of poolRows) {
    const settlement = rounded.baseRevenue[row]! + rounded.sharing[row]! + rounded.incentive[row]!;
    const fundPayment = totalBasis ? settlement - rounded.patientPay[row]! : settlement;
    rounded.settlement[row] = settlement;
    rounded.fundPayment[row] = fundPayment;
    rounded.clearing[row] = fundPayment - rounded.prepaid[row]!;
    sums.deduction += rounded.deduction[row]!;
    sums.sharing += rounded.sharing[row]!;
    sums.incentive += rounded.incentive[row]!;
    sums.settlement += settlement;
    sums.fundPayment += fundPayment;
    sums.prepaid += rounded.prepaid[row]!;
  }
  return sums;
}
