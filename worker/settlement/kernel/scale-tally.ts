/**
 * A tally reweighted (the next-year projection): each row's cases, and optionally each month's, count
 * `factor` times — no case is drawn anew. The money step then settles it as any tally.
 */
import { CASE_CLASSES, EXCLUDED, UNGROUPED } from '../rules/classes';
import type { DrgResults } from '../result';
import { MONTHS, type PreparedCases } from './prepare';
import { addUngroupedPointsOf, madeOf, tallyStateOrNone, type TalliedRound, type TallyState } from './tallied';
import type { Tally } from './tally';

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
  const state = tallyStateOrNone(tallied);
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
