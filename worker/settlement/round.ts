/**
 * Round parameters (SETTLEMENT.md §6): the zod schema at the edge, the defaults of §2–§4, and the validation
 * that every round passes before it is settled or stored (a PolicyEngine-style reform: every override is
 * checked before any is applied, so there is never a partial round).
 */
import { z } from 'zod';
import { BOUNDS, type Bound } from './bounds';

const MAX_COEFFICIENT = BOUNDS.coefficient.max;

/** A number within `bound` (bounds.ts), with the schema's messages. */
function inBound(bound: Bound, below: string): z.ZodNumber {
  const lower = bound.minOpen ? z.number().gt(bound.min, below) : z.number().min(bound.min, below);
  return lower.max(bound.max, bound.min === 0 && !bound.minOpen ? below : `must be at most ${bound.max}`);
}

const positive = (bound: Bound) => inBound(bound, 'must be greater than 0');
const nonNegative = z.number().min(0, 'must not be negative');
const ratio = inBound(BOUNDS.ratio, 'must be between 0 and 1');
/** 医疗机构系数 / 等级系数 / 同病同价系数 */
const coefficient = z
  .number()
  .gt(BOUNDS.coefficient.min, `must be greater than 0 and at most ${MAX_COEFFICIENT}`)
  .max(MAX_COEFFICIENT, `must be greater than 0 and at most ${MAX_COEFFICIENT}`);
/**
 * A LOS limit. The prepared cases keep LOS in 11 bits (stays capped at 2047 days, prepare.ts); limits up to
 * MAX_LOS_LIMIT classify a capped stay exactly as its real length would, and no policy sets a limit of years.
 */
export const MAX_LOS_LIMIT = BOUNDS.days.max;
const days = z
  .number()
  .int('must be a whole number of days')
  .min(0, 'must not be negative')
  .max(MAX_LOS_LIMIT, `must be at most ${MAX_LOS_LIMIT} days`);
const score = inBound(BOUNDS.score, 'must be between 0 and 100');

const byPool = <T extends z.ZodType>(value: T) => z.strictObject({ employee: value, resident: value }).partial();
const byLevel = <T extends z.ZodType>(value: T) => z.strictObject({ '1': value, '2': value, '3': value }).partial();
const byCode = <T extends z.ZodType>(value: T) => z.record(z.string().min(1, 'code must not be empty'), value);

/** 高倍率 band: the first band with RW ≤ rw_max (null = no upper bound) gives the multiple. */
const highBand = z.strictObject({ rw_max: positive(BOUNDS.bandWeight).nullable(), multiple: inBound(BOUNDS.multiple, 'must be at least 1') });
/** 合理超支分担 band: the first band with overspend rate ≤ over_max (null = beyond) gives the fund's share. */
const sharingBand = z.strictObject({ over_max: positive(BOUNDS.overspend).nullable(), fund_share: ratio });
/** 考核系数 band: the first band with score ≥ min_score gives the coefficient. */
const evalBand = z.strictObject({ min_score: score, coef: ratio });

const roundParamsObject = z.strictObject({
  method: z.enum(['points', 'rate']),
  /** 基准点数 */
  base_points: positive(BOUNDS.basePoints).optional(),
  point_value_basis: z.enum(['total', 'fund']).optional(),
  /** 统筹基金预算 (yuan) */
  budget: byPool(nonNegative.max(BOUNDS.budget.max, `must be at most ${BOUNDS.budget.max} yuan`)).optional(),
  /** 基础费率 (yuan per RW) */
  rate: byPool(positive(BOUNDS.rate)).optional(),
  rate_by_level: byPool(byLevel(positive(BOUNDS.rate))).optional(),
  /** 月度预结算点值: null = computed from the month's points */
  monthly_point_value: byPool(positive(BOUNDS.rate).nullable()).optional(),
  prepay_ratio: ratio.optional(),
  weights: byCode(positive(BOUNDS.weight)).optional(),
  benchmark_costs: byCode(positive(BOUNDS.benchmarkCost)).optional(),
  level_coefficients: byLevel(coefficient).optional(),
  hospital_coefficients: byCode(coefficient).optional(),
  uniform_price_drgs: z.array(z.string().min(1, 'code must not be empty')).optional(),
  uniform_coefficient: coefficient.optional(),
  high_bands: z.array(highBand).optional(),
  high_extra_ratio: ratio.optional(),
  high_extra_times_coef: z.boolean().optional(),
  low_multiple: ratio.optional(),
  low_times_coef: z.boolean().optional(),
  ungrouped_ratio: ratio.optional(),
  exclude_los_max: days.optional(),
  exclude_los_min: days.optional(),
  reserve_ratio: ratio.optional(),
  sharing_bands: z.array(sharingBand).optional(),
  surplus_cap: inBound(BOUNDS.surplusCap, 'must not be negative').nullable().optional(),
  eval_bands: z.array(evalBand).optional(),
  evaluation_scores: byCode(score).optional(),
});

