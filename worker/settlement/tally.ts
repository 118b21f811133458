/**
 * Points, costs and counts before any money (SETTLEMENT.md §3, CMI): what the pass records per hospital ×
 * pool ("row"), per month, per DRG and per hospital × DRG cell. Work here is per cell and per row, never per
 * case, and every sum runs in a fixed order (row, then DRG), so no figure depends on the order of the cases.
 */
import { CASE_CLASSES, EXCLUDED, HIGH, LOW, NORMAL, SPECIAL, UNGROUPED, type DrgRules } from './classify';
import {
  CELL_CASES,
  CELL_COST,
  CELL_EXCLUDED,
  CELL_EXCLUDED_COST,
  CELL_HIGH,
  CELL_LOW,
  CELL_SPECIAL,
  cellPoints,
  type PointRules,
} from './points';
import { MONTHS, type PreparedCases } from './prepare';
import type { DrgResults } from './result';

const CLASS_COUNT = CASE_CLASSES.length;

export interface Tally {
  hospitalCount: number;
  drgCount: number;
  poolCount: number;
  /** per row (pool × H + hospital) */
  hasCases: Uint8Array;
  caseCounts: Int32Array;
  /** grouped points; `addUngroupedPoints` adds the ungrouped ones */
  points: Float64Array;
  weightSum: Float64Array;
  cmi: Float64Array;
  /** whole fen, paid cases (total cost includes ungrouped cases) */
  totalCostFen: Float64Array;
  patientPayFen: Float64Array;
  deductionFen: Float64Array;
  excludedCostFen: Float64Array;
  ungroupedCostFen: Float64Array;
  /** per pool: grouped paid cases and their cost (fen), for city_avg_cost */
  groupedCases: Float64Array;
  groupedCostFen: Float64Array;
  /** per run (row × 12 + month − 1) */
  monthPoints: Float64Array;
  monthPatientPayFen: Float64Array;
  monthUngroupedCostFen: Float64Array;
  /** per pool × D + drg */
  drgs: DrgResults;
  /** per cell of `PreparedCases.cellDrg`: grouped paid cases only */
  cells: DrgResults;
}

function allocateDrgResults(size: number): DrgResults {
  return { cases: new Float64Array(size), points: new Float64Array(size), revenue: new Float64Array(size), totalCost: new Float64Array(size) };
}

export function allocateTally(cases: PreparedCases, poolCount: number): Tally {
  const rows = poolCount * cases.hospitalCount;
  const perRow = () => new Float64Array(rows);
  const perRun = () => new Float64Array(rows * MONTHS);
  return {
    hospitalCount: cases.hospitalCount,
    drgCount: cases.drgCount,
    poolCount,
    hasCases: new Uint8Array(rows),
    caseCounts: new Int32Array(rows * CLASS_COUNT),
    points: perRow(),
    weightSum: perRow(),
    cmi: perRow(),
    totalCostFen: perRow(),
    patientPayFen: perRow(),
    deductionFen: perRow(),
    excludedCostFen: perRow(),
    ungroupedCostFen: perRow(),
    groupedCases: new Float64Array(poolCount),
    groupedCostFen: new Float64Array(poolCount),
    monthPoints: perRun(),
    monthPatientPayFen: perRun(),
    monthUngroupedCostFen: perRun(),
    drgs: allocateDrgResults(poolCount * cases.drgCount),
    cells: allocateDrgResults(cases.cellDrg.length),
  };
}

/** Month table of the row being passed: points in two fixed-point parts, and in fen the patient pay of
 * excluded cases and the cost of ungrouped cases. */
export const RM_POINTS_HIGH = 0;
export const RM_POINTS_LOW = MONTHS;
export const RM_EXCLUDED_PATIENT_PAY = 2 * MONTHS;
export const RM_UNGROUPED_COST = 3 * MONTHS;
export const ROW_MONTH_FIELDS = 4 * MONTHS;

/** Sums of the row being passed, at these offsets of a small Float64Array. */
export const ROW_NORMAL = 0;
export const ROW_HIGH = 1;
export const ROW_LOW = 2;
export const ROW_SPECIAL = 3;
export const ROW_UNGROUPED = 4;
export const ROW_EXCLUDED = 5;
export const ROW_POINTS = 6;
export const ROW_WEIGHT_SUM = 7;
export const ROW_GROUPED_COST = 8;
export const ROW_UNGROUPED_COST = 9;
export const ROW_EXCLUDED_COST = 10;
export const ROW_FIELDS = 11;

/** Tables of the round the recording needs. */
export interface TallyRules {
  drgs: DrgRules;
  points: PointRules;
}

/**
 * A grouped cell done: its points (§3 from counts and exact cost sums) to the cell, its DRG and its row's sums;
 * class counts, CMI weight and cost to the row's sums.
 */
