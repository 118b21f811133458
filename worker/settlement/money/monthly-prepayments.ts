/**
 * 月度预结算 — a hospital's monthly pre-payments in one pool (SETTLEMENT.md §4.1, §4.2): each month's points,
 * the month's point value (点数法) or rate ÷ base_points (费率法), the fund share and the pre-payment
 * prepay_ratio × max(0, fund share). The report rounds only the year's pre-paid per hospital (§4.5); the months
 * are given in whole fen that add up to it exactly (largest remainder, ties to the earlier month).
 */
import type { SettlementSummary } from '../result';
import { POOLS, type Pool } from '../types';

export interface MonthRow {
  pool: Pool;
  /** 1–12 */
  month: number;
  points: number;
  /** the month's provisional yuan per point (月度点值, or rate ÷ base_points) */
  yuanPerPoint: number;
  /** points × yuan per point (yuan, unrounded) */
  revenue: number;
  /** 个人负担 of the month (yuan, whole fen) */
  patientPay: number;
  /** the fund's share of the month before prepay_ratio and the floor at 0 (yuan, unrounded) */
  fundShare: number;
  /** the month's pre-payment in whole fen; the months sum to the statement's pre-paid */
  prepaidFen: number;
}

const MONTH_COUNT = 12;

/**
 * Splits `totalFen` over `yuan` (figures that sum to about totalFen / 100): every figure floored to the fen,
 * then one more fen to the largest remainders (ties: the earlier figure) until the figures sum to `totalFen`.
 */
export function apportionFen(yuan: readonly number[], totalFen: number): number[] {
  const fen = yuan.map((y) => Math.floor(y * 100));
  let left = totalFen - fen.reduce((s, f) => s + f, 0);
  const order = yuan.map((y, i) => ({ i, remainder: y * 100 - fen[i]! })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]!.i;
    fen[i] = fen[i]! + 1;
  }
  return fen;
}

/** The 12 months of the hospital's pre-payments in `pool`; empty when it has no case in the pool. */
export function monthlyPrepayments(result: SettlementSummary, code: string, pool: Pool): MonthRow[] {
  const h = result.hospitalCodes.indexOf(code);
  const p = POOLS.indexOf(pool);
  if (h < 0 || p < 0) return [];
  const row = p * result.hospitalCodes.length + h;
  if (result.rows.hasCases[row] !== 1) return [];
  const { months } = result;
  const first = row * MONTH_COUNT;
  const prepaid = apportionFen(Array.from(months.prepaid.subarray(first, first + MONTH_COUNT)), result.rounded.prepaid[row]!);
  return prepaid.map((prepaidFen, m) => {
    const i = first + m;
    const points = months.points[i]!;
    const yuanPerPoint = months.yuanPerPoint[i]!;
    return {
      pool,
      month: m + 1,
      points,
      yuanPerPoint,
      revenue: points * yuanPerPoint,
      patientPay: months.patientPay[i]!,
      fundShare: months.fundShare[i]!,
      prepaidFen,
    };
  });
}