type Issue = { path: (string | number)[]; message: string };

/** Band bounds must be strictly ordered, and only the last band may be open (null). */
function bandOrderIssues(bands: readonly Record<string, number | null>[], key: string, bound: string, order: 'up' | 'down'): Issue[] {
  const issues: Issue[] = [];
  bands.forEach((band, i) => {
    const value = band[bound] ?? null;
    const previous = i > 0 ? (bands[i - 1]?.[bound] ?? null) : null;
    if (value === null && i < bands.length - 1) issues.push({ path: [key, i, bound], message: 'only the last band may be open (null)' });
    if (value === null || previous === null) return;
    if (order === 'up' && value <= previous) issues.push({ path: [key, i, bound], message: `must be greater than the previous band's ${previous}` });
    if (order === 'down' && value >= previous) issues.push({ path: [key, i, bound], message: `must be less than the previous band's ${previous}` });
  });
  return issues;
}

function crossFieldIssues(params: z.infer<typeof roundParamsObject>): Issue[] {
  const issues: Issue[] = [
    ...bandOrderIssues(params.high_bands ?? [], 'high_bands', 'rw_max', 'up'),
    ...bandOrderIssues(params.sharing_bands ?? [], 'sharing_bands', 'over_max', 'up'),
    ...bandOrderIssues(params.eval_bands ?? [], 'eval_bands', 'min_score', 'down'),
  ];
  const losMax = params.exclude_los_max ?? DEFAULTS.exclude_los_max;
  const losMin = params.exclude_los_min ?? DEFAULTS.exclude_los_min;
  // SETTLEMENT.md §2: short stays (≤ max) and long stays (≥ min) are excluded; the two ranges must not meet.
  if (losMax >= losMin) {
    const key = params.exclude_los_min !== undefined ? 'exclude_los_min' : 'exclude_los_max';
    issues.push({ path: [key], message: `exclude_los_max (${losMax}) must be less than exclude_los_min (${losMin})` });
  }
  return issues;
}

