import type { Db } from '@/db/client';
import type { DrgEntry, Hospital } from '@/worker/settlement/types';
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
import { listCatalog, listHospitals } from './datasets';
import { getRound } from './rounds';
import { DomainError } from './errors';

/** The lever family a change belongs to (谈判三要素 + rules). */
export type ChangeGroup = 'weights' | 'benchmark_costs' | 'rates' | 'coefficients' | 'evaluation' | 'rules';

export interface ParamChange {
  group: ChangeGroup;
  /** the §6 key, dotted for nested values: `weights.FM19`, `budget.employee`, `level_coefficients.2` */
  key: string;
  /** the DRG or hospital name when the key names one */
  label: string | null;
  from: unknown;
  to: unknown;
}

const RATE_KEYS = new Set(['method', 'base_points', 'point_value_basis', 'budget', 'rate', 'rate_by_level', 'monthly_point_value', 'prepay_ratio']);
const COEFFICIENT_KEYS = new Set(['level_coefficients', 'uniform_price_drgs', 'uniform_coefficient']);
/** keys compared entry by entry against the catalog / hospital file */
const ENTRY_KEYS = new Set(['weights', 'benchmark_costs', 'hospital_coefficients', 'evaluation_scores']);

function groupOf(key: string): ChangeGroup {
  if (RATE_KEYS.has(key)) return 'rates';
  if (COEFFICIENT_KEYS.has(key)) return 'coefficients';
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

function entryChanges(
  group: ChangeGroup,
  key: string,
  from: Record<string, number> | undefined,
  to: Record<string, number> | undefined,
  base: (code: string) => { value: number | null; label: string | null },
): ParamChange[] {
  const codes = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])].sort();
  const changes: ParamChange[] = [];
  for (const code of codes) {
    const fallback = base(code);
    const a = from?.[code] ?? fallback.value;
    const b = to?.[code] ?? fallback.value;
    if (!same(a, b)) changes.push({ group, key: `${key}.${code}`, label: fallback.label, from: a, to: b });
  }
  return changes;
}

/**
 * What differs between two rounds, old → new. Override maps compare against what applies without them
 * (catalog weight, hospital file coefficient), so a weight set to its catalog value is no change.
 */
export function diffRounds(from: RoundParams, to: RoundParams, catalog: DrgEntry[], hospitals: Hospital[]): ParamChange[] {
  const drgs = new Map(catalog.map((d) => [d.code, d]));
  const hospitalByCode = new Map(hospitals.map((h) => [h.code, h]));
  const a = resolveRound(from) as unknown as Record<string, unknown>;
  const b = resolveRound(to) as unknown as Record<string, unknown>;
  const changes: ParamChange[] = [
    ...entryChanges('weights', 'weights', from.weights, to.weights, (c) => ({ value: drgs.get(c)?.weight ?? null, label: drgs.get(c)?.name ?? null })),
    ...entryChanges('benchmark_costs', 'benchmark_costs', from.benchmark_costs, to.benchmark_costs, (c) => ({
      value: drgs.get(c)?.benchmarkCost ?? null,
      label: drgs.get(c)?.name ?? null,
    })),
    ...entryChanges('coefficients', 'hospital_coefficients', from.hospital_coefficients, to.hospital_coefficients, (c) => ({
      value: hospitalByCode.get(c)?.coefficient ?? null,
      label: hospitalByCode.get(c)?.name ?? null,
    })),
    ...entryChanges('evaluation', 'evaluation_scores', from.evaluation_scores, to.evaluation_scores, (c) => ({
      value: hospitalByCode.get(c)?.evaluationScore ?? null,
      label: hospitalByCode.get(c)?.name ?? null,
    })),
  ];
  const flatA = new Map<string, unknown>();
  const flatB = new Map<string, unknown>();
  for (const [k, v] of Object.entries(a)) if (!ENTRY_KEYS.has(k)) flatten(v, k, flatA);
  for (const [k, v] of Object.entries(b)) if (!ENTRY_KEYS.has(k)) flatten(v, k, flatB);
  for (const key of [...new Set([...flatA.keys(), ...flatB.keys()])].sort()) {
    const va = flatA.get(key);
    const vb = flatB.get(key);
    if (!same(va, vb)) changes.push({ group: groupOf(key.split('.')[0]!), key, label: null, from: va ?? null, to: vb ?? null });
  }
  return changes;
}

export function diffRoundsById(db: Db, fromId: number, toId: number): ParamChange[] {
  const from = getRound(db, fromId);
  const to = getRound(db, toId);
  if (from.datasetId !== to.datasetId) throw new DomainError('INVALID', 'rounds of different data sets cannot be compared');
  return diffRounds(from.params, to.params, listCatalog(db, from.datasetId), listHospitals(db, from.datasetId));
}
