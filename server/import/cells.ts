/**
 * Zod schemas of single cells, shared by the row schemas of the three tables. A cell arrives as a
 * trimmed string (CSV text, or an XLSX number printed with `String`, which reads back to the same double);
 * each schema fails with one rule of `CELL_RULES` as its message (its key), which the row validator turns
 * into a reason in both languages and completes with the value ("(got …)").
 */
import { z } from 'zod';
import { BOUNDS, MAX_CASE_YUAN, isWithin } from '@/worker/settlement/bounds';
import type { DrgType, Level, Pool } from '@/worker/settlement/types';
import type { CellRule } from './reasons';

const NOT_EMPTY: CellRule = 'notEmpty';
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
export function decimal(rule: CellRule, isValid: (n: number) => boolean = Number.isFinite) {
  return z
    .string()
    .min(1, NOT_EMPTY)
    .regex(DECIMAL, rule)
    .transform(Number)
    .refine(isValid, rule);
}

/** An integer in [min, max]. */
export function integer(min: number, max: number, rule: CellRule) {
  return z
    .string()
    .min(1, NOT_EMPTY)
    .regex(INTEGER, rule)
    .transform(Number)
    .refine((n) => n >= min && n <= max, rule);
}

/** a case's money (total cost, patient payment, deduction): 0 to MAX_CASE_YUAN, so that a year sums exactly in fen */
export const caseAmount = decimal('caseAmount', (n) => Number.isFinite(n) && n >= 0 && n <= MAX_CASE_YUAN);
export const positiveNumber = decimal('numberAboveZero', (n) => Number.isFinite(n) && n > 0);
/** the import takes what a round may set (bounds.ts): a file value the editor would refuse is refused here too */
export const weightNumber = decimal('weight', (n) => isWithin(BOUNDS.weight, n));
export const coefficientNumber = decimal('coefficient', (n) => isWithin(BOUNDS.coefficient, n));
export const benchmarkCostNumber = decimal('benchmarkCost', (n) => isWithin(BOUNDS.benchmarkCost, n));
export const scoreNumber = decimal('score', (n) => isWithin(BOUNDS.score, n));

/** 0/1 flag, also written 1.0, true/false or 是/否; an empty cell is 0. */
export const flag01 = z
  .string()
  .transform((s) => (s === '' ? '0' : s.toLowerCase().replace(/^([01])\.0*$/, '$1')))
  .pipe(z.enum(['0', '1', 'false', 'true', '否', '是'], { error: 'flag' satisfies CellRule }))
  .transform((s) => s === '1' || s === 'true' || s === '是');

/** A word from a fixed list, several spellings each (matched ignoring ASCII case). */
function oneOf<T>(words: Readonly<Record<string, T>>, rule: CellRule, normalize: (s: string) => string = (s) => s) {
  return z
    .string()
    .min(1, NOT_EMPTY)
    .transform((s, ctx): T => {
      const value = words[normalize(s).toLowerCase()];
      if (value !== undefined) return value;
      ctx.addIssue({ code: 'custom', message: rule });
      return z.NEVER;
    });
}

/** 医院等级: 1, 2, 3 or 一级/二级/三级 (also "三级甲等": the grade suffix is ignored). */
export const level = oneOf<Level>(
  { 1: 1, 2: 2, 3: 3, 一级: 1, 二级: 2, 三级: 3 },
  'level',
  (s) => s.replace(/^([一二三]级).+$/, '$1').replace(/\.0*$/, ''),
);

/** 统筹基金: employee/resident or 职工/居民. */
export const pool = oneOf<Pool>(
  {
    employee: 'employee',
    resident: 'resident',
    职工: 'employee',
    居民: 'resident',
    职工医保: 'employee',
    居民医保: 'resident',
    城镇职工: 'employee',
    城乡居民: 'resident',
  },
  'pool',
);

/** ADRG type: surgical/medical/procedure (the CHS files write non_or_procedure), or 外科/内科/操作. */
export const drgType = oneOf<DrgType>(
  {
    surgical: 'surgical',
    medical: 'medical',
    procedure: 'procedure',
    non_or_procedure: 'procedure',
    外科: 'surgical',
    内科: 'medical',
    操作: 'procedure',
    非手术室操作: 'procedure',
  },
  'drgType',
);
