/**
 * §2 on a cell's core (prepare.ts): its cases are in exact cost order and none is excluded, special or of
 * another DRG, so its high-cost cases are the run at its end and — high first, as in §2 — its low-cost cases
 * the run at its start before them. Every other core case is normal.
 */

/** Where the high run of the core [start, end) starts: its cases have fen ≥ `highCostFenMin`. */
export function highRunStart(costFen: Int32Array | Float64Array, start: number, end: number, highCostFenMin: number): number {
  let highStart = end;
  while (highStart > start && costFen[highStart - 1]! >= highCostFenMin) highStart--;
  return highStart;
}

/** Where the low run of the core [start, highStart) ends: its cases have fen ≤ `lowCostFenMax`. */
export function lowRunEnd(costFen: Int32Array | Float64Array, start: number, highStart: number, lowCostFenMax: number): number {
  let lowEnd = start;
  while (lowEnd < highStart && costFen[lowEnd]! <= lowCostFenMax) lowEnd++;
  return lowEnd;
}
