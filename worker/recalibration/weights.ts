/**
 * 权重测算 (ANALYSIS.md §C.3–§C.5): raw weights from the trimmed means, blended with the current weights, capped,
 * and re-centred by one factor for every DRG; new weights rounded half away from zero to 4 decimals.
 */
import { roundPoints } from '@/worker/settlement/rounding';
import type { RecalibrationOptions, Recentre } from './options';

/** What the weights are computed from, one entry per DRG with a weight. */
export interface WeightInputs {
  /** current weight (> 0) */
  current: Float64Array;
  /** used cases (§C.1) */
  cases: Float64Array;
  /** kept cases (§C.2) */
  kept: Float64Array;
  /** Σ kept costs, whole fen */
  keptCostFen: Float64Array;
}

export interface WeightResults {
  /** kept ≥ min-cases (§C.3) */
  eligible: Uint8Array;
  /** M: mean cost of all kept cases of all eligible DRGs pooled (yuan; null when no DRG is eligible) */
  pooledMean: number | null;
  /** raw_d = trimmed_mean_d ÷ M (NaN when not eligible) */
  raw: Float64Array;
  /** w2: blended and capped; the current weight when not eligible */
  capped: Float64Array;
  /** s (§C.5) */
  scale: number;
  /** s × w2 rounded to 4 decimals */
  next: Float64Array;
}

/** The smallest weight a round may hold at 4 decimals: a weight never rounds to 0 (the round schema refuses it). */
export const MIN_WEIGHT = 0.0001;

/** §C.4: w1 = blend × raw + (1 − blend) × current, then within current × (1 ± cap). */
export function blendAndCap(raw: number, current: number, blend: number, cap: number | null): number {
  const blended = blend * raw + (1 - blend) * current;
  return cap === null ? blended : Math.min(Math.max(blended, current * (1 - cap)), current * (1 + cap));
}

/** §C.5: s such that Σ s·w2 over the used cases = Σ current (total_points) or = the number of cases (cmi1). */
export function recentringScale(mode: Recentre, inputs: Pick<WeightInputs, 'current' | 'cases'>, capped: Float64Array): number {
  if (mode === 'none') return 1;
  let target = 0;
  let sum = 0;
  for (let d = 0; d < capped.length; d++) {
    const n = inputs.cases[d]!;
    sum += n * capped[d]!;
    target += mode === 'total_points' ? n * inputs.current[d]! : n;
  }
  return sum > 0 ? target / sum : 1;
}

/** §C.5: a new weight to 4 decimals, half away from zero (as points are reported, §4.5), never below MIN_WEIGHT. */
export function roundWeight(weight: number): number {
  return Math.max(MIN_WEIGHT, roundPoints(weight));
}

export function computeWeights(inputs: WeightInputs, options: Pick<RecalibrationOptions, 'minCases' | 'blend' | 'cap' | 'recentre'>): WeightResults {
  const count = inputs.current.length;
  const eligible = new Uint8Array(count);
  let pooledFen = 0;
  let pooledCases = 0;
  for (let d = 0; d < count; d++) {
    if (inputs.kept[d]! < options.minCases) continue;
    eligible[d] = 1;
    pooledFen += inputs.keptCostFen[d]!;
    pooledCases += inputs.kept[d]!;
  }
  const pooledMean = pooledCases > 0 ? pooledFen / pooledCases / 100 : null;
  const raw = new Float64Array(count).fill(Number.NaN);
  const capped = Float64Array.from(inputs.current);
  for (let d = 0; d < count; d++) {
    if (eligible[d] !== 1 || pooledMean === null) continue;
    raw[d] = inputs.keptCostFen[d]! / inputs.kept[d]! / 100 / pooledMean;
    capped[d] = blendAndCap(raw[d]!, inputs.current[d]!, options.blend, options.cap);
  }
  const scale = recentringScale(options.recentre, inputs, capped);
  const next = capped.map((w) => roundWeight(scale * w));
  return { eligible, pooledMean, raw, capped, scale, next };
}
