/**
 * Sums of money as the tables and their exports show them: every figure rounded to the fen first (§4.5's one
 * rounding function), then added as integers. Adding float yuan leaves noise such as 14957054.489999998 and can
 * drift from the rows it sums by a fen.
 */
import { fenOf } from '@/worker/settlement/rounding';

/** Σ of the picked yuan figures, in whole fen (an integer; missing figures count 0). */
export function sumFen<T>(items: readonly T[], pick: (item: T) => number | null | undefined): number {
  let fen = 0;
  for (const item of items) {
    const yuan = pick(item);
    if (yuan !== null && yuan !== undefined && Number.isFinite(yuan)) fen += fenOf(yuan);
  }
  return fen;
}

/** Σ of the picked yuan figures added in whole fen, as yuan (e.g. 0.1 + 0.2 → 0.3 exactly as printed). */
export function sumYuan<T>(items: readonly T[], pick: (item: T) => number | null | undefined): number {
  return sumFen(items, pick) / 100;
}
