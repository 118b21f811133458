/**
 * From the tables of the pass to points, costs and counts per hospital × pool, per DRG and per month
 * (SETTLEMENT.md §3, CMI). Work here is proportional to hospitals × DRGs, not to cases; every sum runs in a
 * fixed order (hospital index, DRG index, month), so the figures do not depend on the order of the cases.
 */
import {
  CELL_STRIDE,
  C_CASES,
  C_COST,
  C_HIGH,
  C_HIGH_COST,
  C_LOW,
  C_LOW_COST,
  C_SPECIAL,
  C_SPECIAL_COST,
  MONTHS,
  MONTH_STRIDE,
  M_DEDUCTION,
  M_EXCLUDED,
  M_EXCLUDED_COST,
  M_PATIENT_PAY,
  M_POINTS_HIGH,
  M_POINTS_LOW,
  M_UNGROUPED,
  M_UNGROUPED_COST,
  type Accumulated,
  type PassRules,
} from './accumulate';
import { CASE_CLASSES, EXCLUDED, HIGH, LOW, NORMAL, SPECIAL, UNGROUPED } from './classify';
import { cellPoints, type CellSums } from './points';
import type { DrgResults } from './result';

const CLASS_COUNT = CASE_CLASSES.length;

/** Points, costs and counts before any money: the input of point value, clearing and the reports. */
export interface Tally {
  hospitalCount: number;
  drgCount: number;
  poolCount: number;
  /** per row (pool × H + hospital) */
  hasCases: Uint8Array;
  caseCounts: Int32Array;
  /** grouped points only; ungrouped points are added by `addUngroupedPoints` */
  points: Float64Array;
  weightSum: Float64Array;
  cmi: Float64Array;
  /** whole fen, paid cases */
  totalCostFen: Float64Array;
  patientPayFen: Float64Array;
  deductionFen: Float64Array;
  excludedCostFen: Float64Array;
  ungroupedCostFen: Float64Array;
  /** per pool: grouped paid cases and their cost (fen) — city_avg_cost */
  groupedCases: Float64Array;
  groupedCostFen: Float64Array;
  /** per row × month */
  monthPoints: Float64Array;
  monthPatientPayFen: Float64Array;
  monthUngroupedCostFen: Float64Array;
  drgs: DrgResults;
  hospitalDrgs: DrgResults;
}

function allocateDrgResults(size: number): DrgResults {
  return { cases: new Float64Array(size), points: new Float64Array(size), revenue: new Float64Array(size), totalCost: new Float64Array(size) };
}

function allocateTally(acc: Accumulated, poolCount: number): Tally {
  const rows = poolCount * acc.hospitalCount;
  return {
    hospitalCount: acc.hospitalCount,
    drgCount: acc.drgCount,
    poolCount,
    hasCases: new Uint8Array(rows),
    caseCounts: new Int32Array(rows * CLASS_COUNT),
    points: new Float64Array(rows),
    weightSum: new Float64Array(rows),
    cmi: new Float64Array(rows),
    totalCostFen: new Float64Array(rows),
    patientPayFen: new Float64Array(rows),
    deductionFen: new Float64Array(rows),
    excludedCostFen: new Float64Array(rows),
    ungroupedCostFen: new Float64Array(rows),
    groupedCases: new Float64Array(poolCount),
    groupedCostFen: new Float64Array(poolCount),
    monthPoints: new Float64Array(rows * MONTHS),
    monthPatientPayFen: new Float64Array(rows * MONTHS),
    monthUngroupedCostFen: new Float64Array(rows * MONTHS),
    drgs: allocateDrgResults(poolCount * acc.drgCount),
    hospitalDrgs: allocateDrgResults(rows * acc.drgCount),
  };
}

