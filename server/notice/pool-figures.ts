/**
 * 点值与费率 — each pool's figures as the notice publishes them (SETTLEMENT.md §4.1, §4.2, §7): budget, reserve,
 * points, the year's point value (点数法) or rates by level (费率法), and month by month the provisional point
 * value, the points and the pre-payments. Money in whole fen as reported (§4.5); point values unrounded (§4.5 step 4).
 */
import { monthlyPrepayments } from '@/worker/settlement/money/monthly-prepayments';
import { reportedPoolRows } from '@/worker/settlement/money/hospital-statement';
import type { ResolvedRound } from '@/worker/settlement/round';
import type { SettlementResult } from '@/worker/settlement/result';
import { roundPoints } from '@/worker/settlement/rounding';
import { LEVELS, type Level, type Pool } from '@/worker/settlement/types';

const MONTH_COUNT = 12;

export interface NoticeMonth {
  /** 1–12 */
  month: number;
  /** 月度预结算点值 (点数法; null in 费率法, where the month is paid at the rate) */
  pointValue: number | null;
  /** the month's points, to 4 decimals */
  points: number;
  /** Σ the hospitals' pre-payments of the month (whole fen; the months add up to the pool's pre-paid) */
  prepaidFen: number;
}

export interface NoticePool {
  pool: Pool;
  method: 'points' | 'rate';
  /** hospitals with cases in the pool */
  hospitals: number;
  budgetFen: number;
  /** 调剂金 reserve_ratio × budget */
  reserveFen: number;
  /** Σ points of the pool's paid cases, to 4 decimals */
  points: number;
  /** 点值 (点数法), unrounded; null in 费率法 */
  pointValue: number | null;
  /** 基础费率 per level (费率法: rate_by_level, else the pool's rate); null in 点数法 */
  rateByLevel: Record<Level, number> | null;
  months: NoticeMonth[];
  settlementFen: number;
  fundPaymentFen: number;
  sharingFen: number;
  incentiveFen: number;
  returnedFen: number;
  prepaidFen: number;
}

/** Σ of the hospitals' month figures of pool `p`: points (unrounded) and pre-payments (whole fen). */
function monthTotals(result: SettlementResult, p: number, pool: Pool): { points: number[]; prepaidFen: number[] } {
  const points = new Array<number>(MONTH_COUNT).fill(0);
  const prepaidFen = new Array<number>(MONTH_COUNT).fill(0);
  const count = result.hospitalCodes.length;
  for (const row of reportedPoolRows(result, p)) {
    const code = result.hospitalCodes[row - p * count]!;
    for (const m of monthlyPrepayments(result, code, pool)) {
      points[m.month - 1]! += m.points;
      prepaidFen[m.month - 1]! += m.prepaidFen;
    }
  }
  return { points, prepaidFen };
}

function ratesOf(params: ResolvedRound, pool: Pool): Record<Level, number> {
  const byLevel = params.rate_by_level[pool];
  return Object.fromEntries(LEVELS.map((level) => [level, byLevel[String(level) as '1' | '2' | '3'] ?? params.rate[pool]])) as Record<Level, number>;
}

/** The pools with at least one hospital settled, in the engine's order (职工 first). */
export function poolFigures(result: SettlementResult, params: ResolvedRound): NoticePool[] {
  const pointsMethod = result.method === 'points';
  return result.pools.flatMap((summary, p) => {
    const hospitals = reportedPoolRows(result, p).length;
    if (hospitals === 0) return [];
    const months = monthTotals(result, p, summary.pool);
    return [
      {
        pool: summary.pool,
        method: result.method,
        hospitals,
        budgetFen: summary.budgetFen,
        reserveFen: summary.reserveFen,
        points: roundPoints(summary.points),
        pointValue: pointsMethod ? summary.pointValue : null,
        rateByLevel: pointsMethod ? null : ratesOf(params, summary.pool),
        months: months.points.map((points, m) => ({
          month: m + 1,
          pointValue: pointsMethod ? summary.monthlyPointValue[m]! : null,
          points: roundPoints(points),
          prepaidFen: months.prepaidFen[m]!,
        })),
        settlementFen: summary.settlementFen,
        fundPaymentFen: summary.fundPaymentFen,
        sharingFen: summary.sharingFen,
        incentiveFen: summary.incentiveFen,
        returnedFen: summary.returnedFen,
        prepaidFen: summary.prepaidFen,
      },
    ];
  });
}
