/**
 * Zod schemas of single cells, shared by the row schemas of the three tables. A cell arrives as a
 * trimmed string (CSV text, or an XLSX number printed with `String`, which reads back to the same double);
 * each schema fails with one plain-English reason, the row validator adds "(got …)".
 */
import { z } from 'zod';
import type { Level, Pool } from '@/worker/settlement/types';

const NOT_EMPTY = 'must not be empty';
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** "3" or "3.0" (an integer a spreadsheet printed as a decimal) */
const INTEGER = /^[+-]?\d+(?:\.0*)?$/;

/** Text that must be present (a code, a name). */
export const requiredText = z.string().min(1, NOT_EMPTY);

/** Text that may be empty: null. */
export const optionalText = z.string().transform((s) => (s === '' ? null : s));

/** An empty cell is null; anything else must pass `schema`. */
export function orNull<T>(schema: z.ZodType<T, string>) {
  return z
    .string()
    .transform((s) => (s === '' ? null : s))
    .pipe(schema.nullable());
}

/** A decimal number checked by `isValid`; `rule` says what is expected ("must be a number ≥ 0"). */
export function decimal(rule: string, isValid: (n: number) => boolean = Number.isFinite) {
  return z
    .string()
    .min(1, NOT_EMPTY)
    .regex(DECIMAL, rule)
    .transform(Number)
    .refine(isValid, rule);
}

/** An integer in [min, max]. */
export function integer(min: number, max: number, rule: string) {
  return z
    .string()
    .min(1, NOT_EMPTY)
    .regex(INTEGER, rule)
    .transform(Number)
    .refine((n) => n >= min && n <= max, rule);
}

export const nonNegativeAmount = decimal('must be a number ≥ 0', (n) => Number.isFinite(n) && n >= 0);
export const positiveNumber = decimal('must be a number > 0', (n) => Number.isFinite(n) && n > 0);

/** 0/1 flag (是/否 also read); an empty cell is 0. */
export const flag01 = z
  .string()
  .transform((s) => (s === '' ? '0' : s))
  .pipe(z.enum(['0', '1', '否', '是'], { error: 'must be 0 or 1' }))
  .transform((s) => s === '1' || s === '是');

const LEVEL_WORDS: Readonly<Record<string, Level>> = { 1: 1, 2: 2, 3: 3, 一级: 1, 二级: 2, 三级: 3 };

/** 医院等级: 1, 2, 3 or 一级/二级/三级 (also "三级甲等": the grade suffix is ignored). */
export const level = z
  .string()
  .min(1, NOT_EMPTY)
  .transform((s) => LEVEL_WORDS[s.replace(/^([一二三]级).+$/, '$1').replace(/\.0*$/, '')])
  .refine((l): l is Level => l !== undefined, 'must be 1, 2, 3 or 一级/二级/三级');

const POOL_WORDS: Readonly<Record<string, Pool>> = {
  employee: 'employee',
  resident: 'resident',
  职工: 'employee',
  居民: 'resident',
  职工医保: 'employee',
  居民医保: 'resident',
  城镇职工: 'employee',
  城乡居民: 'resident',
};

/** 统筹基金: employee/resident or 职工/居民. */
export const pool = z
  .string()
  .min(1, NOT_EMPTY)
  .transform((s) => POOL_WORDS[s.toLowerCase()])
  .refine((p): p is Pool => p !== undefined, 'must be employee/resident or 职工/居民');
