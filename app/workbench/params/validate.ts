/**
 * The one place the editor's rules live (SETTLEMENT.md §2–§6). Field checks give the panel an immediate reason
 * beside the field; the engine's own schema (`parseRoundParams`) is the final gate for every candidate round,
 * so the editor never hands on parameters the engine or the server would refuse.
 */
import { BOUNDS, PARAM_BOUNDS, boundText, isWithin, type BoundName } from '@/worker/settlement/bounds';
import { parseRoundParams, resolveRound, type RoundParams } from '@/worker/settlement/round';
import type { paramsZh } from '../../i18n/dict/params';
import { numberAt, setIn, type ParamPath } from './paths';

export type ParamsMessageKey = keyof typeof paramsZh;

/** Why a value is refused: a message of the params dictionary and its placeholders. */
export interface FieldIssue {
  key: ParamsMessageKey;
  vars?: Record<string, string | number>;
}

export type EditResult = { ok: true; next: RoundParams } | { ok: false; issue: FieldIssue };

type Check = (value: number) => FieldIssue | null;

/**
 * A number checked against its bound (bounds.ts, the same the engine's schema reads), with the message the panel
 * knows for the kind of number: coefficients, ratios, scores and days have their own; others say the range.
 */
function boundCheck(name: BoundName): Check {
  const bound = BOUNDS[name];
  const special: Partial<Record<BoundName, ParamsMessageKey>> = {
    coefficient: 'params.error.coefficient',
    ratio: 'params.error.ratio',
    score: 'params.error.score',
    days: 'params.error.days',
  };
  return (v) => {
    if (isWithin(bound, v)) return null;
    const key = special[name];
    if (key) return { key };
    if (bound.minOpen && v <= bound.min) return { key: 'params.error.positive' };
    if (v < bound.min) {
      if (name === 'multiple') return { key: 'params.error.atLeastOne' };
      return bound.min === 0 ? { key: 'params.error.nonNegative' } : { key: 'params.error.range', vars: { range: boundText(bound) } };
    }
    return { key: 'params.error.atMost', vars: { max: bound.max.toLocaleString('en') } };
  };
}

/** What a blank field means: the key is removed (catalog/file value applies), stored as null, or refused. */
type Blank = 'remove' | 'null' | 'required';

interface FieldRule {
  blank: Blank;
  check: Check;
}

const BLANKS: Readonly<Record<string, Blank>> = {
  base_points: 'required',
  'budget.*': 'remove',
  'rate.*': 'remove',
  'rate_by_level.*.*': 'remove',
  'monthly_point_value.*': 'null',
  prepay_ratio: 'required',
  'weights.*': 'remove',
  'benchmark_costs.*': 'remove',
  'level_coefficients.*': 'required',
  'hospital_coefficients.*': 'remove',
  uniform_coefficient: 'required',
  'evaluation_scores.*': 'remove',
  high_extra_ratio: 'required',
  low_multiple: 'required',
  ungrouped_ratio: 'required',
  exclude_los_max: 'required',
  exclude_los_min: 'required',
  reserve_ratio: 'required',
  surplus_cap: 'null',
};

/** Field rules by path pattern (map keys — DRG, hospital, pool, level — are `*`): blank meaning, and the bound. */
const FIELD_RULES: Readonly<Record<string, FieldRule>> = Object.fromEntries(
  Object.entries(BLANKS).map(([pattern, blank]) => [pattern, { blank, check: boundCheck(PARAM_BOUNDS[pattern]!) }]),
);

function patternOf(path: ParamPath): string {
  return path.map((step, i) => (i === 0 ? String(step) : '*')).join('.');
}

/**
 * Reads a number as typed anywhere in the workbench (parameters, 求解, 下年度预测): blank → null; thousands
 * separators and spaces allowed, a typographic minus (− –) read as one; a decimal with an optional exponent,
 * anything else (12万, 1.2.3, 0x10, Infinity, 1e999) refused.
 */
