/**
 * The bounds of every number the engine takes, named once for the import, the round schema (round.ts), the
 * editor's checks and the ranges the editor shows beside its fields. Money: every figure and every sum of a year
 * stays an exact count of fen in a double (below 2^53 fen ≈ 90 万亿元). The rest: ranges no policy leaves, so a
 * slip of the finger (a weight of 15 000 for 1.5000) is refused where it is typed.
 */

/** 单病例金额上限 — total cost, patient payment or deduction of one case, in yuan (1,000 万元): 5 M such cases
 *  still sum to 5 × 10^15 fen < 2^53 */
export const MAX_CASE_YUAN = 1e7;

/** 年度预算上限 — a pool's budget, in yuan (1 万亿元) */
export const MAX_BUDGET_YUAN = 1e12;

/** A closed or half-open range: [min, max], or (min, max] when `minOpen`. */
export interface Bound {
  min: number;
  max: number;
  minOpen: boolean;
  integer?: boolean;
}

const above = (min: number, max: number): Bound => ({ min, max, minOpen: true });
const within = (min: number, max: number, integer = false): Bound => ({ min, max, minOpen: false, ...(integer ? { integer } : {}) });

export const BOUNDS = {
  /** 单病例金额 (yuan) */
  caseYuan: within(0, MAX_CASE_YUAN),
  /** 统筹基金预算 (yuan) */
  budget: within(0, MAX_BUDGET_YUAN),
  /** DRG 权重: the heaviest CHS-DRG groups weigh ≈ 30 */
  weight: above(0, 100),
  /** 次均费用 (yuan): one case's money at most */
  benchmarkCost: above(0, MAX_CASE_YUAN),
  /** 医疗机构系数, 等级系数, 同病同价系数 */
  coefficient: above(0, 3),
  /** 基础费率 (yuan per RW) and 月度点值 (yuan per point) */
  rate: above(0, 1e7),
  /** 基准点数 */
  basePoints: above(0, 1e6),
  /** ratios and shares */
  ratio: within(0, 1),
  /** 高倍率 multiple of the benchmark cost */
  multiple: within(1, 100),
  /** a band's upper RW */
  bandWeight: above(0, 100),
  /** a sharing band's upper overspend rate (1 = 100 %) */
  overspend: above(0, 100),
  /** 结余留用上限 (share of C; 1 = 100 %) */
  surplusCap: within(0, 100),
  /** 考核得分 */
  score: within(0, 100),
  /** 住院天数 limits (prepared cases keep LOS in 11 bits: round.ts MAX_LOS_LIMIT) */
  days: within(0, 2000, true),
} as const satisfies Record<string, Bound>;

export type BoundName = keyof typeof BOUNDS;

/** The bound of each number of the round (SETTLEMENT.md §6), by path pattern: map keys and band indexes are `*`. */
export const PARAM_BOUNDS: Readonly<Record<string, BoundName>> = {
  base_points: 'basePoints',
  'budget.*': 'budget',
  'rate.*': 'rate',
  'rate_by_level.*.*': 'rate',
  'monthly_point_value.*': 'rate',
  prepay_ratio: 'ratio',
  'weights.*': 'weight',
  'benchmark_costs.*': 'benchmarkCost',
  'level_coefficients.*': 'coefficient',
  'hospital_coefficients.*': 'coefficient',
  uniform_coefficient: 'coefficient',
  'high_bands.*.rw_max': 'bandWeight',
  'high_bands.*.multiple': 'multiple',
  high_extra_ratio: 'ratio',
  low_multiple: 'ratio',
  ungrouped_ratio: 'ratio',
  exclude_los_max: 'days',
  exclude_los_min: 'days',
  reserve_ratio: 'ratio',
  'sharing_bands.*.over_max': 'overspend',
  'sharing_bands.*.fund_share': 'ratio',
  surplus_cap: 'surplusCap',
  'eval_bands.*.min_score': 'score',
  'eval_bands.*.coef': 'ratio',
  'evaluation_scores.*': 'score',
};

/** A §6 path's pattern: its first key, then `*` for map keys and band indexes; a band's field name is kept. */
export function boundPattern(path: readonly (string | number)[]): string {
  const band = typeof path[1] === 'number';
  return path.map((step, i) => (i === 0 || (band && i === 2) ? String(step) : '*')).join('.');
}

/** The bound of the number at `path` of the round parameters, or null when it has none (not a number). */
export function boundOf(path: readonly (string | number)[]): Bound | null {
  const name = PARAM_BOUNDS[boundPattern(path)];
  return name ? BOUNDS[name] : null;
}

export function isWithin(bound: Bound, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (bound.integer && !Number.isInteger(value)) return false;
  return (bound.minOpen ? value > bound.min : value >= bound.min) && value <= bound.max;
}

/** "(0, 3]", "[0, 1]", "[0, 2,000]" — the range as the editor shows it beside a field (ASCII, any language). */
export function boundText(bound: Bound, format: (value: number) => string = (value) => value.toLocaleString('en')): string {
  return `${bound.minOpen ? '(' : '['}${format(bound.min)}, ${format(bound.max)}]`;
}
