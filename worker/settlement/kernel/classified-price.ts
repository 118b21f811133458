/**
 * A round priced on its kept classes (classified-cells.ts): the tally of the one pass (pass.ts), bit for bit.
 * Per cell its points from its counts and cost terms (`cellPointsOfTerms`), per row and month the normal
 * cases' points from the prepared month counts (`addCoreMonths`) and the listed cases' points, each by the
 * §3 formula of its group (rules/points.ts) on its cost term. Month points are added in the same fixed-point
 * parts as the one pass (month-points.ts), each sum exact: the results are bit for bit those of classifying
 * every case anew, whatever the order of the additions.
 */
import { CASE_CLASSES, HIGH, LOW, NORMAL, SPECIAL } from '../rules/classes';
import { cellPointsOfTerms, effectiveCoefficient, highPoints, lowPoints, normalPoints, specialPoints } from '../rules/points';
import type { PassRules } from '../rules/round-rules';
import { CORE_HIGH, CORE_LOW, EDGE_HIGH, EDGE_LOW, EDGE_SPECIAL, GROUPS, type Classification } from './classified-cells';
import { highPartOf, lowPartOf } from './month-points';
import { addCoreMonths as addCoreMonthsOf } from './pass';
import { MONTHS, type PreparedCases } from './prepare';
import { recordRowCostsAndMonths, type Tally } from './tally';

/** module-local copies of the constants the loops read; the rule functions are bound to locals on entry (see pass.ts) */
const MONTH_COUNT = MONTHS, CLASS_COUNT = CASE_CLASSES.length;
const addCoreMonths = addCoreMonthsOf, recordCostsAndMonths = recordRowCostsAndMonths;

/**
 * What the last round priced on the kept classes used of its rules: a round with the same DRG and points rules
 * reprices only the rows whose hospital coefficient changed (see `priceClassified`).
 */
interface PricedRules {
  basePoints: Float64Array;
  weight: Float64Array;
  benchmarkCost: Float64Array;
  uniformPrice: Uint8Array;
  highExtraRatio: number;
  highExtraTimesCoef: boolean;
  lowTimesCoef: boolean;
  uniformCoefficient: number;
  hospitalCoefficients: Float64Array;
}

/**
 * Scratch of `priceClassified`, kept by the engine: per cell its normal points' two parts (0 for a cell that is
 * not grouped) and its coefficient; per run the month points' two parts; and what the last round priced, for
 * the next round to keep the rows it does not change.
 */
export interface PriceScratch {
  normalParts: Float64Array;
  cellCoefficient: Float64Array;
  runPointsHigh: Float64Array;
  runPointsLow: Float64Array;
  /** per cell and per row, the points of the last round priced (0 for cells not grouped) */
  cellPoints: Float64Array;
  rowPoints: Float64Array;
  rowWeightSum: Float64Array;
  /** per group of listed cases, where each row's entries start (the lists are in row order): rows + 1 each */
  listRowStart: Int32Array[];
  /** which rows the round reprices */
  rowChanged: Uint8Array;
  /** the rules of the last round priced on the kept classes; null after a `fresh` start until one is */
  priced: PricedRules | null;
}

export function allocatePriceScratch(cases: PreparedCases): PriceScratch {
  const cells = cases.cellDrg.length;
  const rows = cases.rowCellStart.length - 1;
  const runs = rows * MONTHS;
  return {
    normalParts: new Float64Array(2 * cells),
    cellCoefficient: new Float64Array(cells),
    runPointsHigh: new Float64Array(runs),
    runPointsLow: new Float64Array(runs),
    cellPoints: new Float64Array(cells),
    rowPoints: new Float64Array(rows),
    rowWeightSum: new Float64Array(rows),
    listRowStart: Array.from({ length: GROUPS }, () => new Int32Array(rows + 1)),
    rowChanged: new Uint8Array(rows),
    priced: null,
  };
}

