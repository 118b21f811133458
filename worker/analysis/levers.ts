/**
 * The levers of ANALYSIS.md §B: the one figure of a round that a solve searches, its range, its current value in
 * a round and the round with another value written in. Labels in Chinese and English for the 求解 panel.
 */
import { MAX_BUDGET_YUAN } from '@/worker/settlement/bounds';
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
import { LEVELS, POOLS, type Level, type Pool } from '@/worker/settlement/types';
import type { AnalysisTables } from './tables';

export type Lever =
  | { kind: 'rate'; id: string; pool: Pool }
  | { kind: 'rate_by_level'; id: string; pool: Pool; level: Level }
  | { kind: 'budget'; id: string; pool: Pool }
  | { kind: 'level_coefficients'; id: string; level: Level }
  | { kind: 'hospital_coefficients'; id: string; hospitalCode: string }
  | { kind: 'uniform_coefficient'; id: string }
  | { kind: 'weights_scale'; id: string };

/** A problem with a lever or target text, said in Chinese and English. */
export interface AnalysisInputError {
  error: { message_zh: string; message_en: string };
}

/** A searched range: `lowOpen` when the lower end itself is excluded ((0, hi]). */
export interface LeverRange {
  lo: number;
  hi: number;
  lowOpen: boolean;
}

export interface LeverChoice {
  /** the lever text, e.g. 'rate.resident' */
  id: string;
  label_zh: string;
  label_en: string;
  range: [number, number];
}

export const POOL_LABELS: Readonly<Record<Pool, { zh: string; en: string }>> = {
  employee: { zh: '职工', en: 'Employee' },
  resident: { zh: '居民', en: 'Resident' },
};
export const LEVEL_LABELS: Readonly<Record<Level, { zh: string; en: string }>> = {
  1: { zh: '一级', en: 'level 1' },
  2: { zh: '二级', en: 'level 2' },
  3: { zh: '三级', en: 'level 3' },
};

export const LEVER_FORMS = 'rate.<pool>, rate_by_level.<pool>.<level>, budget.<pool>, level_coefficients.<level>, hospital_coefficients.<code>, uniform_coefficient, weights_scale';

export function inputError(message_zh: string, message_en: string): AnalysisInputError {
  return { error: { message_zh, message_en } };
}

export function isInputError<T extends object>(value: T | AnalysisInputError): value is AnalysisInputError {
  return 'error' in value;
}

export function poolOf(text: string | undefined): Pool | null {
  return (POOLS as readonly string[]).includes(text ?? '') ? (text as Pool) : null;
}

export function levelOf(text: string | undefined): Level | null {
  return (LEVELS as readonly number[]).map(String).includes(text ?? '') ? (Number(text) as Level) : null;
}

const badPool = (text: string, pool: string | undefined) =>
  inputError(`杠杆 “${text}”：基金应为 employee 或 resident，而不是 “${pool ?? ''}”`, `lever "${text}": the pool must be employee or resident, not "${pool ?? ''}"`);
const badLevel = (text: string, level: string | undefined) =>
  inputError(`杠杆 “${text}”：等级应为 1、2 或 3，而不是 “${level ?? ''}”`, `lever "${text}": the level must be 1, 2 or 3, not "${level ?? ''}"`);

/** Parses a lever text ('rate.resident', 'hospital_coefficients.H001' …) against the data set's codes. */
export function parseLever(text: string, tables: AnalysisTables): Lever | AnalysisInputError {
  const id = text.trim();
  const [kind = '', ...rest] = id.split('.');
  const [first, second] = rest;
  const arity = (n: number) => rest.length === n;
  if ((kind === 'rate' || kind === 'budget') && arity(1)) {
    const pool = poolOf(first);
    return pool ? { kind, id, pool } : badPool(id, first);
  }
  if (kind === 'rate_by_level' && arity(2)) {
    const pool = poolOf(first);
    const level = levelOf(second);
    if (!pool) return badPool(id, first);
    return level ? { kind, id, pool, level } : badLevel(id, second);
  }
  if (kind === 'level_coefficients' && arity(1)) {
    const level = levelOf(first);
    return level ? { kind, id, level } : badLevel(id, first);
  }
  if (kind === 'hospital_coefficients' && rest.length >= 1) {
    // a hospital code may itself hold dots: everything after the first one
    const hospitalCode = rest.join('.');
    if (tables.hospitals.some((hospital) => hospital.code === hospitalCode)) return { kind, id, hospitalCode };
    return inputError(`杠杆 “${id}”：数据集中没有机构 “${hospitalCode}”`, `lever "${id}": no hospital "${hospitalCode}" in the data set`);
  }
  if ((kind === 'uniform_coefficient' || kind === 'weights_scale') && arity(0)) return { kind, id };
  return inputError(`未知的杠杆 “${id}”；可用：${LEVER_FORMS}`, `unknown lever "${id}"; levers: ${LEVER_FORMS}`);
}

