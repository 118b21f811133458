/**
 * 质量保证金返还 (SETTLEMENT.md §4.3 step 5): what is left of the reserve after sharing is each hospital's
 * deposit in proportion to its B (over the pool's hospitals with B > 0); a hospital receives
 * deposit × eval_coef, where eval_coef maps its 考核得分 by `eval_bands`. The rest returns to the fund.
 */
import type { EvalBand, ResolvedRound } from '../round';
import type { Hospital } from '../types';

/** 考核系数: the first band with score ≥ min_score; 0 below every band; 1.0 for a hospital with no score. */
export function evalCoefficientOf(score: number | null, bands: readonly EvalBand[]): number {
  if (score === null) return 1;
  for (const band of bands) if (score >= band.min_score) return band.coef;
  return 0;
}

/** A hospital's score: the round's evaluation_scores override the hospital file. */
export function evaluationScoreOf(hospital: Hospital, round: ResolvedRound): number | null {
  return round.evaluation_scores[hospital.code] ?? hospital.evaluationScore;
}

/**
 * Incentives of the rows `rows` of one pool: `left` (the reserve after sharing) split by B over rows with B > 0,
 * each × its eval coefficient. Writes `incentive[row]`; returns Σ incentive.
 */
export function distributeIncentive(
  rows: Int32Array,
  baseRevenue: Float64Array,
  evalCoefficient: Float64Array,
  left: number,
  incentive: Float64Array,
): number {
  let depositBase = 0;
  for (const row of rows) if (baseRevenue[row]! > 0) depositBase += baseRevenue[row]!;
  let total = 0;
  for (const row of rows) {
    const b = baseRevenue[row]!;
    const paid = left > 0 && b > 0 ? ((left * b) / depositBase) * evalCoefficient[row]! : 0;
    incentive[row] = paid;
    total += paid;
  }
  return total;
}
