/**
 * Edits of the 相对权重 overrides (`weights`, SETTLEMENT.md §6): one DRG at a time or the panel's bulk moves over
 * a filtered set of DRGs ("MDC F surgical groups × 1.05"). Pure: catalog rows and overrides in, overrides out.
 */

/** A DRG as the weight editor sees it: its code and the catalog's weight (null = no weight: ungrouped). */
export interface WeightedDrg {
  code: string;
  catalogWeight: number | null;
}

export type WeightOverrides = Readonly<Record<string, number>>;

export type BulkWeightOperation =
  | { kind: 'multiply'; factor: number }
  | { kind: 'add'; delta: number }
  | { kind: 'set'; value: number };

export interface BulkWeightResult {
  weights: Record<string, number>;
  /** DRGs whose effective weight changed */
  changed: number;
  /** DRGs left alone: no weight to scale or shift */
  skipped: number;
  /** DRGs the operation would give a weight ≤ 0 (then nothing is applied) */
  nonPositive: string[];
}

const WEIGHT_DECIMALS = 4;

/** Weights are published to 4 decimals: round half away from zero, after clearing float noise (1.00005 → 1.0001). */
export function roundWeight(weight: number): number {
  const scale = 10 ** WEIGHT_DECIMALS;
  const scaled = Number((Math.abs(weight) * scale).toPrecision(12));
  return (Math.sign(weight) * Math.round(scaled)) / scale;
}

/** The weight a DRG settles at: the round's override, else the catalog's. */
export function effectiveWeight(drg: WeightedDrg, weights: WeightOverrides | undefined): number | null {
  return weights?.[drg.code] ?? drg.catalogWeight;
}

/** Sets one DRG's weight; null, or the catalog's own weight, removes the override (no no-op overrides). */
export function setWeightOverride(weights: WeightOverrides | undefined, drg: WeightedDrg, value: number | null): Record<string, number> {
  const next: Record<string, number> = { ...weights };
  const rounded = value === null ? null : roundWeight(value);
  if (rounded === null || rounded === drg.catalogWeight) delete next[drg.code];
  else next[drg.code] = rounded;
  return next;
}

function operate(weight: number, op: BulkWeightOperation): number {
  switch (op.kind) {
    case 'multiply':
      return weight * op.factor;
    case 'add':
      return weight + op.delta;
    case 'set':
      return op.value;
  }
}

/** Applies one operation to the effective weight of every DRG in `drgs`; all or nothing. */
export function applyBulkWeights(weights: WeightOverrides | undefined, drgs: readonly WeightedDrg[], op: BulkWeightOperation): BulkWeightResult {
  let next: Record<string, number> = { ...weights };
  let changed = 0;
  let skipped = 0;
  const nonPositive: string[] = [];
  for (const drg of drgs) {
    const current = effectiveWeight(drg, weights);
    if (current === null) {
      skipped++;
      continue;
    }
    const updated = roundWeight(operate(current, op));
    if (!(updated > 0) || !Number.isFinite(updated)) {
      nonPositive.push(drg.code);
      continue;
    }
    if (updated !== current) changed++;
    next = setWeightOverride(next, drg, updated);
  }
  if (nonPositive.length > 0) return { weights: { ...weights }, changed: 0, skipped, nonPositive };
  return { weights: next, changed, skipped, nonPositive };
}
