/**
 * Row schemas of the three import tables (SETTLEMENT.md §5): the single definition of what a valid row is.
 * Keys are the §5 column names; an optional column that is absent from the file reads as an empty cell.
 */
import { z } from 'zod';
import {
  caseAmount,
  drgType,
  flag01,
  integer,
  level,
  optionalText,
  orNull,
  pool,
  benchmarkCostNumber,
  coefficientNumber,
  scoreNumber,
  weightNumber,
  requiredText,
} from './cells';

/** 医疗机构 */
export const hospitalRow = z.object({
  hospital_code: requiredText,
  name: requiredText,
  level,
  /** 机构系数; empty: the round's level coefficient applies */
  coefficient: orNull(coefficientNumber),
  /** 考核得分; empty: no score */
  evaluation_score: orNull(scoreNumber),
  district: optionalText,
  type: optionalText,
});

/** DRG 目录 */
export const catalogRow = z.object({
  drg_code: requiredText,
  name: requiredText,
  mdc: requiredText,
  /** 相对权重; empty: a DRG with no weight, its cases are ungrouped (§2) */
  weight: orNull(weightNumber),
  /** 全市次均费用; empty allowed for a DRG without a benchmark */
  benchmark_cost: orNull(benchmarkCostNumber),
  uniform_price: flag01,
  per_diem: flag01,
  adrg: optionalText,
  drg_type: orNull(drgType),
});

/** 病例 */
export const caseRow = z.object({
  case_id: requiredText,
  hospital_code: requiredText,
  /** empty: ungrouped (未入组) */
  drg_code: z.string(),
  month: integer(1, 12, 'month'),
  pool,
  total_cost: caseAmount,
  patient_pay: caseAmount,
  /** Uint16 column: 65535 days is beyond any stay */
  los: integer(0, 65535, 'days'),
  special_review: flag01,
  deduction: z
    .string()
    .transform((s) => (s === '' ? '0' : s))
    .pipe(caseAmount),
});

export type HospitalRow = z.infer<typeof hospitalRow>;
export type CatalogRow = z.infer<typeof catalogRow>;
export type CaseRow = z.infer<typeof caseRow>;
