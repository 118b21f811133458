/**
 * Quantiles by linear interpolation between the closest ranks: Excel's QUARTILE.INC / PERCENTILE.INC, numpy's
 * default (`linear`), R's type 7. For n sorted values and p in [0, 1]: h = (n − 1)·p, and the quantile is
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 */

/**
 * The p-quantile of `sorted[from … to − 1]` (ascending, at least one value). Reads the stretch in place: the
 * recalibration keeps every DRG's costs as one stretch of one sorted array.
 */
export function quantileInc(sorted: Float64Array, from: number, to: number, p: number): number {
  const n = to - from;
  if (n <= 0) throw new Error('quantileInc: no values');
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const x = sorted[from + below]!;
  if (below >= n - 1) return x;
  return x + (h - below) * (sorted[from + below + 1]! - x);
}