/** The range §B searches for a lever (a budget up to the round schema's bound, MAX_BUDGET_YUAN). */
export function leverRange(lever: Lever): LeverRange {
  switch (lever.kind) {
    case 'rate':
    case 'rate_by_level':
      return { lo: 0, hi: 1e7, lowOpen: true };
    case 'budget':
      return { lo: 0, hi: Math.min(1e13, MAX_BUDGET_YUAN), lowOpen: false };
    case 'weights_scale':
      return { lo: 0, hi: 100, lowOpen: true };
    default:
      return { lo: 0, hi: 3, lowOpen: true };
  }
}

/** The effective weight of every catalog DRG that has one (the round's, else the catalog's). */
function effectiveWeights(params: RoundParams, tables: AnalysisTables): [string, number][] {
  const out: [string, number][] = [];
  for (const drg of tables.catalog) {
    const weight = params.weights?.[drg.code] ?? drg.weight;
    if (weight !== null && weight !== undefined) out.push([drg.code, weight]);
  }
  return out;
}

/** The lever's current value in a round (its effective value; weights_scale: 1), or null when it has none. */
export function leverValue(lever: Lever, params: RoundParams, tables: AnalysisTables): number | null {
  const round = resolveRound(params);
  switch (lever.kind) {
    case 'rate':
      return params.rate?.[lever.pool] ?? null;
    case 'rate_by_level':
      return params.rate_by_level?.[lever.pool]?.[String(lever.level) as '1'] ?? params.rate?.[lever.pool] ?? null;
    case 'budget':
      return round.budget[lever.pool];
    case 'level_coefficients':
      return round.level_coefficients[String(lever.level) as '1'];
    case 'hospital_coefficients': {
      const hospital = tables.hospitals.find((h) => h.code === lever.hospitalCode);
      return round.hospital_coefficients[lever.hospitalCode] ?? hospital?.coefficient ?? (hospital ? round.level_coefficients[String(hospital.level) as '1'] : null);
    }
    case 'uniform_coefficient':
      return round.uniform_coefficient;
    case 'weights_scale':
      return 1;
  }
}

/** `params` with the lever set to `value` (a copy; weights_scale writes every catalog DRG's effective weight × value). */
export function withLever(lever: Lever, params: RoundParams, tables: AnalysisTables, value: number): RoundParams {
  const next = structuredClone(params);
  switch (lever.kind) {
    case 'rate':
      next.rate = { ...next.rate, [lever.pool]: value };
      break;
    case 'rate_by_level':
      next.rate_by_level = { ...next.rate_by_level, [lever.pool]: { ...next.rate_by_level?.[lever.pool], [String(lever.level)]: value } };
      break;
    case 'budget':
      next.budget = { ...next.budget, [lever.pool]: value };
      break;
    case 'level_coefficients':
      next.level_coefficients = { ...next.level_coefficients, [String(lever.level)]: value };
      break;
    case 'hospital_coefficients':
      next.hospital_coefficients = { ...next.hospital_coefficients, [lever.hospitalCode]: value };
      break;
    case 'uniform_coefficient':
      next.uniform_coefficient = value;
      break;
    case 'weights_scale':
      next.weights = { ...next.weights, ...Object.fromEntries(effectiveWeights(params, tables).map(([code, weight]) => [code, weight * value])) };
      break;
  }
  return next;
}

function choice(id: string, label_zh: string, label_en: string, lever: Lever): LeverChoice {
  const range = leverRange(lever);
  return { id, label_zh, label_en, range: [range.lo, range.hi] };
}

/** The levers that act in this round (rate levers only in 费率法), with Chinese and English labels, for the UI. */
export function leverChoices(tables: AnalysisTables, params: RoundParams): LeverChoice[] {
  const out: LeverChoice[] = [];
  const rateMethod = params.method === 'rate';
  for (const pool of POOLS) {
    const p = POOL_LABELS[pool];
    if (rateMethod) {
      out.push(choice(`rate.${pool}`, `${p.zh}基础费率`, `${p.en} base rate`, { kind: 'rate', id: '', pool }));
      for (const level of LEVELS) {
        const l = LEVEL_LABELS[level];
        out.push(choice(`rate_by_level.${pool}.${level}`, `${p.zh}${l.zh}医院费率`, `${p.en} rate, ${l.en}`, { kind: 'rate_by_level', id: '', pool, level }));
      }
    }
    out.push(choice(`budget.${pool}`, `${p.zh}统筹基金预算`, `${p.en} fund budget`, { kind: 'budget', id: '', pool }));
  }
  for (const level of LEVELS) {
    const l = LEVEL_LABELS[level];
    out.push(choice(`level_coefficients.${level}`, `${l.zh}等级系数`, `Level coefficient, ${l.en}`, { kind: 'level_coefficients', id: '', level }));
  }
  out.push(choice('uniform_coefficient', '同病同价系数', 'Uniform-price coefficient', { kind: 'uniform_coefficient', id: '' }));
  out.push(choice('weights_scale', '权重整体缩放', 'Scale of all weights', { kind: 'weights_scale', id: '' }));
  for (const hospital of [...tables.hospitals].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    const lever: Lever = { kind: 'hospital_coefficients', id: '', hospitalCode: hospital.code };
    out.push(choice(`hospital_coefficients.${hospital.code}`, `机构系数 · ${hospital.code} ${hospital.name}`, `Hospital coefficient · ${hospital.code} ${hospital.name}`, lever));
  }
  return out;
}
