/**
 * 截尾 (ANALYSIS.md §C.2): which of a DRG's costs are kept for its trimmed mean. Every method keeps the costs
 * between a lower and an upper bound; `logsd` tests each cost on the log scale, exactly as §C.2 writes it.
 */
import { quantileInc } from './quantile';
import type { TrimMethod } from './options';

/** What a trim keeps of one DRG's costs, and the bounds it drew (for the histogram: yuan). */
export interface TrimBounds {
  /** lowest cost kept (−∞ when none is cut below) */
  lower: number;
  /** highest cost kept (+∞ when none is cut above) */
  upper: number;
  /** whether cost x is kept */
  keeps: (x: number) => boolean;
}

const KEEP_ALL: TrimBounds = { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, keeps: () => true };

function between(lower: number, upper: number): TrimBounds {
  return { lower, upper, keeps: (x) => x >= lower && x <= upper };
}

/** `logsd:K`: |ln x − μ| ≤ K·σ, μ and σ the mean and population SD of ln x over the DRG's used cases. */
function logSdBounds(sorted: Float64Array, from: number, to: number, k: number): TrimBounds {
  const n = to - from;
  let sum = 0;
  for (let i = from; i < to; i++) sum += Math.log(sorted[i]!);
  const mu = sum / n;
  let squares = 0;
  for (let i = from; i < to; i++) squares += (Math.log(sorted[i]!) - mu) ** 2;
  const limit = k * Math.sqrt(squares / n);
  return { lower: Math.exp(mu - limit), upper: Math.exp(mu + limit), keeps: (x) => Math.abs(Math.log(x) - mu) <= limit };
}

/**
 * The bounds of `method` over one DRG's used costs `sorted[from … to − 1]` (ascending, all > 0, at least one).
 * - `iqr:K`: Q1 − K·IQR ≤ x ≤ Q3 + K·IQR, quartiles as QUARTILE.INC;
 * - `pct:LO:HI`: the LO-th ≤ x ≤ the HI-th percentile, the same interpolation;
 * - `logsd:K`: see logSdBounds; `none`: every cost.
 */
export function trimBounds(method: TrimMethod, sorted: Float64Array, from: number, to: number): TrimBounds {
  switch (method.kind) {
    case 'none':
      return KEEP_ALL;
    case 'iqr': {
      const q1 = quantileInc(sorted, from, to, 0.25);
      const q3 = quantileInc(sorted, from, to, 0.75);
      const iqr = q3 - q1;
      return between(q1 - method.k * iqr, q3 + method.k * iqr);
    }
    case 'pct':
      return between(quantileInc(sorted, from, to, method.lo / 100), quantileInc(sorted, from, to, method.hi / 100));
    case 'logsd':
      return logSdBounds(sorted, from, to, method.k);
  }
}