/** The §6 round parameters as JSON: every key optional except `method`. */
export const roundParamsSchema = roundParamsObject.superRefine((params, ctx) => {
  for (const issue of crossFieldIssues(params)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export type RoundParams = z.infer<typeof roundParamsSchema>;
export type Method = RoundParams['method'];
export type PointValueBasis = NonNullable<RoundParams['point_value_basis']>;
export type HighBand = z.infer<typeof highBand>;
export type SharingBand = z.infer<typeof sharingBand>;
export type EvalBand = z.infer<typeof evalBand>;

type PoolNumbers = { employee: number; resident: number };
type LevelNumbers = { '1': number; '2': number; '3': number };

/** A round with every default of SETTLEMENT.md §2–§4 filled in: what the engine settles with. */
export interface ResolvedRound {
  method: Method;
  base_points: number;
  point_value_basis: PointValueBasis;
  budget: PoolNumbers;
  rate: PoolNumbers;
  rate_by_level: { employee: Partial<LevelNumbers>; resident: Partial<LevelNumbers> };
  monthly_point_value: { employee: number | null; resident: number | null };
  prepay_ratio: number;
  weights: Record<string, number>;
  benchmark_costs: Record<string, number>;
  level_coefficients: LevelNumbers;
  hospital_coefficients: Record<string, number>;
  uniform_price_drgs: string[];
  uniform_coefficient: number;
  high_bands: HighBand[];
  high_extra_ratio: number;
  high_extra_times_coef: boolean;
  low_multiple: number;
  low_times_coef: boolean;
  ungrouped_ratio: number;
  exclude_los_max: number;
  exclude_los_min: number;
  reserve_ratio: number;
  sharing_bands: SharingBand[];
  surplus_cap: number | null;
  eval_bands: EvalBand[];
  evaluation_scores: Record<string, number>;
}

/** SETTLEMENT.md §2–§4 defaults. Budgets and rates default to 0 (§6 lists them as optional). */
export const DEFAULTS: Readonly<Omit<ResolvedRound, 'method'>> = Object.freeze({
  base_points: 100,
  point_value_basis: 'total',
  budget: { employee: 0, resident: 0 },
  rate: { employee: 0, resident: 0 },
  rate_by_level: { employee: {}, resident: {} },
  monthly_point_value: { employee: null, resident: null },
  prepay_ratio: 0.9,
  weights: {},
  benchmark_costs: {},
  level_coefficients: { '1': 0.7, '2': 0.85, '3': 1.0 },
  hospital_coefficients: {},
  uniform_price_drgs: [],
  uniform_coefficient: 1.0,
  high_bands: [
    { rw_max: 1, multiple: 3 },
    { rw_max: 3, multiple: 2 },
    { rw_max: null, multiple: 1.5 },
  ],
  high_extra_ratio: 1.0,
  high_extra_times_coef: false,
  low_multiple: 0.4,
  low_times_coef: false,
  ungrouped_ratio: 0.9,
  exclude_los_max: 2,
  exclude_los_min: 60,
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
  evaluation_scores: {},
});

type MaybePools<T> = { employee?: T | undefined; resident?: T | undefined } | undefined;
type MaybeLevels = { '1'?: number | undefined; '2'?: number | undefined; '3'?: number | undefined } | undefined;

function byPoolOr<T>(given: MaybePools<T>, fallback: { employee: T; resident: T }): { employee: T; resident: T } {
  return { employee: given?.employee ?? fallback.employee, resident: given?.resident ?? fallback.resident };
}

function levelsGiven(given: MaybeLevels): Partial<LevelNumbers> {
  const out: Partial<LevelNumbers> = {};
  for (const level of ['1', '2', '3'] as const) {
    const value = given?.[level];
    if (value !== undefined) out[level] = value;
  }
  return out;
}

/** Fills every key the round leaves out with its default; per-pool and per-level maps are merged key by key. */
export function resolveRound(params: RoundParams): ResolvedRound {
  return {
    method: params.method,
    base_points: params.base_points ?? DEFAULTS.base_points,
    point_value_basis: params.point_value_basis ?? DEFAULTS.point_value_basis,
    budget: byPoolOr(params.budget, DEFAULTS.budget),
    rate: byPoolOr(params.rate, DEFAULTS.rate),
    rate_by_level: {
      employee: levelsGiven(params.rate_by_level?.employee),
      resident: levelsGiven(params.rate_by_level?.resident),
    },
    monthly_point_value: byPoolOr(params.monthly_point_value, DEFAULTS.monthly_point_value),
    prepay_ratio: params.prepay_ratio ?? DEFAULTS.prepay_ratio,
    weights: { ...params.weights },
    benchmark_costs: { ...params.benchmark_costs },
    level_coefficients: { ...DEFAULTS.level_coefficients, ...levelsGiven(params.level_coefficients) },
    hospital_coefficients: { ...params.hospital_coefficients },
    uniform_price_drgs: [...(params.uniform_price_drgs ?? [])],
    uniform_coefficient: params.uniform_coefficient ?? DEFAULTS.uniform_coefficient,
    high_bands: (params.high_bands ?? DEFAULTS.high_bands).map((b) => ({ ...b })),
    high_extra_ratio: params.high_extra_ratio ?? DEFAULTS.high_extra_ratio,
    high_extra_times_coef: params.high_extra_times_coef ?? DEFAULTS.high_extra_times_coef,
    low_multiple: params.low_multiple ?? DEFAULTS.low_multiple,
    low_times_coef: params.low_times_coef ?? DEFAULTS.low_times_coef,
    ungrouped_ratio: params.ungrouped_ratio ?? DEFAULTS.ungrouped_ratio,
    exclude_los_max: params.exclude_los_max ?? DEFAULTS.exclude_los_max,
    exclude_los_min: params.exclude_los_min ?? DEFAULTS.exclude_los_min,
    reserve_ratio: params.reserve_ratio ?? DEFAULTS.reserve_ratio,
    sharing_bands: (params.sharing_bands ?? DEFAULTS.sharing_bands).map((b) => ({ ...b })),
    surplus_cap: params.surplus_cap ?? DEFAULTS.surplus_cap,
    eval_bands: (params.eval_bands ?? DEFAULTS.eval_bands).map((b) => ({ ...b })),
    evaluation_scores: { ...params.evaluation_scores },
  };
}

/** One problem of a round: the JSON path (`high_bands[1].rw_max`) and the reason. */
export interface RoundParamError {
  path: string;
  reason: string;
}

export type ParseRoundResult = { ok: true; params: RoundParams } | { ok: false; errors: RoundParamError[] };

/** `['high_bands', 1, 'rw_max']` → `high_bands[1].rw_max`; the root is `$`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text === '' ? String(step) : `.${String(step)}`;
  }
  return text === '' ? '$' : text;
}

function toErrors(issues: readonly z.core.$ZodIssue[]): RoundParamError[] {
  const errors: RoundParamError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ path: formatJsonPath([...issue.path, key]), reason: 'unknown parameter' });
    } else {
      errors.push({ path: formatJsonPath(issue.path), reason: issue.message });
    }
  }
  return errors;
}

/** Validates a round's JSON (SETTLEMENT.md §6): the parameters, or every error with its JSON path. */
export function parseRoundParams(json: unknown): ParseRoundResult {
  const parsed = roundParamsSchema.safeParse(json);
  if (parsed.success) return { ok: true, params: parsed.data };
  return { ok: false, errors: toErrors(parsed.error.issues) };
}
