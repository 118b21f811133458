/**
 * 月度预结算 (SETTLEMENT.md §4.1, §4.2): the provisional point value of each month and each hospital's
 * monthly fund pre-payment, `prepay_ratio × max(0, fund share of the month)`.
 */
import { MONTHS } from '../kernel/prepare';
import type { Tally } from '../kernel/tally';
import { pointValueOf } from './point-value';
import type { MonthResults } from '../result';

/** a module-local copy: under tsx (and vitest) an imported binding is a getter call on every read */
const MONTH_COUNT = MONTHS;

/**
 * Monthly point values of one pool in 点数法: the round's fixed `monthly_point_value` when given, else
 * month t's own value from D ÷ 12 and the month's points and patient payments (0 for a month without points).
 */
export function monthlyPointValues(tally: Tally, pool: number, fixed: number | null, distributable: number, totalBasis: boolean): Float64Array {
  const values = new Float64Array(MONTH_COUNT);
  if (fixed !== null) return values.fill(fixed);
  for (let t = 0; t < MONTH_COUNT; t++) {
    let points = 0;
    let patientPayFen = 0;
    for (let h = 0; h < tally.hospitalCount; h++) {
      const rm = (pool * tally.hospitalCount + h) * MONTH_COUNT + t;
      points += tally.monthPoints[rm]!;
      patientPayFen += tally.monthPatientPayFen[rm]!;
    }
    values[t] = pointValueOf(totalBasis, distributable / MONTH_COUNT, patientPayFen / 100, points);
  }
  return values;
}

/**
 * Fills the month results of every row and returns each row's Σ pre-payments. `monthYuanPerPoint(row, t)`
 * is the month's point value (点数法) or the hospital's rate ÷ base_points (费率法).
 */
export function prepayments(
  tally: Tally,
  yuanPerPointOfMonth: (row: number, month: number) => number,
  totalBasis: boolean,
  prepayRatio: number,
  months: MonthResults,
): Float64Array {
  const rows = tally.poolCount * tally.hospitalCount;
  const prepaid = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    for (let t = 0; t < MONTH_COUNT; t++) {
      const rm = row * MONTH_COUNT + t;
      const price = yuanPerPointOfMonth(row, t);
      const patientPay = tally.monthPatientPayFen[rm]! / 100;
      const points = tally.monthPoints[rm]!;
      // §4.1: fund share = revenue − patient payments on the total basis, revenue itself on the fund basis
      const fundShare = totalBasis ? points * price - patientPay : points * price;
      const paid = prepayRatio * Math.max(0, fundShare);
      months.points[rm] = points;
      months.patientPay[rm] = patientPay;
      months.yuanPerPoint[rm] = price;
      months.fundShare[rm] = fundShare;
      months.prepaid[rm] = paid;
      prepaid[row]! += paid;
    }
  }
  return prepaid;
}
