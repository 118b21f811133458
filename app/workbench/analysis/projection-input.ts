/**
 * The 下年度预测 form (pure): growth rates typed in percent, the threshold in percent, an optional month profile
 * of 12 relative weights; read into the worker's ProjectionInput, or the fields that are wrong and why.
 */
import type { ProjectionInput } from '@/worker/analysis/projection';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { readNumber } from '../params/validate';

export type ProjectionField =
  | `volume.level.${1 | 2 | 3}`
  | `volume.pool.${Pool}`
  | 'cost'
  | 'cmi'
  | `budget.${Pool}`
  | 'threshold'
  | 'profile';

export type ProjectionForm = Record<ProjectionField, string>;

export const PERCENT_FIELDS: readonly Exclude<ProjectionField, 'profile'>[] = [
  'volume.level.1',
  'volume.level.2',
  'volume.level.3',
  'volume.pool.employee',
  'volume.pool.resident',
  'cost',
  'cmi',
  'budget.employee',
  'budget.resident',
  'threshold',
];

/** Every growth 0, the deflation threshold 5 %, this year's months. */
export function zeroGrowthForm(threshold = '5'): ProjectionForm {
  const form = Object.fromEntries(PERCENT_FIELDS.map((f) => [f, '0'])) as ProjectionForm;
  form.threshold = threshold;
  form.profile = '';
  return form;
}

/** what is wrong with a field, as a dictionary key */
export type FieldError = 'number' | 'growth' | 'threshold' | 'profile';

/** a growth below −100 % would make volumes, costs or budgets negative */
const MIN_GROWTH = -100;
/** percents beyond this are typing mistakes, not a next year */
const MAX_GROWTH = 1000;

/** A percent as typed (a trailing % allowed), or null when blank or not a number. */
function percentOf(text: string): number | null {
  const value = readNumber(text.replace(/%/g, ''));
  return value === 'invalid' ? null : value;
}

/** 12 non-negative weights, not all 0, separated by commas or spaces; empty: no profile. */
export function monthProfileOf(text: string): number[] | null | 'empty' {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  if (!parts.length) return 'empty';
  const weights = parts.map((p) => percentOf(p));
  if (weights.length !== 12 || weights.some((w) => w === null || w < 0)) return null;
  const numbers = weights as number[];
  return numbers.some((w) => w > 0) ? numbers : null;
}

export function projectionInputOf(form: ProjectionForm): { input: ProjectionInput; errors: null } | { input: null; errors: Partial<Record<ProjectionField, FieldError>> } {
  const errors: Partial<Record<ProjectionField, FieldError>> = {};
  const ratio = (field: Exclude<ProjectionField, 'profile'>): number => {
    const percent = percentOf(form[field]);
    if (percent === null) errors[field] = 'number';
    else if (field === 'threshold' ? percent < 0 || percent > 100 : percent < MIN_GROWTH || percent > MAX_GROWTH) errors[field] = field === 'threshold' ? 'threshold' : 'growth';
    // percent ÷ 100 as the nearest double to the decimal typed (6 → 0.06, not 0.060000000000000005)
    return percent === null ? 0 : Number((percent / 100).toPrecision(12));
  };
  const input: ProjectionInput = {
    volume_growth_by_level: { '1': ratio('volume.level.1'), '2': ratio('volume.level.2'), '3': ratio('volume.level.3') },
    volume_growth_by_pool: Object.fromEntries(POOLS.map((p) => [p, ratio(`volume.pool.${p}`)])) as Record<Pool, number>,
    cost_growth: ratio('cost'),
    cmi_drift: ratio('cmi'),
    budget_growth: Object.fromEntries(POOLS.map((p) => [p, ratio(`budget.${p}`)])) as Record<Pool, number>,
    deflation_threshold: ratio('threshold'),
  };
  const profile = monthProfileOf(form.profile);
  if (profile === null) errors.profile = 'profile';
  else if (profile !== 'empty') input.month_profile = profile;
  return Object.keys(errors).length ? { input: null, errors } : { input, errors: null };
}
