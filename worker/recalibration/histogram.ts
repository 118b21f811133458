/**
 * 费用分布直方图: one DRG's used costs in equal-width bins, each split into the cases the trim keeps and those it
 * cuts, for the 权重测算 page (plotly's basic bundle has bars, not histograms: the bins are made here). A few very
 * high costs would squeeze every other bar into one: the bins stop a little beyond the trim's upper bound (the
 * 99th percentile when it cuts nothing above), or at the highest cost when that is not far beyond, and the costs
 * above are counted apart.
 */
import { quantileInc } from './quantile';
import type { TrimBounds } from './trim';

export interface CostHistogram {
  /** left edge of bin i is from + i × width (yuan) */
  from: number;
  width: number;
  kept: number[];
  trimmed: number[];
  /** used costs above the last bin, and the highest of them */
  beyond: number;
  max: number;
}

/** How far beyond the usual range the highest cost may be and still be drawn within the bins. */
const DRAWN_BEYOND = 1.5;
/** Otherwise the bins go this far beyond the usual range (the upper bound's line stays inside). */
const MARGIN = 1.1;

/** The histogram of `sorted[from … to − 1]` (ascending, at least one cost) in `bins` bins. */
export function costHistogram(sorted: Float64Array, from: number, to: number, bounds: Pick<TrimBounds, 'keeps' | 'upper'>, bins: number): CostHistogram {
  const min = sorted[from]!;
  const max = sorted[to - 1]!;
  const usual = Number.isFinite(bounds.upper) ? bounds.upper : quantileInc(sorted, from, to, 0.99);
  const end = max <= usual * DRAWN_BEYOND ? max : Math.max(min, usual * MARGIN);
  const width = end > min ? (end - min) / bins : 1;
  const kept = new Array<number>(bins).fill(0);
  const trimmed = new Array<number>(bins).fill(0);
  let beyond = 0;
  for (let i = from; i < to; i++) {
    const x = sorted[i]!;
    if (x > end) {
      beyond++;
      continue;
    }
    const bin = Math.min(bins - 1, Math.floor((x - min) / width));
    if (bounds.keeps(x)) kept[bin]!++;
    else trimmed[bin]!++;
  }
  return { from: min, width, kept, trimmed, beyond, max };
}