/** Adds the cells of one row (hospital × pool): points by DRG, class counts, CMI weights. */
function tallyCells(acc: Accumulated, rules: PassRules, tally: Tally, pool: number, h: number): void {
  const { cells, drgCount, hospitalCount } = acc;
  const { basePoints, benchmarkCost, highMultiple, uniformPrice, weight } = rules.drgs;
  const row = pool * hospitalCount + h;
  const counts = row * CLASS_COUNT;
  const sums: CellSums = { cases: 0, high: 0, highCost: 0, low: 0, lowCost: 0, special: 0, specialCost: 0 };
  for (let d = 0; d < drgCount; d++) {
    const c = (row * drgCount + d) * CELL_STRIDE;
    const cases = cells[c + C_CASES]!;
    if (cases === 0) continue;
    sums.cases = cases;
    sums.high = cells[c + C_HIGH]!;
    sums.highCost = cells[c + C_HIGH_COST]! / 100;
    sums.low = cells[c + C_LOW]!;
    sums.lowCost = cells[c + C_LOW_COST]! / 100;
    sums.special = cells[c + C_SPECIAL]!;
    sums.specialCost = cells[c + C_SPECIAL_COST]! / 100;
    const coefficient = rules.coefficients[uniformPrice[d]! * hospitalCount + h]!;
    const points = cellPoints(sums, basePoints[d]!, coefficient, benchmarkCost[d]!, highMultiple[d]!, rules.points);
    const costFen = cells[c + C_COST]!;
    tally.caseCounts[counts + NORMAL]! += cases - sums.high - sums.low - sums.special;
    tally.caseCounts[counts + HIGH]! += sums.high;
    tally.caseCounts[counts + LOW]! += sums.low;
    tally.caseCounts[counts + SPECIAL]! += sums.special;
    tally.points[row]! += points;
    tally.weightSum[row]! += cases * weight[d]!;
    tally.totalCostFen[row]! += costFen;
    tally.groupedCases[pool]! += cases;
    tally.groupedCostFen[pool]! += costFen;
    const hd = row * drgCount + d;
    tally.hospitalDrgs.cases[hd] = cases;
    tally.hospitalDrgs.points[hd] = points;
    tally.hospitalDrgs.totalCost[hd] = costFen / 100;
    const pd = pool * drgCount + d;
    tally.drgs.cases[pd]! += cases;
    tally.drgs.points[pd]! += points;
    tally.drgs.totalCost[pd]! += costFen / 100;
  }
}

/** Adds the month records of one row: monthly grouped points, payments, ungrouped and excluded cases. */
function tallyMonths(acc: Accumulated, tally: Tally, row: number): void {
  const counts = row * CLASS_COUNT;
  for (let t = 0; t < MONTHS; t++) {
    const rm = row * MONTHS + t;
    const m = rm * MONTH_STRIDE;
    const months = acc.months;
    tally.monthPoints[rm] = months[m + M_POINTS_HIGH]! + months[m + M_POINTS_LOW]!;
    tally.monthPatientPayFen[rm] = months[m + M_PATIENT_PAY]!;
    tally.monthUngroupedCostFen[rm] = months[m + M_UNGROUPED_COST]!;
    tally.caseCounts[counts + UNGROUPED]! += months[m + M_UNGROUPED]!;
    tally.caseCounts[counts + EXCLUDED]! += months[m + M_EXCLUDED]!;
    tally.patientPayFen[row]! += months[m + M_PATIENT_PAY]!;
    tally.deductionFen[row]! += months[m + M_DEDUCTION]!;
    tally.ungroupedCostFen[row]! += months[m + M_UNGROUPED_COST]!;
    tally.excludedCostFen[row]! += months[m + M_EXCLUDED_COST]!;
  }
}

/** Tallies the pass: every row in (pool, hospital index) order, then CMI. Ungrouped points come later. */
export function tallyAccumulated(acc: Accumulated, rules: PassRules, poolCount: number): Tally {
  const tally = allocateTally(acc, poolCount);
  for (let pool = 0; pool < poolCount; pool++) {
    for (let h = 0; h < acc.hospitalCount; h++) {
      const row = pool * acc.hospitalCount + h;
      tallyCells(acc, rules, tally, pool, h);
      tallyMonths(acc, tally, row);
      tally.totalCostFen[row]! += tally.ungroupedCostFen[row]!;
      let caseTotal = 0;
      for (let k = 0; k < CLASS_COUNT; k++) caseTotal += tally.caseCounts[row * CLASS_COUNT + k]!;
      tally.hasCases[row] = caseTotal > 0 ? 1 : 0;
      const grouped = caseTotal - tally.caseCounts[row * CLASS_COUNT + UNGROUPED]! - tally.caseCounts[row * CLASS_COUNT + EXCLUDED]!;
      // CMI (§3): Σ RW of grouped cases ÷ their count
      tally.cmi[row] = grouped > 0 ? tally.weightSum[row]! / grouped : 0;
    }
  }
  return tally;
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
      for (let t = 0; t < MONTHS; t++) {
        const rm = row * MONTHS + t;
        tally.monthPoints[rm]! += (tally.monthUngroupedCostFen[rm]! / 100) * factor;
      }
    }
  }
}