export function recordGroupedCell(tally: Tally, rules: TallyRules, row: number, k: number, d: number, coefficient: number, sums: Float64Array, rowSums: Float64Array): void {
  rowSums[ROW_EXCLUDED]! += sums[CELL_EXCLUDED]!;
  rowSums[ROW_EXCLUDED_COST]! += sums[CELL_EXCLUDED_COST]!;
  const cases = sums[CELL_CASES]!;
  if (cases === 0) return;
  const drgs = rules.drgs;
  const points = cellPoints(sums, drgs.basePoints[d]!, coefficient, drgs.benchmarkCost[d]!, drgs.highMultiple[d]!, rules.points);
  const costFen = sums[CELL_COST]!;
  rowSums[ROW_NORMAL]! += cases - sums[CELL_HIGH]! - sums[CELL_LOW]! - sums[CELL_SPECIAL]!;
  rowSums[ROW_HIGH]! += sums[CELL_HIGH]!;
  rowSums[ROW_LOW]! += sums[CELL_LOW]!;
  rowSums[ROW_SPECIAL]! += sums[CELL_SPECIAL]!;
  rowSums[ROW_POINTS]! += points;
  rowSums[ROW_WEIGHT_SUM]! += cases * drgs.weight[d]!;
  rowSums[ROW_GROUPED_COST]! += costFen;
  tally.cells.cases[k] = cases;
  tally.cells.points[k] = points;
  tally.cells.totalCost[k] = costFen / 100;
  const pd = Math.floor(row / tally.hospitalCount) * tally.drgCount + d;
  tally.drgs.cases[pd]! += cases;
  tally.drgs.points[pd]! += points;
  tally.drgs.totalCost[pd]! += costFen / 100;
}

/** An ungrouped or 床日 cell done: its counts and costs to the row's sums. */
export function recordOtherCell(sums: Float64Array, rowSums: Float64Array): void {
  rowSums[ROW_EXCLUDED]! += sums[CELL_EXCLUDED]!;
  rowSums[ROW_EXCLUDED_COST]! += sums[CELL_EXCLUDED_COST]!;
  rowSums[ROW_UNGROUPED]! += sums[CELL_CASES]!;
  rowSums[ROW_UNGROUPED_COST]! += sums[CELL_COST]!;
}

/**
 * A row done: its sums and its month table. Patient pay of paid cases = Σ of all the month's cases
 * (prepared once) − Σ of those the round excludes.
 */
export function recordRow(tally: Tally, cases: PreparedCases, row: number, rowSums: Float64Array, rowMonths: Float64Array): void {
  const counts = row * CLASS_COUNT;
  tally.caseCounts[counts + NORMAL] = rowSums[ROW_NORMAL]!;
  tally.caseCounts[counts + HIGH] = rowSums[ROW_HIGH]!;
  tally.caseCounts[counts + LOW] = rowSums[ROW_LOW]!;
  tally.caseCounts[counts + SPECIAL] = rowSums[ROW_SPECIAL]!;
  tally.caseCounts[counts + UNGROUPED] = rowSums[ROW_UNGROUPED]!;
  tally.caseCounts[counts + EXCLUDED] = rowSums[ROW_EXCLUDED]!;
  tally.points[row] = rowSums[ROW_POINTS]!;
  tally.weightSum[row] = rowSums[ROW_WEIGHT_SUM]!;
  tally.totalCostFen[row] = rowSums[ROW_GROUPED_COST]! + rowSums[ROW_UNGROUPED_COST]!;
  tally.ungroupedCostFen[row] = rowSums[ROW_UNGROUPED_COST]!;
  tally.excludedCostFen[row] = rowSums[ROW_EXCLUDED_COST]!;
  const pool = Math.floor(row / tally.hospitalCount);
  tally.groupedCases[pool]! += rowSums[ROW_NORMAL]! + rowSums[ROW_HIGH]! + rowSums[ROW_LOW]! + rowSums[ROW_SPECIAL]!;
  tally.groupedCostFen[pool]! += rowSums[ROW_GROUPED_COST]!;
  let patientPay = 0;
  for (let t = 0; t < MONTHS; t++) {
    const run = row * MONTHS + t;
    tally.monthPoints[run] = rowMonths[RM_POINTS_HIGH + t]! + rowMonths[RM_POINTS_LOW + t]!;
    const paid = cases.runPatientPayFen[run]! - rowMonths[RM_EXCLUDED_PATIENT_PAY + t]!;
    tally.monthPatientPayFen[run] = paid;
    tally.monthUngroupedCostFen[run] = rowMonths[RM_UNGROUPED_COST + t]!;
    patientPay += paid;
  }
  tally.patientPayFen[row] = patientPay;
}

/** After the pass: which rows are reported, and CMI (§3: Σ RW of grouped cases ÷ their count). */
export function finishTally(tally: Tally): void {
  for (let row = 0; row < tally.poolCount * tally.hospitalCount; row++) {
    const counts = row * CLASS_COUNT;
    let all = 0;
    for (let k = 0; k < CLASS_COUNT; k++) all += tally.caseCounts[counts + k]!;
    const grouped = all - tally.caseCounts[counts + UNGROUPED]! - tally.caseCounts[counts + EXCLUDED]!;
    tally.hasCases[row] = all > 0 ? 1 : 0;
    tally.cmi[row] = grouped > 0 ? tally.weightSum[row]! / grouped : 0;
  }
}

/** §3 city_avg_cost of a pool: mean total cost of its grouped, non-excluded cases (0 when there are none). */
export function cityAverageCost(tally: Tally, pool: number): number {
  const cases = tally.groupedCases[pool]!;
  return cases > 0 ? tally.groupedCostFen[pool]! / 100 / cases : 0;
}

/** §3 ungrouped points (cost × points per yuan of the pool) added to rows and months. */
export function addUngroupedPoints(tally: Tally, pointsPerYuan: Float64Array): void {
  for (let pool = 0; pool < tally.poolCount; pool++) {
    const factor = pointsPerYuan[pool]!;
    for (let h = 0; h < tally.hospitalCount; h++) {
      const row = pool * tally.hospitalCount + h;
      tally.points[row]! += (tally.ungroupedCostFen[row]! / 100) * factor;
      for (let run = row * MONTHS; run < (row + 1) * MONTHS; run++) {
        tally.monthPoints[run]! += (tally.monthUngroupedCostFen[run]! / 100) * factor;
      }
    }
  }
}
