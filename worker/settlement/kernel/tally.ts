/**
 * Points, costs and counts before any money (SETTLEMENT.md §3, CMI): what the pass records per hospital ×
 * pool ("row"), per month, per DRG and per hospital × DRG cell (pass.ts records the cells). Work here is per row, never per
 * case, and every sum runs in a fixed order (row, then DRG), so no figure depends on the order of the cases.
 */
import { CASE_CLASSES, EXCLUDED, UNGROUPED } from '../rules/classes';
import type { DrgResults } from '../result';
import { MONTHS, type PreparedCases } from './prepare';

const CLASS_COUNT = CASE_CLASSES.length;
/** a module-local copy of what is read per row (under tsx and vitest an imported binding is a getter call) */
const MONTH_COUNT = MONTHS;

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

export function allocateDrgResults(size: number): DrgResults {
  return { cases: new Float64Array(size), points: new Float64Array(size), revenue: new Float64Array(size), totalCost: new Float64Array(size) };
}

/** A tally of zeros; `cells`, when given, are zeroed and tallied into instead of new ones. */
export function allocateTally(cases: PreparedCases, poolCount: number, cells?: DrgResults): Tally {
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
    cells: cells ? zeroed(cells) : allocateDrgResults(cases.cellDrg.length),
  };
}

function zeroed(results: DrgResults): DrgResults {
  for (const values of [results.cases, results.points, results.revenue, results.totalCost]) values.fill(0);
  return results;
}

/**
 * What every way of passing records of a row alike (pass.ts from its RowSums, classified.ts from the kept
 * classes): its costs — total cost of paid cases = grouped + ungrouped — and its pool's grouped cases for
 * city_avg_cost; and its month table, from month arrays read at `at` … `at` + 11: points from their two
 * fixed-point parts, and patient pay of paid cases = Σ of all the month's cases (prepared once) − Σ of those the
 * round excludes.
 */
export function recordRowCostsAndMonths(
  tally: Tally,
  cases: PreparedCases,
  row: number,
  groupedCases: number,
  groupedCostFen: number,
  ungroupedCostFen: number,
  excludedCostFen: number,
  monthPointsHigh: Float64Array,
  monthPointsLow: Float64Array,
  monthExcludedPatientPayFen: Float64Array,
  monthUngroupedCostFen: Float64Array,
  at: number,
): void {
  tally.totalCostFen[row] = groupedCostFen + ungroupedCostFen;
  tally.ungroupedCostFen[row] = ungroupedCostFen;
  tally.excludedCostFen[row] = excludedCostFen;
  const pool = Math.floor(row / tally.hospitalCount);
  tally.groupedCases[pool]! += groupedCases;
  tally.groupedCostFen[pool]! += groupedCostFen;
  let patientPay = 0;
  for (let t = 0; t < MONTH_COUNT; t++) {
    const run = row * MONTH_COUNT + t;
    tally.monthPoints[run] = monthPointsHigh[at + t]! + monthPointsLow[at + t]!;
    const paid = cases.runPatientPayFen[run]! - monthExcludedPatientPayFen[at + t]!;
    tally.monthPatientPayFen[run] = paid;
    tally.monthUngroupedCostFen[run] = monthUngroupedCostFen[at + t]!;
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
