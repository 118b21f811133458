/**
 * Month points in fixed point (SETTLEMENT.md §4.4: no figure depends on the order of the cases). A case's
 * points are added to its month in two parts — a multiple of 2⁻⁸ and the remainder rounded to 2⁻⁴⁰ — and each
 * part's sum is exact, whatever the order and grouping of the additions: n normal cases add n × their parts at
 * once, an outlier among them the difference of its parts from the normal ones, and every pass (pass.ts,
 * classified-price.ts) gets the same sums, bit for bit.
 */

/** 1.5 × 2⁴⁴: adding and subtracting it rounds a value to a multiple of 2⁻⁸ (|value| < 2⁴³). */
export const SPLIT_HIGH = 1.5 * 2 ** 44;
/** 1.5 × 2¹²: the same to a multiple of 2⁻⁴⁰ (|value| < 2¹¹). */
export const SPLIT_LOW = 1.5 * 2 ** 12;

// The two functions below write the constants as literals: in a bundle a module-level const is a context
// load with a TDZ check at every read, and these run once per outlier case.

/** The high part of `points`: a multiple of 2⁻⁸ (SPLIT_HIGH added and taken away). */
export function highPartOf(points: number): number {
  return points + 26388279066624 - 26388279066624;
}

/** The low part of `points` whose high part is `high`: the rest, to a multiple of 2⁻⁴⁰ (SPLIT_LOW added and taken away). */
export function lowPartOf(points: number, high: number): number {
  return points - high + 6144 - 6144;
}