function pricedRulesOf(rules: PassRules): PricedRules {
  const { basePoints, weight, benchmarkCost, uniformPrice } = rules.drgs;
  return {
    basePoints: basePoints.slice(),
    weight: weight.slice(),
    benchmarkCost: benchmarkCost.slice(),
    uniformPrice: uniformPrice.slice(),
    ...rules.points,
    uniformCoefficient: rules.uniformCoefficient,
    hospitalCoefficients: rules.hospitalCoefficients.slice(),
  };
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether every rule a row's points read, but its hospital coefficient, is that of the last round priced. */
function samePointRules(priced: PricedRules | null, rules: PassRules): priced is PricedRules {
  if (priced === null) return false;
  const { basePoints, weight, benchmarkCost, uniformPrice } = rules.drgs;
  const { highExtraRatio, highExtraTimesCoef, lowTimesCoef } = rules.points;
  return (
    priced.highExtraRatio === highExtraRatio &&
    priced.highExtraTimesCoef === highExtraTimesCoef &&
    priced.lowTimesCoef === lowTimesCoef &&
    priced.uniformCoefficient === rules.uniformCoefficient &&
    priced.hospitalCoefficients.length === rules.hospitalCoefficients.length &&
    sameValues(priced.basePoints, basePoints) &&
    sameValues(priced.weight, weight) &&
    sameValues(priced.benchmarkCost, benchmarkCost) &&
    sameValues(priced.uniformPrice, uniformPrice)
  );
}

/** Where each row's entries start in each list (the lists are in cell order, so in row order). */
function indexListRows(c: Classification, scratch: PriceScratch): void {
  for (let g = 0; g < GROUPS; g++) {
    const { run, length } = c.priced[g]!;
    const start = scratch.listRowStart[g]!;
    const rows = start.length - 1;
    let e = 0;
    for (let r = 0; r < rows; r++) {
      start[r] = e;
      const end = (r + 1) * MONTH_COUNT;
      while (e < length && run[e]! < end) e++;
    }
    start[rows] = e;
  }
}

/**
 * §3 points of row r's grouped cells from their terms (`cellPointsOfTerms`) to the cell and the row, in cell
 * order (the additions of pass.ts); and each cell's normal points and coefficient for the month table.
 */
function priceRowCells(cases: PreparedCases, rules: PassRules, c: Classification, scratch: PriceScratch, r: number): void {
  const { cellDrg } = cases;
  const { uniformPrice, basePoints, benchmarkCost, weight } = rules.drgs;
  const { normalParts, cellCoefficient, cellPoints } = scratch;
  const { groupedCells, cellAtNormal, cellHighTerm, cellLowTerm, cellSpecialCost, cellCases } = c;
  const pointRules = rules.points;
  const hospitalCoefficient = rules.hospitalCoefficients[r % cases.hospitalCount]!;
  const uniformCoefficient = rules.uniformCoefficient;
  const coefficientOf = effectiveCoefficient, cellPointsOf = cellPointsOfTerms, normalOf = normalPoints, highPart = highPartOf, lowPart = lowPartOf;
  let points = 0, weightSum = 0;
  for (let j = c.rowGroupedStart[r]!; j < c.rowGroupedStart[r + 1]!; j++) {
    const k = groupedCells[j]!;
    const d = cellDrg[k]!;
    const coefficient = coefficientOf(uniformPrice[d]!, uniformCoefficient, hospitalCoefficient);
    const base = basePoints[d]!;
    const normalPointsOfCell = normalOf(base, coefficient);
    const normalHigh = highPart(normalPointsOfCell);
    normalParts[2 * k] = normalHigh;
    normalParts[2 * k + 1] = lowPart(normalPointsOfCell, normalHigh);
    cellCoefficient[k] = coefficient;
    const cellPointsK = cellPointsOf(cellAtNormal[k]!, cellHighTerm[k]!, cellLowTerm[k]!, cellSpecialCost[k]!, base, coefficient, benchmarkCost[d]!, pointRules);
    points += cellPointsK;
    weightSum += cellCases[k]! * weight[d]!;
    cellPoints[k] = cellPointsK;
  }
  scratch.rowPoints[r] = points;
  scratch.rowWeightSum[r] = weightSum;
}

/**
 * Points of the listed cases of group g to their months, in fixed-point parts: core cases as the difference
 * from the normal points already counted for them. Each group's §3 formula (rules/points.ts) on the case's
 * cost term; the group's branch is the same for every case of the loop.
 */
function addListedCases(c: Classification, cases: PreparedCases, rules: PassRules, scratch: PriceScratch, g: number, from: number, to: number): void {
  const { cell, run, costTerm } = c.priced[g]!;
  const basePoints = rules.drgs.basePoints;
  const pointRules = rules.points;
  const { normalParts, cellCoefficient, runPointsHigh, runPointsLow } = scratch;
  const cellDrg = cases.cellDrg;
  const high = g === CORE_HIGH || g === EDGE_HIGH;
  const low = g === CORE_LOW || g === EDGE_LOW;
  const special = g === EDGE_SPECIAL;
  const core = g === CORE_HIGH || g === CORE_LOW ? 1 : 0;
  const highOf = highPoints, lowOf = lowPoints, specialOf = specialPoints, normalOf = normalPoints, highPart = highPartOf, lowPart = lowPartOf;
  for (let e = from; e < to; e++) {
    const k = cell[e]!;
    const base = basePoints[cellDrg[k]!]!;
    const coefficient = cellCoefficient[k]!;
    const term = costTerm[e]!;
    // an edge case that is none of these is at the normal points
    const points = high ? highOf(base, coefficient, term, pointRules) : low ? lowOf(base, coefficient, term, pointRules) : special ? specialOf(base, term) : normalOf(base, coefficient);
    const pointsHigh = highPart(points);
    const at = run[e]!;
    runPointsHigh[at]! += pointsHigh - core * normalParts[2 * k]!;
    runPointsLow[at]! += lowPart(points, pointsHigh) - core * normalParts[2 * k + 1]!;
  }
}

/** The listed cases' points to their months, group by group (no loop tests a case's class): all, or row r's. */
function addPricedCases(cases: PreparedCases, rules: PassRules, c: Classification, scratch: PriceScratch, r = -1): void {
  for (let g = 0; g < GROUPS; g++) {
    const from = r < 0 ? 0 : scratch.listRowStart[g]![r]!;
    const to = r < 0 ? c.priced[g]!.length : scratch.listRowStart[g]![r + 1]!;
    addListedCases(c, cases, rules, scratch, g, from, to);
  }
}

/** Row r's record: its class counts and costs from the kept classes, its points and month table from the scratch. */
function recordClassifiedRow(cases: PreparedCases, c: Classification, scratch: PriceScratch, tally: Tally, r: number): void {
  const counts = r * CLASS_COUNT;
  tally.points[r] = scratch.rowPoints[r]!;
  tally.weightSum[r] = scratch.rowWeightSum[r]!;
  for (let j = 0; j < CLASS_COUNT; j++) tally.caseCounts[counts + j] = c.rowCounts[counts + j]!;
  tally.deductionFen[r] = c.rowDeductionFen[r]!;
  const grouped = c.rowCounts[counts + NORMAL]! + c.rowCounts[counts + HIGH]! + c.rowCounts[counts + LOW]! + c.rowCounts[counts + SPECIAL]!;
  recordCostsAndMonths(tally, cases, r, grouped, c.rowGroupedCostFen[r]!, c.rowUngroupedCostFen[r]!, c.rowExcludedCostFen[r]!, scratch.runPointsHigh, scratch.runPointsLow, c.runExcludedPatientPayFen, c.runUngroupedCostFen, r * MONTH_COUNT);
}

/** The cells' points to their DRGs, row after row and cell after cell (the order of pass.ts's additions). */
function addDrgPoints(cases: PreparedCases, c: Classification, scratch: PriceScratch, tally: Tally): void {
  const { cellDrg, hospitalCount, drgCount } = cases;
  const { groupedCells, rowGroupedStart } = c;
  const { cellPoints } = scratch;
  const drgPoints = tally.drgs.points;
  const rows = rowGroupedStart.length - 1;
  for (let r = 0; r < rows; r++) {
    const drgOffset = Math.floor(r / hospitalCount) * drgCount;
    for (let j = rowGroupedStart[r]!; j < rowGroupedStart[r + 1]!; j++) {
      const k = groupedCells[j]!;
      drgPoints[drgOffset + cellDrg[k]!]! += cellPoints[k]!;
    }
  }
}

/**
 * A round priced on its classification: the tally of the one pass (pass.ts), bit for bit. `fresh`: the
 * classification is new, or the one pass used the scratch since — every row is priced, and the points of cells
 * that are not grouped in this classification are set to 0 again. Otherwise, when the round's DRG and points
 * rules are those of the last round priced (a coefficient, rate, budget or money-rule edit), only the rows
 * whose hospital coefficient changed are priced again: the others' cell, row and month points are the
 * scratch's, computed from the same rules — the same values — and every sum over rows is taken again in
 * its order. Returns the number of rows priced.
 */
export function priceClassified(cases: PreparedCases, rules: PassRules, c: Classification, tally: Tally, scratch: PriceScratch, fresh: boolean): number {
  const { rowCellStart, hospitalCount } = cases;
  const rows = rowCellStart.length - 1;
  const { rowChanged } = scratch;
  const previous = fresh ? null : scratch.priced;
  if (samePointRules(previous, rules)) {
    for (let r = 0; r < rows; r++) {
      const h = r % hospitalCount;
      rowChanged[r] = previous.hospitalCoefficients[h] !== rules.hospitalCoefficients[h] ? 1 : 0;
    }
    previous.hospitalCoefficients.set(rules.hospitalCoefficients);
  } else {
    rowChanged.fill(1);
    if (fresh) {
      scratch.normalParts.fill(0);
      scratch.cellPoints.fill(0);
      indexListRows(c, scratch);
    }
    scratch.priced = pricedRulesOf(rules);
  }
  tally.cells.cases.set(c.cellCases);
  tally.cells.totalCost.set(c.cellTotalCost);
  tally.drgs.cases.set(c.drgCases);
  tally.drgs.totalCost.set(c.drgTotalCost);
  let priced = 0;
  for (let r = 0; r < rows; r++) {
    if (rowCellStart[r] === rowCellStart[r + 1] || rowChanged[r] === 0) continue;
    priced++;
    scratch.runPointsHigh.fill(0, r * MONTH_COUNT, (r + 1) * MONTH_COUNT);
    scratch.runPointsLow.fill(0, r * MONTH_COUNT, (r + 1) * MONTH_COUNT);
    priceRowCells(cases, rules, c, scratch, r);
    addCoreMonths(cases, scratch.normalParts, r, scratch.runPointsHigh, scratch.runPointsLow, r * MONTH_COUNT);
    addPricedCases(cases, rules, c, scratch, r);
  }
  tally.cells.points.set(scratch.cellPoints);
  addDrgPoints(cases, c, scratch, tally);
  for (let r = 0; r < rows; r++) if (rowCellStart[r] !== rowCellStart[r + 1]) recordClassifiedRow(cases, c, scratch, tally, r);
  return priced;
}