export function readNumber(text: string): number | null | 'invalid' {
  const cleaned = text.replace(/[\s,，_]/g, '').replace(/[−–]/g, '-');
  if (cleaned === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return 'invalid';
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : 'invalid';
}

/** The immediate check of one number field, before any candidate round is built. */
export function checkNumber(path: ParamPath, value: number | null): FieldIssue | null {
  const rule = FIELD_RULES[patternOf(path)];
  if (!rule) return null;
  if (value === null) return rule.blank === 'required' ? { key: 'params.error.required' } : null;
  return rule.check(value);
}

/** Rules between fields, on the candidate with its defaults filled in. */
function crossFieldIssue(next: RoundParams, path: ParamPath): FieldIssue | null {
  if (path[0] !== 'exclude_los_max' && path[0] !== 'exclude_los_min') return null;
  const resolved = resolveRound(next);
  const max = numberAt(resolved, ['exclude_los_max']);
  const min = numberAt(resolved, ['exclude_los_min']);
  // SETTLEMENT.md §2: short stays (≤ max) and long stays (≥ min) are excluded; the two ranges must not meet.
  if (max !== null && min !== null && max >= min) return { key: 'params.error.losOrder', vars: { max, min } };
  return null;
}

/** The engine's schema as the last word on a whole candidate round. */
export function gate(next: RoundParams): EditResult {
  const parsed = parseRoundParams(next);
  if (parsed.ok) return { ok: true, next };
  const first = parsed.errors[0];
  return { ok: false, issue: { key: 'params.error.schema', vars: { reason: first ? `${first.path}: ${first.reason}` : '' } } };
}

/** One number field edited: its check, then the rules between fields, then the engine's schema. */
export function validateNumberEdit(params: RoundParams, path: ParamPath, value: number | null): EditResult {
  const issue = checkNumber(path, value);
  if (issue) return { ok: false, issue };
  const blank = FIELD_RULES[patternOf(path)]?.blank;
  const stored = value === null ? (blank === 'null' ? null : undefined) : value;
  const next = setIn(params, path, stored);
  const cross = crossFieldIssue(next, path);
  if (cross) return { ok: false, issue: cross };
  return gate(next);
}

/** What was typed into a number field, read in the field's unit (`read`: 万元 → yuan for budgets), validated as `validateNumberEdit`. */
export function validateTypedNumber(
  params: RoundParams,
  path: ParamPath,
  text: string,
  read: (text: string) => number | null | 'invalid' = readNumber,
): EditResult {
  const value = read(text);
  if (value === 'invalid') return { ok: false, issue: { key: 'params.error.number' } };
  return validateNumberEdit(params, path, value);
}

/**
 * An override of a catalog or hospital-file value (权重, 次均费用, 医疗机构系数, 考核得分): blank, or the file's own
 * value, removes the override, so a round lists only what it really changes. `normalize` rounds (weights: 4 places).
 */
export function validateOverrideEdit(
  params: RoundParams,
  path: ParamPath,
  text: string,
  fileValue: number | null,
  normalize: (value: number) => number = (value) => value,
): EditResult {
  const value = readNumber(text);
  if (value === 'invalid') return { ok: false, issue: { key: 'params.error.number' } };
  const issue = checkNumber(path, value);
  if (issue) return { ok: false, issue };
  const normalized = value === null ? null : normalize(value);
  return gate(setIn(params, path, normalized === null || normalized === fileValue ? undefined : normalized));
}

/** Any other edit (a choice, a flag, a list, a whole band table): only the engine's schema applies. */
export function validateEdit(params: RoundParams, path: ParamPath, value: unknown): EditResult {
  return gate(setIn(params, path, value));
}

/** The three band tables of §2–§4: a bound column that orders the rows and a value column. */
export type BandKey = 'high_bands' | 'sharing_bands' | 'eval_bands';

interface BandSpec {
  bound: string;
  value: string;
  order: 'ascending' | 'descending';
  /** the last row may leave its bound blank (null: "beyond") */
  openLast: boolean;
  checkBound: Check;
  checkValue: Check;
}

export const BAND_SPECS: Readonly<Record<BandKey, BandSpec>> = {
  // 高倍率: the first band with RW ≤ rw_max gives the multiple (§2.4).
  high_bands: { bound: 'rw_max', value: 'multiple', order: 'ascending', openLast: true, checkBound: boundCheck('bandWeight'), checkValue: boundCheck('multiple') },
  // 合理超支分担: the first band with overspend rate ≤ over_max gives the fund's share (§4.3).
  sharing_bands: { bound: 'over_max', value: 'fund_share', order: 'ascending', openLast: true, checkBound: boundCheck('overspend'), checkValue: boundCheck('ratio') },
  // 鼓励系数: the first band with score ≥ min_score; a coefficient above 1 would return more than the deposit (§4.3).
  eval_bands: { bound: 'min_score', value: 'coef', order: 'descending', openLast: false, checkBound: boundCheck('score'), checkValue: boundCheck('ratio') },
};

/** One band row as typed: null = blank. */
export interface BandRowInput {
  bound: number | null | 'invalid';
  value: number | null | 'invalid';
}

export interface BandIssue {
  row: number;
  field: 'bound' | 'value';
  issue: FieldIssue;
}

function cellIssue(value: number | null | 'invalid', check: Check, blankAllowed: boolean): FieldIssue | null {
  if (value === 'invalid') return { key: 'params.error.number' };
  if (value === null) return blankAllowed ? null : { key: 'params.error.required' };
  return check(value);
}

function orderIssue(spec: BandSpec, previous: number | null | 'invalid' | undefined, bound: number | null | 'invalid'): FieldIssue | null {
  if (typeof previous !== 'number' || typeof bound !== 'number') return null;
  if (spec.order === 'ascending' && bound <= previous) return { key: 'params.error.bandAscending', vars: { previous } };
  if (spec.order === 'descending' && bound >= previous) return { key: 'params.error.bandDescending', vars: { previous } };
  return null;
}

/** Every cell of a band table checked, rows ordered by their bound, only the last row open. */
export function checkBands(key: BandKey, rows: readonly BandRowInput[]): BandIssue[] {
  const spec = BAND_SPECS[key];
  const issues: BandIssue[] = [];
  rows.forEach((row, i) => {
    const last = i === rows.length - 1;
    const blankBound = cellIssue(row.bound, spec.checkBound, spec.openLast && last);
    const bound = row.bound === null && spec.openLast && !last ? { key: 'params.error.openBandLast' as const } : blankBound;
    const order = bound ?? orderIssue(spec, rows[i - 1]?.bound, row.bound);
    if (order) issues.push({ row: i, field: 'bound', issue: order });
    const value = cellIssue(row.value, spec.checkValue, false);
    if (value) issues.push({ row: i, field: 'value', issue: value });
  });
  return issues;
}

/** The band rows as the §6 JSON array. */
export function bandsToParams(key: BandKey, rows: readonly BandRowInput[]): Record<string, number | null>[] {
  const spec = BAND_SPECS[key];
  return rows.map((row) => ({
    [spec.bound]: typeof row.bound === 'number' ? row.bound : null,
    [spec.value]: typeof row.value === 'number' ? row.value : null,
  }));
}

export type BandsEditResult = { ok: true; next: RoundParams } | { ok: false; issues: BandIssue[]; issue: FieldIssue | null };

/** A whole band table edited: cell and order checks, at least one row, then the engine's schema. */
export function validateBandsEdit(params: RoundParams, key: BandKey, rows: readonly BandRowInput[]): BandsEditResult {
  if (rows.length === 0) return { ok: false, issues: [], issue: { key: 'params.error.bandsEmpty' } };
  const issues = checkBands(key, rows);
  if (issues.length > 0) return { ok: false, issues, issue: null };
  const result = gate(setIn(params, [key], bandsToParams(key, rows)));
  return result.ok ? result : { ok: false, issues: [], issue: result.issue };
}
