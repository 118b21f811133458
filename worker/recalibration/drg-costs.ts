/**
 * 单组费用统计 (ANALYSIS.md §C.2, §C.7): one DRG's used costs summed up — count, mean, median, the trim's kept
 * cases, their mean and their coefficient of variation. Sums are exact sums of whole fen, so that no figure
 * depends on the order of the cases.
 */
import { quantileInc } from './quantile';
import { trimBounds } from './trim';
import type { TrimMethod } from './options';

export interface DrgCostSummary {
  /** used cases (§C.1) */
  cases: number;
  /** of them, kept by the trim (§C.2) */
  kept: number;
  /** Σ cost of the used cases, in whole fen */
  costFen: number;
  /** Σ cost of the kept cases, in whole fen */
  keptCostFen: number;
  /** yuan; null without a used case */
  mean: number | null;
  median: number | null;
  trimmedMean: number | null;
  /** population SD ÷ mean of the kept costs; null without a kept case */
  cv: number | null;
  /** the trim's bounds in yuan (±∞ where it cuts nothing; null without a used case) */
  lower: number | null;
  upper: number | null;
}

const EMPTY: DrgCostSummary = { cases: 0, kept: 0, costFen: 0, keptCostFen: 0, mean: null, median: null, trimmedMean: null, cv: null, lower: null, upper: null };

const fenOf = (yuan: number) => Math.round(yuan * 100);

/** The summary of the used costs `sorted[from … to − 1]` (ascending, whole fen in yuan). */
export function summariseDrgCosts(sorted: Float64Array, from: number, to: number, trim: TrimMethod): DrgCostSummary {
  const cases = to - from;
  if (cases === 0) return EMPTY;
  const bounds = trimBounds(trim, sorted, from, to);
  let costFen = 0;
  let keptCostFen = 0;
  let kept = 0;
  for (let i = from; i < to; i++) {
    const fen = fenOf(sorted[i]!);
    costFen += fen;
    if (bounds.keeps(sorted[i]!)) {
      keptCostFen += fen;
      kept++;
    }
  }
  const trimmedMean = kept > 0 ? keptCostFen / kept / 100 : null;
  let squares = 0;
  if (trimmedMean !== null) for (let i = from; i < to; i++) if (bounds.keeps(sorted[i]!)) squares += (sorted[i]! - trimmedMean) ** 2;
  return {
    cases,
    kept,
    costFen,
    keptCostFen,
    mean: costFen / cases / 100,
    median: quantileInc(sorted, from, to, 0.5),
    trimmedMean,
    cv: trimmedMean !== null && trimmedMean > 0 ? Math.sqrt(squares / kept) / trimmedMean : null,
    lower: bounds.lower,
    upper: bounds.upper,
  };
}
