/**
 * Lever families of ANALYSIS.md §A.1 and the mixed rounds of §A.2: every §6 key belongs to exactly one family,
 * and a mixed round takes each key of the chosen families from `to`, the others from `from`, each key's whole
 * effective value (a key absent from a round means its default; a map such as `weights` is never merged).
 */
import type { RoundParams } from '@/worker/settlement/round';

/** The five families, in the order of §A.1 (also the order of rounding ties, §A.4). Bit i of a mask = FAMILIES[i]. */
export const FAMILIES = ['weights', 'rates', 'coefficients', 'case_rules', 'clearing'] as const;
export type Family = (typeof FAMILIES)[number];

export type RoundKey = keyof RoundParams;

/** §A.1: the §6 keys of each family. */
export const FAMILY_KEYS: Readonly<Record<Family, readonly RoundKey[]>> = {
  weights: ['weights', 'benchmark_costs'],
  rates: ['method', 'base_points', 'point_value_basis', 'budget', 'rate', 'rate_by_level', 'reserve_ratio', 'monthly_point_value', 'prepay_ratio'],
  coefficients: ['level_coefficients', 'hospital_coefficients', 'uniform_price_drgs', 'uniform_coefficient'],
  case_rules: ['high_bands', 'high_extra_ratio', 'high_extra_times_coef', 'low_multiple', 'low_times_coef', 'ungrouped_ratio', 'exclude_los_max', 'exclude_los_min'],
  clearing: ['sharing_bands', 'surplus_cap', 'eval_bands', 'evaluation_scores'],
};

/** The mask of every family: R_all = `to`. */
export const ALL_FAMILIES = (1 << FAMILIES.length) - 1;

/** Bit of a family in a mask. */
export function familyBit(family: Family): number {
  return 1 << FAMILIES.indexOf(family);
}

const FAMILY_OF_KEY = new Map<RoundKey, Family>(FAMILIES.flatMap((family) => FAMILY_KEYS[family].map((key) => [key, family] as const)));

/** §A.1: the family of a §6 key. */
export function familyOfKey(key: RoundKey): Family {
  const family = FAMILY_OF_KEY.get(key);
  if (!family) throw new Error(`round key ${String(key)} belongs to no family (ANALYSIS.md §A.1)`);
  return family;
}

/** §A.2: R_T, T given as a mask (bit i = FAMILIES[i] from `to`). A new object; `from` and `to` are left as they are. */
export function mixedRound(from: RoundParams, to: RoundParams, mask: number): RoundParams {
  const mixed: Record<string, unknown> = { ...from };
  FAMILIES.forEach((family, i) => {
    if ((mask & (1 << i)) === 0) return;
    for (const key of FAMILY_KEYS[family]) {
      // the whole effective value: `to`'s own, or none (its default) when `to` leaves the key out
      if (to[key] === undefined) delete mixed[key];
      else mixed[key] = to[key];
    }
  });
  return mixed as RoundParams;
}

/** JSON with object keys sorted: two values that mean the same key-for-key compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/**
 * The mask of the families whose keys differ between `from` and `to` (as written: a key left out and one written
 * at its default count as different; such a family's parts come out 0). A family that does not differ gives
 * R_{T ∪ f} = R_T, so its mixed rounds need not be settled.
 */
export function changedFamilies(from: RoundParams, to: RoundParams): number {
  let mask = 0;
  FAMILIES.forEach((family, i) => {
    if (FAMILY_KEYS[family].some((key) => canonical(from[key] ?? null) !== canonical(to[key] ?? null))) mask |= 1 << i;
  });
  return mask;
}
