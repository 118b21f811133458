/**
 * A round's tally as a value (the seam between the pass and the money step): `engine.tally(params)` passes the
 * cases once, and `engine.settleTally(tallied, params)` runs the money step on it as often as wanted — with
 * other budgets, rates or clearing rules (`MONEY_ONLY_KEYS`), or on a tally whose rows are scaled
 * (`scaleTally`, the next-year projection). A tally is never written once made: every money step gets its own
 * copies of what it writes or returns (`moneyViewOf`), so a result may be transferred from a worker.
 */
import { MONTHS, type PreparedCases } from './prepare';
import { ungroupedPointsPerYuan } from './points';
import type { DrgResults } from './result';
import { resolveRound, type ResolvedRound, type RoundParams } from './round';
import { addUngroupedPoints, cityAverageCost, type Tally } from './tally';
import { CASE_CLASSES, EXCLUDED, UNGROUPED } from './classify';

/** a round's cases passed and tallied: what the money step reads (opaque to callers: see the engine's `tally`) */
export interface TalliedRound {
  /** the round the cases were passed for */
  readonly params: RoundParams;
}

/**
 * The §6 keys that the money step alone reads (SETTLEMENT.md §4): a change of only these needs no new pass.
 * Every other key is read by the pass — classes (§2), points (§3), or the ungrouped points that follow
 * from the tally (`base_points`, `ungrouped_ratio`; `base_points` is also the rate's divisor in 费率法).
 */
export const MONEY_ONLY_KEYS: readonly (keyof RoundParams)[] = Object.freeze([
  'method',
  'point_value_basis',
  'budget',
  'rate',
  'rate_by_level',
  'monthly_point_value',
  'prepay_ratio',
  'reserve_ratio',
  'sharing_bands',
  'surplus_cap',
  'eval_bands',
  'evaluation_scores',
] as const);

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

const states = new WeakMap<TalliedRound, TallyState>();

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

function madeOf(params: RoundParams, state: TallyState): TalliedRound {
  const tallied: TalliedRound = Object.freeze({ params: structuredClone(params) });
  states.set(tallied, state);
  return tallied;
}

/** §3 ungrouped points per yuan of each pool (from its city_avg_cost) added to the rows and months. */
export function addUngroupedPointsOf(round: ResolvedRound, tally: Tally): void {
  const pointsPerYuan = new Float64Array(tally.poolCount);
  for (let p = 0; p < tally.poolCount; p++) pointsPerYuan[p] = ungroupedPointsPerYuan(round, cityAverageCost(tally, p));
  addUngroupedPoints(tally, pointsPerYuan);
}

/** The state of a tally made by an engine of `cases`; throws for any other value. */
export function tallyStateOf(tallied: TalliedRound, cases: PreparedCases): TallyState {
  const state = states.get(tallied);
  if (state === undefined) throw new Error('不是本引擎生成的计数结果 / not a tally made by engine.tally()');
  if (state.cases !== cases) throw new Error('计数结果来自另一数据集的引擎 / the tally was made by an engine of another data set');
  return state;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(recordB, key) && sameValue(recordA[key], recordB[key]));
}

/** The keys (outside MONEY_ONLY_KEYS) whose effective values differ between two rounds. */
export function passKeysChanged(tallied: ResolvedRound, round: ResolvedRound): string[] {
  const moneyOnly = new Set<string>(MONEY_ONLY_KEYS);
  return Object.keys(round).filter((key) => !moneyOnly.has(key) && !sameValue(tallied[key as keyof ResolvedRound], round[key as keyof ResolvedRound]));
}

