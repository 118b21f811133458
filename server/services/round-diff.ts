import type { Db } from '@/db/client';
import { POOLS, type DrgEntry, type Hospital, type Pool } from '@/worker/settlement/types';
import { DEFAULTS, resolveRound, type ResolvedRound, type RoundParams } from '@/worker/settlement/round';
import { listCatalog, listHospitals } from './datasets';
import { getRound } from './rounds';
import { DomainError } from './errors';

/** The lever family a change belongs to (谈判三要素 + rules). */
export type ChangeGroup = 'weights' | 'benchmark_costs' | 'rates' | 'coefficients' | 'evaluation' | 'rules';

/** A §6 parameter of a round. */
export type ParamName = keyof ResolvedRound;

/**
 * What a parameter's value is, so that it can be shown in its unit: money in yuan (shown in 万元), a ratio (shown
 * as %), a multiple (× a cost), a choice among words, a yes/no flag, a list of DRG codes, a table of bands …
 */
export type ParamKind =
  | 'choice'
  | 'flag'
  | 'points'
  | 'money'
  | 'ratePerRw'
  | 'pointValue'
  | 'ratio'
  | 'multiple'
  | 'coefficient'
  | 'weight'
  | 'cost'
  | 'days'
  | 'score'
  | 'codes'
  | 'bands';

export const PARAM_KINDS: Readonly<Record<ParamName, ParamKind>> = {
  method: 'choice',
  base_points: 'points',
  point_value_basis: 'choice',
  budget: 'money',
  rate: 'ratePerRw',
  rate_by_level: 'ratePerRw',
  monthly_point_value: 'pointValue',
  prepay_ratio: 'ratio',
  weights: 'weight',
  benchmark_costs: 'cost',
  level_coefficients: 'coefficient',
  hospital_coefficients: 'coefficient',
  uniform_price_drgs: 'codes',
  uniform_coefficient: 'coefficient',
  high_bands: 'bands',
  high_extra_ratio: 'ratio',
  high_extra_times_coef: 'flag',
  low_multiple: 'multiple',
  low_times_coef: 'flag',
  ungrouped_ratio: 'ratio',
  exclude_los_max: 'days',
  exclude_los_min: 'days',
  reserve_ratio: 'ratio',
  sharing_bands: 'bands',
  surplus_cap: 'multiple',
  eval_bands: 'bands',
  evaluation_scores: 'score',
};

/** One band of a band table (高倍率, 合理超支分担, 考核系数): its bound (null = open) and what it gives. */
export type Band = Readonly<Record<string, number | null>>;

/** A parameter's value: a figure, a word, a flag, a list of codes, a band table, or null (not set: its default rule). */
export type ParamValue = number | string | boolean | null | readonly string[] | readonly Band[];

export interface ParamChange {
  group: ChangeGroup;
  /** the §6 key, dotted for nested values: `weights.FM19`, `budget.employee`, `level_coefficients.2` */
  key: string;
  param: ParamName;
  /** the fund the key names (`budget.employee`) */
  pool: Pool | null;
  /** the hospital level the key names (`level_coefficients.2`, `rate_by_level.resident.3`) */
  level: '1' | '2' | '3' | null;
  /** the DRG or hospital code the key names (`weights.FM19`, `hospital_coefficients.H009`) */
  code: string | null;
  /** the DRG or hospital name when the key names one */
  label: string | null;
  kind: ParamKind;
  from: ParamValue;
  to: ParamValue;
  /** (new − old) ÷ |old| when both are figures and the old one is not 0; else null */
  relativeChange: number | null;
}

const GROUP_ORDER: readonly ChangeGroup[] = ['rates', 'coefficients', 'rules', 'evaluation', 'weights', 'benchmark_costs'];
/** the parameters in the order of §6 (as the defaults list them) */
const PARAM_ORDER: readonly ParamName[] = ['method', ...(Object.keys(DEFAULTS) as ParamName[])];

const RATE_KEYS = new Set<string>(['method', 'base_points', 'point_value_basis', 'budget', 'rate', 'rate_by_level', 'monthly_point_value', 'prepay_ratio']);
const COEFFICIENT_KEYS = new Set<string>(['level_coefficients', 'uniform_price_drgs', 'uniform_coefficient']);
/** keys compared entry by entry against the catalog / hospital file */
const ENTRY_KEYS = new Set<string>(['weights', 'benchmark_costs', 'hospital_coefficients', 'evaluation_scores']);

function groupOf(param: string): ChangeGroup {
  if (RATE_KEYS.has(param)) return 'rates';
  if (COEFFICIENT_KEYS.has(param)) return 'coefficients';
  return 'rules';
}

/** Flattens nested objects to dotted keys; arrays stay whole (bands compare as a unit). */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function relativeChangeOf(from: ParamValue, to: ParamValue): number | null {
  if (typeof from !== 'number' || typeof to !== 'number' || from === 0) return null;
  return (to - from) / Math.abs(from);
}

