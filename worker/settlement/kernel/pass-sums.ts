/**
 * What the one pass (pass.ts) sums while it reads a row's cells: the cell's counts and cost sums
 * (`CellSums`) and the row's (`RowSums`), then the row's record into the tally.
 */
import { CASE_CLASSES, EXCLUDED, HIGH, LOW, NORMAL, SPECIAL, UNGROUPED } from '../rules/classes';
import { MONTHS, type PreparedCases } from './prepare';
import { recordRowCostsAndMonths, type Tally } from './tally';

/** module-local copies of what is read per row (under tsx and vitest an imported binding is a getter call) */
const CLASS_COUNT = CASE_CLASSES.length;
const NORMAL_CLASS = NORMAL, HIGH_CLASS = HIGH, LOW_CLASS = LOW, SPECIAL_CLASS = SPECIAL, UNGROUPED_CLASS = UNGROUPED, EXCLUDED_CLASS = EXCLUDED;

/**
 * Sums of one cell (hospital × pool × DRG) as the pass keeps them: counts and exact cost sums in whole fen.
 * `cases` counts the grouped paid cases: normal + high + low + special.
 */
export class CellSums {
  cases = 0;
  costFen = 0;
  high = 0;
  highCostFen = 0;
  low = 0;
  lowCostFen = 0;
  special = 0;
  specialCostFen = 0;
  excluded = 0;
  excludedCostFen = 0;

  reset(): void {
    this.cases = this.costFen = this.high = this.highCostFen = this.low = this.lowCostFen = 0;
    this.special = this.specialCostFen = this.excluded = this.excludedCostFen = 0;
  }
}

/**
 * Sums of the row (hospital × pool) being passed. Month points are kept in two fixed-point parts, each sum
 * exact (pass.ts); the patient pay of excluded cases and the cost of ungrouped cases in whole fen.
 */
export class RowSums {
  normal = 0;
  high = 0;
  low = 0;
  special = 0;
  ungrouped = 0;
  excluded = 0;
  points = 0;
  weightSum = 0;
  groupedCostFen = 0;
  ungroupedCostFen = 0;
  excludedCostFen = 0;
  readonly monthPointsHigh = new Float64Array(MONTHS);
  readonly monthPointsLow = new Float64Array(MONTHS);
  readonly monthExcludedPatientPayFen = new Float64Array(MONTHS);
  readonly monthUngroupedCostFen = new Float64Array(MONTHS);

  /** A row's grouped cells done (pass.ts): their class counts, points, CMI weight and costs. */
  addGrouped(normal: number, high: number, low: number, special: number, points: number, weightSum: number, groupedCostFen: number, excluded: number, excludedCostFen: number): void {
    this.normal += normal;
    this.high += high;
    this.low += low;
    this.special += special;
    this.points += points;
    this.weightSum += weightSum;
    this.groupedCostFen += groupedCostFen;
    this.excluded += excluded;
    this.excludedCostFen += excludedCostFen;
  }

  reset(): void {
    this.normal = this.high = this.low = this.special = this.ungrouped = this.excluded = 0;
    this.points = this.weightSum = this.groupedCostFen = this.ungroupedCostFen = this.excludedCostFen = 0;
    this.monthPointsHigh.fill(0);
    this.monthPointsLow.fill(0);
    this.monthExcludedPatientPayFen.fill(0);
    this.monthUngroupedCostFen.fill(0);
  }
}

/** An ungrouped or 床日 cell done: its counts and costs to the row's sums. */
export function recordOtherCell(sums: CellSums, rowSums: RowSums): void {
  rowSums.excluded += sums.excluded;
  rowSums.excludedCostFen += sums.excludedCostFen;
  rowSums.ungrouped += sums.cases;
  rowSums.ungroupedCostFen += sums.costFen;
}

/** A row passed (pass.ts): its sums and its month table. */
export function recordRow(tally: Tally, cases: PreparedCases, row: number, rowSums: RowSums): void {
  const counts = row * CLASS_COUNT;
  tally.caseCounts[counts + NORMAL_CLASS] = rowSums.normal;
  tally.caseCounts[counts + HIGH_CLASS] = rowSums.high;
  tally.caseCounts[counts + LOW_CLASS] = rowSums.low;
  tally.caseCounts[counts + SPECIAL_CLASS] = rowSums.special;
  tally.caseCounts[counts + UNGROUPED_CLASS] = rowSums.ungrouped;
  tally.caseCounts[counts + EXCLUDED_CLASS] = rowSums.excluded;
  tally.points[row] = rowSums.points;
  tally.weightSum[row] = rowSums.weightSum;
  const grouped = rowSums.normal + rowSums.high + rowSums.low + rowSums.special;
  recordRowCostsAndMonths(tally, cases, row, grouped, rowSums.groupedCostFen, rowSums.ungroupedCostFen, rowSums.excludedCostFen, rowSums.monthPointsHigh, rowSums.monthPointsLow, rowSums.monthExcludedPatientPayFen, rowSums.monthUngroupedCostFen, 0);
}

