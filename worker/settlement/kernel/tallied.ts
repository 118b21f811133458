/**
 * A round's tally as a value (the seam between the kernel and the money step): `engine.tally(params)` passes
 * the cases once, and `engine.settleTally(tallied, params)` runs the money step on it as often as wanted —
 * with other budgets, rates or clearing rules (money/money-keys.ts), or on a tally whose rows are scaled
 * (scale-tally.ts, the next-year projection). A tally is never written once made: every money step gets its
 * own copies of what it writes or returns (`moneyViewOf`), so a result may be transferred from a worker.
 */
import type { DrgResults } from '../result';
import type { ResolvedRound, RoundParams } from '../round';
import { ungroupedPointsPerYuan } from '../rules/points';
import type { PreparedCases } from './prepare';
import { addUngroupedPoints, cityAverageCost, type Tally } from './tally';

/** a round's cases passed and tallied: what the money step reads (opaque to callers: see the engine's `tally`) */
export interface TalliedRound {
  /** the round the cases were passed for */
  readonly params: RoundParams;
}

/** What a TalliedRound holds. */
export interface TallyState {
  /** the prepared cases it was tallied from: only their engine may settle it */
  cases: PreparedCases;
  round: ResolvedRound;
  /** the tally with the ungrouped points added: never written */
  tally: Tally;
  /** points per row and per run before the ungrouped points (for `scaleTally`) */
  groupedPoints: Float64Array;
  groupedMonthPoints: Float64Array;
}

/** where a TalliedRound keeps its state: a key no caller has, so the state stays opaque */
const TALLY_STATE = Symbol('tally state');

interface TalliedRoundWithState extends TalliedRound {
  readonly [TALLY_STATE]: TallyState;
}

/** The state of a TalliedRound, or undefined for any other value. */
export function tallyStateOrNone(tallied: TalliedRound): TallyState | undefined {
  return (tallied as Partial<TalliedRoundWithState>)[TALLY_STATE];
}

/**
 * A tally finished by the pass (`finishTally`) made a TalliedRound: its ungrouped points are added here (§3,
 * from the pool's city_avg_cost), after the grouped points are kept apart for `scaleTally`.
 */
export function talliedRoundOf(params: RoundParams, round: ResolvedRound, cases: PreparedCases, tally: Tally): TalliedRound {
  const groupedPoints = tally.points.slice();
  const groupedMonthPoints = tally.monthPoints.slice();
  addUngroupedPointsOf(round, tally);
  return madeOf(params, { cases, round, tally, groupedPoints, groupedMonthPoints });
}

/** A TalliedRound of `state` (for `scaleTally`). */
export function madeOf(params: RoundParams, state: TallyState): TalliedRound {
  const tallied: TalliedRoundWithState = { params: structuredClone(params), [TALLY_STATE]: state };
  return Object.freeze(tallied);
}

/** §3 ungrouped points per yuan of each pool (from its city_avg_cost) added to the rows and months. */
export function addUngroupedPointsOf(round: ResolvedRound, tally: Tally): void {
  const pointsPerYuan = new Float64Array(tally.poolCount);
  for (let p = 0; p < tally.poolCount; p++) pointsPerYuan[p] = ungroupedPointsPerYuan(round, cityAverageCost(tally, p));
  addUngroupedPoints(tally, pointsPerYuan);
}

/** The state of a tally made by an engine of `cases`; throws for any other value. */
export function tallyStateOf(tallied: TalliedRound, cases: PreparedCases): TallyState {
  const state = tallyStateOrNone(tallied);
  if (state === undefined) throw new Error('不是本引擎生成的计数结果 / not a tally made by engine.tally()');
  if (state.cases !== cases) throw new Error('计数结果来自另一数据集的引擎 / the tally was made by an engine of another data set');
  return state;
}

function copiedDrgResults(results: DrgResults): DrgResults {
  return { cases: results.cases.slice(), points: results.points.slice(), totalCost: results.totalCost.slice(), revenue: new Float64Array(results.revenue.length) };
}

/**
 * The tally as one money step may use it: the arrays the step writes (revenue) or returns (row counts,
 * points, CMI, DRGs; the cells when `cells`) are its own; the rest is the tally's, only read.
 * `cellRevenue`, when the cells are not returned, is scratch the step may write.
 */
export function moneyViewOf(tally: Tally, cells: boolean, cellRevenue: Float64Array): Tally {
  return {
    ...tally,
    hasCases: tally.hasCases.slice(),
    caseCounts: tally.caseCounts.slice(),
    points: tally.points.slice(),
    weightSum: tally.weightSum.slice(),
    cmi: tally.cmi.slice(),
    drgs: copiedDrgResults(tally.drgs),
    cells: cells ? copiedDrgResults(tally.cells) : { ...tally.cells, revenue: cellRevenue },
  };
}

