/**
 * Rounding of reported figures (SETTLEMENT.md §4.5). Money is computed unrounded and rounded once, here:
 * `fenOf` is the one money-rounding function (half away from zero, to the fen), `largestRemainder` rounds a
 * column of hospital figures so that it sums to its rounded total. Everything works in whole fen
 * (integers held exactly in doubles) so that derived statement lines are integer arithmetic.
 */

/** Yuan → whole fen, half away from zero. The one money-rounding function of the engine. */
export function fenOf(yuan: number): number {
  const fen = Math.floor(Math.abs(yuan) * 100 + 0.5);
  return yuan < 0 ? -fen : fen;
}

/** Whole fen → yuan as reported (e.g. 12345 → 123.45). */
export function yuanOf(fen: number): number {
  return fen / 100;
}

/** Points are reported to 4 decimals, half away from zero (§4.5 step 4). */
export function roundPoints(points: number): number {
  const scaled = Math.floor(Math.abs(points) * 10000 + 0.5) / 10000;
  return points < 0 ? -scaled : scaled;
}

/**
 * 最大余额法 — rounds one column to the fen so that it sums to its unrounded total rounded to the fen
 * (§4.5 step 1): floor every figure to the fen, then give one more fen to the largest remainders; ties go to
 * the earlier row (rows are given in hospital_code order, so the lower code wins).
 *
 * `yuan` holds the column's unrounded figures; `rows` the indices of the rows that take part, in tie order.
 * Returns whole fen per row in `out` (same indexing as `yuan`).
 */
export function largestRemainder(yuan: Float64Array, rows: Int32Array, out: Float64Array): void {
  const n = rows.length;
  const remainders = new Float64Array(n);
  let unroundedSum = 0;
  let flooredSum = 0;
  for (let j = 0; j < n; j++) {
    const row = rows[j]!;
    const fen = yuan[row]! * 100;
    const floored = Math.floor(fen);
    out[row] = floored;
    remainders[j] = fen - floored;
    unroundedSum += yuan[row]!;
    flooredSum += floored;
  }
  const extra = fenOf(unroundedSum) - flooredSum;
  if (!(extra > 0)) return; // also when a figure is not finite (extra is then NaN)
  // The extra fen go to the `extra` largest remainders, equal remainders in row order (lower hospital_code
  // first): every remainder above the extra-th largest one, then the first rows whose remainder equals it.
  // A numeric typed-array sort finds that remainder; no comparator, no order array.
  const cut = extra >= n ? -1 : remainders.slice().sort()[n - extra]!;
  let left = extra;
  for (let j = 0; j < n; j++) {
    if (remainders[j]! > cut) {
      const row = rows[j]!;
      out[row] = out[row]! + 1;
      left--;
    }
  }
  for (let j = 0; j < n && left > 0; j++) {
    if (remainders[j] === cut) {
      const row = rows[j]!;
      out[row] = out[row]! + 1;
      left--;
    }
  }
}
