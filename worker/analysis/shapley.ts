/**
 * Shapley values over the five lever families (ANALYSIS.md §A.3) and their rounding to the fen (§A.4), for one
 * row and one figure. Pure arithmetic on the 32 values v(T); the settlements that give them are elsewhere.
 */
import { FAMILIES } from './families';

const FAMILY_COUNT = FAMILIES.length;
const SUBSETS = 1 << FAMILY_COUNT;
const FACTORIAL = [1, 1, 2, 6, 24, 120];

function sizeOf(mask: number): number {
  let size = 0;
  for (let m = mask; m !== 0; m &= m - 1) size++;
  return size;
}

/** |T|! (4 − |T|)! / 5! by mask T */
const WEIGHT_OF_MASK = Float64Array.from({ length: SUBSETS }, (_, mask) => {
  const size = sizeOf(mask);
  return size < FAMILY_COUNT ? (FACTORIAL[size]! * FACTORIAL[FAMILY_COUNT - 1 - size]!) / FACTORIAL[FAMILY_COUNT]! : 0;
});

/**
 * part_f = Σ over T ⊆ (families − {f}) of |T|! (4 − |T|)! / 5! × (v(T ∪ {f}) − v(T)), for each family f in
 * FAMILIES order, written to `out` (yuan, unrounded). `values[mask]` = v(T).
 */
export function shapleyParts(values: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let f = 0; f < FAMILY_COUNT; f++) {
    const bit = 1 << f;
    let part = 0;
    for (let mask = 0; mask < SUBSETS; mask++) {
      if ((mask & bit) !== 0) continue;
      part += WEIGHT_OF_MASK[mask]! * (values[mask | bit]! - values[mask]!);
    }
    out[f] = part;
  }
  return out;
}

/** The Shapley weight of a subset T (a mask without f) in part_f. */
export function shapleyWeight(mask: number): number {
  return WEIGHT_OF_MASK[mask]!;
}

/**
 * Rounds `values` (yuan) to whole fen so that they add up to `totalFen` exactly: each is floored to the fen and
 * D = total − Σ floors is handed out one fen at a time, to the largest remainders when D > 0, taken from the
 * smallest when D < 0, equal remainders in index order. Only the indices in `eligible` take part (all when it
 * is empty). When |D| exceeds their number every eligible value first takes ⌊|D| ÷ n⌋.
 */
export function fenSplit(values: ArrayLike<number>, totalFen: number, eligible: readonly number[], out: Float64Array): Float64Array {
  const count = values.length;
  const remainders = new Float64Array(count);
  let floors = 0;
  for (let i = 0; i < count; i++) {
    const fen = values[i]! * 100;
    const floor = Math.floor(fen);
    out[i] = floor;
    remainders[i] = fen - floor;
    floors += floor;
  }
  let left = totalFen - floors;
  if (left === 0 || count === 0) return out;
  const order = eligible.length > 0 ? [...eligible] : Array.from({ length: count }, (_, i) => i);
  const sign = left > 0 ? 1 : -1;
  const each = Math.floor(Math.abs(left) / order.length);
  if (each > 0) for (const i of order) out[i] = out[i]! + sign * each;
  left -= sign * each * order.length;
  const ranked = order.sort((a, b) => (sign > 0 ? remainders[b]! - remainders[a]! : remainders[a]! - remainders[b]!) || a - b);
  for (let k = 0; k < Math.abs(left); k++) out[ranked[k]!] = out[ranked[k]!]! + sign;
  return out;
}

/**
 * §A.4: the five parts (yuan) rounded to whole fen so that they add up to `changeFen` exactly: floored to the
 * fen, D = change − Σ floors handed out to the largest remainders (D > 0) or taken from the smallest (D < 0),
 * ties in FAMILIES order. Only the families of `eligible` (a mask: those that differ between the two rounds;
 * the parts of the others are exactly 0) take part, so a family the rounds do not change never carries a stray
 * fen. (|D| stays below a few fen: the reported and the unrounded change differ by the rounding of three
 * statement lines on each side.)
 */
export function partsToFen(parts: ArrayLike<number>, changeFen: number, eligible: number, out: Float64Array): Float64Array {
  const families: number[] = [];
  for (let f = 0; f < FAMILY_COUNT; f++) if ((eligible & (1 << f)) !== 0) families.push(f);
  return fenSplit(parts, changeFen, families, out);
}
