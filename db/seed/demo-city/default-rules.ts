/**
 * The settlement rules a bureau starts from: the engine's own defaults (SETTLEMENT.md §2–§6, `DEFAULTS` in
 * worker/settlement/round.ts), written out in full for round 0, plus the demo city's own last-year coefficients.
 * The generator shapes its cost tails and the calibration figures by the same rules.
 */
import { highMultipleOf } from '@/worker/settlement/rules/drg-rules';
import { DEFAULTS } from '@/worker/settlement/round';

/** 低倍率: cost below this multiple of the benchmark. */
export const DEFAULT_LOW_MULTIPLE = DEFAULTS.low_multiple;
/** 不纳入DRG结算: los ≤ this … */
export const DEFAULT_EXCLUDE_LOS_MAX = DEFAULTS.exclude_los_max;
/** … or los ≥ this. */
export const DEFAULT_EXCLUDE_LOS_MIN = DEFAULTS.exclude_los_min;

/** Last year's 等级系数 of the demo city. */
export const LAST_YEAR_LEVEL_COEFFICIENTS = { '1': 0.75, '2': 0.9, '3': 1.0 } as const;

/** The high-cost multiple for a DRG weight under the default bands (SETTLEMENT.md §2 rule 4). */
export function highCostMultiple(weight: number): number {
  return highMultipleOf(weight, DEFAULTS.high_bands);
}

/**
 * Last year's rules: every §6 rule written out with its value, except the budget (computed from the cases).
 * Per-code overrides (weights, benchmark_costs, hospital_coefficients, evaluation_scores,
 * uniform_price_drgs), rates and monthly point values are absent: the catalog and the hospital file apply.
 */
export const LAST_YEAR_RULES = {
  method: 'points',
  base_points: DEFAULTS.base_points,
  point_value_basis: DEFAULTS.point_value_basis,
  prepay_ratio: DEFAULTS.prepay_ratio,
  level_coefficients: LAST_YEAR_LEVEL_COEFFICIENTS,
  uniform_coefficient: DEFAULTS.uniform_coefficient,
  high_bands: DEFAULTS.high_bands,
  high_extra_ratio: DEFAULTS.high_extra_ratio,
  high_extra_times_coef: DEFAULTS.high_extra_times_coef,
  low_multiple: DEFAULTS.low_multiple,
  low_times_coef: DEFAULTS.low_times_coef,
  ungrouped_ratio: DEFAULTS.ungrouped_ratio,
  exclude_los_max: DEFAULTS.exclude_los_max,
  exclude_los_min: DEFAULTS.exclude_los_min,
  reserve_ratio: DEFAULTS.reserve_ratio,
  sharing_bands: DEFAULTS.sharing_bands,
  surplus_cap: DEFAULTS.surplus_cap,
  eval_bands: DEFAULTS.eval_bands,
} as const;
