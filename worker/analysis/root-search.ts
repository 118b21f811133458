/**
 * The numeric search behind a solve (ANALYSIS.md §B): the x in a range where f(x) comes within `tolerance` of a
 * target. f is a settlement figure as a function of one lever: monotone-ish and continuous in pieces, with jumps
 * where a rule's band changes. First secant steps from the start (a linear figure is hit in two or three);
 * failing a bracket, a grid over the whole range; then the bracket is narrowed (Illinois false position, with
 * bisection whenever it stops halving, geometric while it spans orders of magnitude). A bracket that narrows to
 * two adjacent doubles without a hit is a jump; no sign change anywhere is out of range.
 */

export interface SearchPoint {
  x: number;
  y: number;
}

export interface SearchProblem {
  f: (x: number) => number;
  target: number;
  /** |f(x) − target| ≤ tolerance is a hit */
  tolerance: number;
  lo: number;
  hi: number;
  /** the lower end itself is excluded: the search goes down to hi × 1e-12 */
  lowOpen: boolean;
  /** where to start (the lever's current value), or null */
  start: number | null;
  /** the lever's usual size: the first step is 1e-3 of it, and the grid's log part starts 1e-3 below it */
  scale: number;
  /** a grid spaced by ratios (a lever spanning orders of magnitude: rates, budgets, scales) */
  logarithmic: boolean;
}

export type SearchResult =
  | { ok: true; point: SearchPoint; evaluations: number }
  | { ok: false; reason: 'out_of_range' | 'jump'; below: SearchPoint | null; above: SearchPoint | null; flat: boolean; evaluations: number };

const SECANT_STEPS = 8;
const GRID_POINTS = 16;
const MAX_NARROWING = 300;

/** The grid of phase 1b over [lowest, hi]. */
function gridOf(lowest: number, hi: number, scale: number, logarithmic: boolean): number[] {
  if (!logarithmic) return Array.from({ length: GRID_POINTS }, (_, i) => lowest + ((hi - lowest) * i) / (GRID_POINTS - 1));
  const from = Math.max(lowest, Math.min(scale * 1e-3, hi));
  const grid = Array.from({ length: GRID_POINTS }, (_, i) => from * (hi / from) ** (i / (GRID_POINTS - 1)));
  return lowest < from ? [lowest, ...grid] : grid;
}

export function searchRoot(problem: SearchProblem): SearchResult {
  const { f, target, tolerance, hi, scale } = problem;
  const lowest = problem.lowOpen ? hi * 1e-12 : problem.lo;
  const points: SearchPoint[] = [];
  const clamp = (x: number) => Math.min(hi, Math.max(lowest, x));
  const evaluate = (x: number): SearchPoint => {
    const point = { x, y: f(x) };
    points.push(point);
    return point;
  };
  const hit = (point: SearchPoint) => Math.abs(point.y - target) <= tolerance;
  const done = (point: SearchPoint): SearchResult => ({ ok: true, point, evaluations: points.length });

  // 1a: secant steps from the start
  const x0 = clamp(problem.start ?? scale);
  let a = evaluate(x0);
  if (hit(a)) return done(a);
  const step = 1e-3 * Math.max(Math.abs(x0), scale);
  let b = evaluate(x0 + step <= hi ? x0 + step : clamp(x0 - step));
  if (hit(b)) return done(b);
  for (let i = 0; i < SECANT_STEPS && !bracketOf(points, target, x0) && b.y !== a.y; i++) {
    const reach = 100 * Math.max(Math.abs(b.x), scale);
    const guess = b.x - ((b.y - target) * (b.x - a.x)) / (b.y - a.y);
    const x = clamp(Math.min(b.x + reach, Math.max(b.x - reach, guess)));
    if (!Number.isFinite(x) || points.some((p) => p.x === x)) break;
    [a, b] = [b, evaluate(x)];
    if (hit(b)) return done(b);
  }
  // 1b: a grid over the whole range when the secant found no bracket
  let bracket = bracketOf(points, target, x0);
  if (!bracket) {
    for (const x of gridOf(lowest, hi, scale, problem.logarithmic)) {
      if (points.some((p) => p.x === x)) continue;
      const point = evaluate(x);
      if (hit(point)) return done(point);
    }
    bracket = bracketOf(points, target, x0);
  }
  if (!bracket) return outOfRange(points, target);
  return narrow(bracket, target, evaluate, hit, points);
}

/** Adjacent evaluated points (by x) on both sides of the target, the pair nearest `x0`; null when none. */
function bracketOf(points: readonly SearchPoint[], target: number, x0: number): [SearchPoint, SearchPoint] | null {
  const sorted = [...points].sort((p, q) => p.x - q.x);
  let best: [SearchPoint, SearchPoint] | null = null;
  let bestDistance = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i - 1]!;
    const q = sorted[i]!;
    if (!Number.isFinite(p.y) || !Number.isFinite(q.y) || Math.sign(p.y - target) * Math.sign(q.y - target) >= 0) continue;
    const distance = x0 < p.x ? p.x - x0 : x0 > q.x ? x0 - q.x : 0;
    if (distance < bestDistance) (best = [p, q]), (bestDistance = distance);
  }
  return best;
}

function outOfRange(points: readonly SearchPoint[], target: number): SearchResult {
  let below: SearchPoint | null = null;
  let above: SearchPoint | null = null;
  for (const point of points) {
    if (point.y < target && (!below || point.y > below.y)) below = point;
    if (point.y > target && (!above || point.y < above.y)) above = point;
  }
  const flat = points.every((point) => point.y === points[0]!.y);
  return { ok: false, reason: 'out_of_range', below, above, flat, evaluations: points.length };
}

/** Phase 2: narrows a bracket (low.x < high.x) until a hit, or to adjacent doubles: a jump of f. */
function narrow(bracket: [SearchPoint, SearchPoint], target: number, evaluate: (x: number) => SearchPoint, hit: (point: SearchPoint) => boolean, points: readonly SearchPoint[]): SearchResult {
  let [low, high] = bracket;
  // Illinois: the residuals the interpolation uses, one halved each time its end is kept twice in a row
  let gLow = low.y - target;
  let gHigh = high.y - target;
  let kept: 'low' | 'high' | null = null;
  let widthBefore = [Infinity, Infinity];
  for (let i = 0; i < MAX_NARROWING; i++) {
    const middle = low.x + (high.x - low.x) / 2;
    if (!(middle > low.x && middle < high.x)) break; // no double between the ends
    const width = high.x - low.x;
    const stalled = width > 0.5 * widthBefore[0]!;
    widthBefore = [widthBefore[1]!, width];
    let x: number;
    if (low.x > 0 && high.x / low.x > 8) x = Math.sqrt(low.x * high.x); // across orders of magnitude
    else if (stalled && i >= 2) x = middle;
    else {
      x = low.x + (width * gLow) / (gLow - gHigh);
      if (!(x > low.x && x < high.x)) x = middle;
    }
    const point = evaluate(x);
    if (hit(point)) return { ok: true, point, evaluations: points.length };
    const g = point.y - target;
    if (Number.isNaN(g)) break; // the figure is undefined there (no case left to divide by)
    if (Math.sign(g) === Math.sign(gLow)) {
      low = point;
      gLow = g;
      if (kept === 'high') gHigh /= 2;
      kept = 'high';
    } else {
      high = point;
      gHigh = g;
      if (kept === 'low') gLow /= 2;
      kept = 'low';
    }
  }
  const [below, above] = low.y < target ? [low, high] : [high, low];
  return { ok: false, reason: 'jump', below, above, flat: false, evaluations: points.length };
}
