/**
 * The settlement rules a bureau starts from (SETTLEMENT.md §2–§6 defaults), written out in full: round 0
 * carries them explicitly, and the generator shapes its cost tails and the calibration figures by them.
 */

/** 高倍率 bands: the first band with rw ≤ rw_max gives the multiple (null = no upper bound). */
export const DEFAULT_HIGH_BANDS = [
  { rw_max: 1, multiple: 3 },
  { rw_max: 3, multiple: 2 },
  { rw_max: null, multiple: 1.5 },
] as const;

/** 低倍率: cost below this multiple of the benchmark. */
export const DEFAULT_LOW_MULTIPLE = 0.4;
/** 不纳入DRG结算: los ≤ this … */
export const DEFAULT_EXCLUDE_LOS_MAX = 2;
/** … or los ≥ this. */
export const DEFAULT_EXCLUDE_LOS_MIN = 60;

/** Last year's 等级系数 of the demo city. */
export const LAST_YEAR_LEVEL_COEFFICIENTS = { '1': 0.75, '2': 0.9, '3': 1.0 } as const;

/** The high-cost multiple for a DRG weight (SETTLEMENT.md §2 rule 4). */
export function highCostMultiple(weight: number): number {
  for (const band of DEFAULT_HIGH_BANDS) if (band.rw_max === null || weight <= band.rw_max) return band.multiple;
  return DEFAULT_HIGH_BANDS[DEFAULT_HIGH_BANDS.length - 1]!.multiple;
}

/**
 * Last year's rules: every §6 rule written out with its value, except the budget (computed from the cases).
 * Per-code overrides (weights, benchmark_costs, hospital_coefficients, evaluation_scores,
 * uniform_price_drgs) are absent: the catalog and the hospital file apply.
 */
export const LAST_YEAR_RULES = {
  method: 'points',
  base_points: 100,
  point_value_basis: 'total',
  prepay_ratio: 0.9,
  level_coefficients: LAST_YEAR_LEVEL_COEFFICIENTS,
  uniform_coefficient: 1.0,
  high_bands: DEFAULT_HIGH_BANDS,
  high_extra_ratio: 1.0,
  high_extra_times_coef: false,
  low_multiple: DEFAULT_LOW_MULTIPLE,
  low_times_coef: false,
  ungrouped_ratio: 0.9,
  exclude_los_max: DEFAULT_EXCLUDE_LOS_MAX,
  exclude_los_min: DEFAULT_EXCLUDE_LOS_MIN,
  reserve_ratio: 0.05,
  sharing_bands: [
    { over_max: 0.1, fund_share: 0.7 },
    { over_max: 0.2, fund_share: 0.5 },
  ],
  surplus_cap: null,
  eval_bands: [
    { min_score: 90, coef: 1.0 },
    { min_score: 80, coef: 0.9 },
    { min_score: 70, coef: 0.8 },
    { min_score: 60, coef: 0.6 },
  ],
} as const;