/** The resolved `params`, checked to differ from the tallied round's only in MONEY_ONLY_KEYS (throws otherwise). */
export function moneyRoundOf(state: TallyState, params: RoundParams): ResolvedRound {
  const round = resolveRound(params);
  const changed = passKeysChanged(state.round, round);
  if (changed.length > 0) {
    const keys = changed.join(', ');
    throw new Error(`参数 ${keys} 影响病例分类或点数，需重新计数（engine.tally） / ${keys} change the pass: tally the round again (engine.tally)`);
  }
  return round;
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

const CLASS_COUNT = CASE_CLASSES.length;

function checkedFactors(name: string, factors: Float64Array, length: number): void {
  if (factors.length !== length) throw new Error(`${name} 长度应为 ${length}，实为 ${factors.length} / ${name} must have ${length} entries, not ${factors.length}`);
  for (const factor of factors) {
    if (!(Number.isFinite(factor) && factor >= 0)) throw new Error(`${name} 须为非负有限数 / ${name} must hold finite numbers ≥ 0, not ${factor}`);
  }
}

/**
 * A row's annual factor under a month profile: its month factors weighted by its grouped month points
 * (the plain mean of the month factors for a row without points).
 */
function annualFactorOf(groupedMonthPoints: Float64Array, row: number, monthFactor: Float64Array): number {
  let weighted = 0;
  let points = 0;
  let plain = 0;
  for (let t = 0; t < MONTHS; t++) {
    weighted += groupedMonthPoints[row * MONTHS + t]! * monthFactor[t]!;
    points += groupedMonthPoints[row * MONTHS + t]!;
    plain += monthFactor[t]!;
  }
  return points > 0 ? weighted / points : plain / MONTHS;
}

function scaledRows(tally: Tally, state: TallyState, rowFactor: Float64Array, monthFactor: Float64Array | undefined): { tally: Tally; annual: Float64Array } {
  const rows = tally.poolCount * tally.hospitalCount;
  const annual = monthFactor ? Float64Array.from({ length: rows }, (_, row) => rowFactor[row]! * annualFactorOf(state.groupedMonthPoints, row, monthFactor)) : rowFactor;
  const perRow = (values: Float64Array) => values.map((value, row) => value * annual[row]!);
  const perRun = (values: Float64Array) => values.map((value, run) => value * (monthFactor ? rowFactor[Math.floor(run / MONTHS)]! * monthFactor[run % MONTHS]! : rowFactor[Math.floor(run / MONTHS)]!));
  const monthPatientPayFen = perRun(tally.monthPatientPayFen);
  const monthUngroupedCostFen = perRun(tally.monthUngroupedCostFen);
  const ofMonths = (values: Float64Array) => Float64Array.from({ length: rows }, (_, row) => {
    let sum = 0;
    for (let t = 0; t < MONTHS; t++) sum += values[row * MONTHS + t]!;
    return sum;
  });
  // with a month profile the months give the patient pay and the ungrouped cost of each row exactly
  const patientPayFen = monthFactor ? ofMonths(monthPatientPayFen) : perRow(tally.patientPayFen);
  const ungroupedCostFen = monthFactor ? ofMonths(monthUngroupedCostFen) : perRow(tally.ungroupedCostFen);
  const groupedCostFen = tally.totalCostFen.map((fen, row) => (fen - tally.ungroupedCostFen[row]!) * annual[row]!);
  const scaled: Tally = {
    ...tally,
    hasCases: tally.hasCases.slice(),
    caseCounts: tally.caseCounts.map((count, at) => Math.round(count * annual[Math.floor(at / CLASS_COUNT)]!)),
    points: perRow(state.groupedPoints),
    weightSum: perRow(tally.weightSum),
    cmi: tally.cmi.slice(),
    totalCostFen: groupedCostFen.map((fen, row) => fen + ungroupedCostFen[row]!),
    patientPayFen,
    deductionFen: perRow(tally.deductionFen),
    excludedCostFen: perRow(tally.excludedCostFen),
    ungroupedCostFen,
    groupedCases: new Float64Array(tally.poolCount),
    groupedCostFen: new Float64Array(tally.poolCount),
    monthPoints: perRun(state.groupedMonthPoints),
    monthPatientPayFen,
    monthUngroupedCostFen,
  };
  for (let row = 0; row < rows; row++) {
    const counts = row * CLASS_COUNT;
    let grouped = 0;
    for (let k = 0; k < CLASS_COUNT; k++) if (k !== UNGROUPED && k !== EXCLUDED) grouped += tally.caseCounts[counts + k]!;
    const pool = Math.floor(row / tally.hospitalCount);
    scaled.groupedCases[pool]! += grouped * annual[row]!;
    scaled.groupedCostFen[pool]! += groupedCostFen[row]!;
  }
  return { tally: scaled, annual };
}

/** Cells scaled by their row's annual factor, and the DRGs summed again from them (row, then cell order). */
function scaledCells(tally: Tally, cases: PreparedCases, annual: Float64Array): { cells: DrgResults; drgs: DrgResults } {
  const { rowCellStart, cellDrg } = cases;
  const cells: DrgResults = { cases: tally.cells.cases.slice(), points: tally.cells.points.slice(), totalCost: tally.cells.totalCost.slice(), revenue: new Float64Array(tally.cells.revenue.length) };
  const size = tally.drgs.cases.length;
  const drgs: DrgResults = { cases: new Float64Array(size), points: new Float64Array(size), totalCost: new Float64Array(size), revenue: new Float64Array(size) };
  for (let row = 0; row < tally.poolCount * tally.hospitalCount; row++) {
    const factor = annual[row]!;
    const offset = Math.floor(row / tally.hospitalCount) * tally.drgCount;
    for (let k = rowCellStart[row]!; k < rowCellStart[row + 1]!; k++) {
      const d = cellDrg[k]!;
      if (d >= tally.drgCount || cells.cases[k] === 0) continue;
      cells.cases[k]! *= factor;
      cells.points[k]! *= factor;
      cells.totalCost[k]! *= factor;
      drgs.cases[offset + d]! += cells.cases[k]!;
      drgs.points[offset + d]! += cells.points[k]!;
      drgs.totalCost[offset + d]! += cells.totalCost[k]!;
    }
  }
  return { cells, drgs };
}

/**
 * The tally with each row's (pool × H + hospital) cases reweighted by `rowFactor[row]` and, when given, each
 * month's by `monthFactor[month − 1]`: points, case counts, costs, patient pay and deductions scale with
 * them (a row's annual figures by its month factors weighted by its points; its patient pay and ungrouped
 * cost month by month); CMI is kept, and the ungrouped points follow the pools' new city_avg_cost (§3).
 * Case counts are rounded to whole cases for the report. With every factor 1 the money step gives the
 * tally's own settlement, bit for bit. A new tally: `tallied` is left as it is.
 */
export function scaleTally(tallied: TalliedRound, rowFactor: Float64Array, monthFactor?: Float64Array): TalliedRound {
  const state = states.get(tallied);
  if (state === undefined) throw new Error('不是本引擎生成的计数结果 / not a tally made by engine.tally()');
  const { tally } = state;
  checkedFactors('rowFactor', rowFactor, tally.poolCount * tally.hospitalCount);
  if (monthFactor) checkedFactors('monthFactor', monthFactor, MONTHS);
  const { tally: scaled, annual } = scaledRows(tally, state, rowFactor, monthFactor);
  const { cells, drgs } = scaledCells(tally, state.cases, annual);
  scaled.cells = cells;
  scaled.drgs = drgs;
  const groupedPoints = scaled.points.slice();
  const groupedMonthPoints = scaled.monthPoints.slice();
  addUngroupedPointsOf(state.round, scaled);
  return madeOf(tallied.params, { cases: state.cases, round: state.round, tally: scaled, groupedPoints, groupedMonthPoints });
}