/** A change of a key: what the key's parts name (fund, level, code), its kind and its relative change. */
function changeOf(key: string, label: string | null, from: unknown, to: unknown): ParamChange {
  const [param, ...parts] = key.split('.') as [ParamName, ...string[]];
  const pool = parts.find((p): p is Pool => (POOLS as readonly string[]).includes(p)) ?? null;
  const level = parts.find((p): p is '1' | '2' | '3' => p === '1' || p === '2' || p === '3') ?? null;
  const a = (from ?? null) as ParamValue;
  const b = (to ?? null) as ParamValue;
  return {
    group: ENTRY_KEYS.has(param) ? entryGroupOf(param) : groupOf(param),
    key,
    param,
    pool,
    level: ENTRY_KEYS.has(param) ? null : level,
    code: ENTRY_KEYS.has(param) ? (parts.join('.') || null) : null,
    label,
    kind: PARAM_KINDS[param],
    from: a,
    to: b,
    relativeChange: relativeChangeOf(a, b),
  };
}

function entryGroupOf(param: ParamName): ChangeGroup {
  if (param === 'weights') return 'weights';
  if (param === 'benchmark_costs') return 'benchmark_costs';
  return param === 'evaluation_scores' ? 'evaluation' : 'coefficients';
}

/** What applies to a code without an override in a round (catalog weight, hospital file coefficient …), and its name. */
type Fallback = (code: string, round: ResolvedRound) => { value: number | null; label: string | null };

function entryChanges(key: ParamName, from: ResolvedRound, to: ResolvedRound, base: Fallback): ParamChange[] {
  const a = from[key] as Record<string, number>;
  const b = to[key] as Record<string, number>;
  const codes = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changes: ParamChange[] = [];
  for (const code of codes) {
    const before = a[code] ?? base(code, from).value;
    const after = b[code] ?? base(code, to).value;
    if (!same(before, after)) changes.push(changeOf(`${key}.${code}`, base(code, to).label, before, after));
  }
  return changes;
}

/** The order a report lists changes in: rates first, then coefficients, rules, scores, weights; §6 order within. */
function byReportOrder(a: ParamChange, b: ParamChange): number {
  return (
    GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
    PARAM_ORDER.indexOf(a.param) - PARAM_ORDER.indexOf(b.param) ||
    a.key.localeCompare(b.key)
  );
}

/**
 * What differs between two rounds, old → new. Override maps compare against what applies without them
 * (catalog weight, hospital file coefficient), so a weight set to its catalog value is no change.
 */
export function diffRounds(fromParams: RoundParams, toParams: RoundParams, catalog: DrgEntry[], hospitals: Hospital[]): ParamChange[] {
  const drgs = new Map(catalog.map((d) => [d.code, d]));
  const hospitalByCode = new Map(hospitals.map((h) => [h.code, h]));
  const from = resolveRound(fromParams);
  const to = resolveRound(toParams);
  const changes: ParamChange[] = [
    ...entryChanges('weights', from, to, (c) => ({ value: drgs.get(c)?.weight ?? null, label: drgs.get(c)?.name ?? null })),
    ...entryChanges('benchmark_costs', from, to, (c) => ({ value: drgs.get(c)?.benchmarkCost ?? null, label: drgs.get(c)?.name ?? null })),
    // SETTLEMENT.md §3: without an override, the hospital file's coefficient, else its level's in that round
    ...entryChanges('hospital_coefficients', from, to, (c, round) => {
      const h = hospitalByCode.get(c);
      return { value: h ? (h.coefficient ?? round.level_coefficients[h.level]) : null, label: h?.name ?? null };
    }),
    ...entryChanges('evaluation_scores', from, to, (c) => ({
      value: hospitalByCode.get(c)?.evaluationScore ?? null,
      label: hospitalByCode.get(c)?.name ?? null,
    })),
  ];
  const flatA = new Map<string, unknown>();
  const flatB = new Map<string, unknown>();
  for (const [k, v] of Object.entries(from)) if (!ENTRY_KEYS.has(k)) flatten(v, k, flatA);
  for (const [k, v] of Object.entries(to)) if (!ENTRY_KEYS.has(k)) flatten(v, k, flatB);
  for (const key of new Set([...flatA.keys(), ...flatB.keys()])) {
    const va = flatA.get(key);
    const vb = flatB.get(key);
    if (!same(va, vb)) changes.push(changeOf(key, null, va, vb));
  }
  return changes.sort(byReportOrder);
}

export function diffRoundsById(db: Db, fromId: number, toId: number): ParamChange[] {
  const from = getRound(db, fromId);
  const to = getRound(db, toId);
  if (from.datasetId !== to.datasetId) throw new DomainError('INVALID', 'rounds of different data sets cannot be compared');
  return diffRounds(from.params, to.params, listCatalog(db, from.datasetId), listHospitals(db, from.datasetId));
}
