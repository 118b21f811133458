/**
 * The one pass over the cases. Each case is classified (§2) and added to two small tables:
 * - per (pool, hospital, DRG) "cell": counts and cost sums by class — annual points, revenue and CMI are computed
 *   from these after the pass;
 * - per (pool, hospital, month): grouped points (for the monthly pre-settlement, §4.1), patient payments,
 *   deductions, ungrouped and excluded cases.
 *
 * Order independence (§4.4): money is added in whole fen (integers, exact in a double), and a case's points
 * are added in fixed point — split into a multiple of 2⁻⁸ and a remainder rounded to 2⁻⁴⁰, each added
 * exactly — so every sum is the same whatever the order of the cases. Nothing here allocates per case.
 */
import { DRG_PER_DIEM, DRG_UNGROUPED, HIGH, LOW, NORMAL, SPECIAL, type DrgRules } from './classify';
import { casePoints, type PointRules } from './points';
import type { CaseColumns } from './types';

export const MONTHS = 12;
export const POOL_COUNT = 2;

/** Fields of a cell (pool, hospital, DRG); money in fen. */
export const C_CASES = 0;
export const C_COST = 1;
export const C_HIGH = 2;
export const C_HIGH_COST = 3;
export const C_LOW = 4;
export const C_LOW_COST = 5;
export const C_SPECIAL = 6;
export const C_SPECIAL_COST = 7;
export const CELL_STRIDE = 8;

/** Fields of a month record (pool, hospital, month); money in fen. */
export const M_POINTS_HIGH = 0;
export const M_POINTS_LOW = 1;
export const M_PATIENT_PAY = 2;
export const M_DEDUCTION = 3;
export const M_UNGROUPED = 4;
export const M_UNGROUPED_COST = 5;
export const M_EXCLUDED = 6;
export const M_EXCLUDED_COST = 7;
export const MONTH_STRIDE = 8;

/** 1.5 × 2⁴⁴: adding and subtracting it rounds a value to a multiple of 2⁻⁸ (|value| < 2⁴³). */
const SPLIT_HIGH = 1.5 * 2 ** 44;
/** 1.5 × 2¹²: the same to a multiple of 2⁻⁴⁰ (|value| < 2¹¹). */
const SPLIT_LOW = 1.5 * 2 ** 12;

export interface Accumulated {
  hospitalCount: number;
  drgCount: number;
  /** CELL_STRIDE fields per (pool × H + hospital) × D + drg */
  cells: Float64Array;
  /** MONTH_STRIDE fields per (pool × H + hospital) × 12 + month − 1 */
  months: Float64Array;
}

/** What the pass needs of the round, prepared once per run. */
export interface PassRules {
  drgs: DrgRules;
  points: PointRules;
  /** coefficientTable(): hospital coefficients, then the uniform-price coefficient per hospital */
  coefficients: Float64Array;
  excludeLosMax: number;
  excludeLosMin: number;
}

/** Allocates the tables of a pass (zeroed). Reusing them across runs saves the allocation. */
export function allocateAccumulated(hospitalCount: number, drgCount: number): Accumulated {
  const rows = POOL_COUNT * hospitalCount;
  return {
    hospitalCount,
    drgCount,
    cells: new Float64Array(rows * drgCount * CELL_STRIDE),
    months: new Float64Array(rows * MONTHS * MONTH_STRIDE),
  };
}

/** Adds every case to `acc` (which must be zeroed): SETTLEMENT.md §2 classes, §3 points per month. */
export function accumulateCases(cases: CaseColumns, rules: PassRules, acc: Accumulated): void {
  const { hospital, drg, month, pool, totalCost, patientPay, deduction, los, specialReview } = cases;
  const { kind, basePoints, benchmarkCost, highMultiple, highCostThreshold, lowCostThreshold, uniformPrice } = rules.drgs;
  const { coefficients, excludeLosMax, excludeLosMin } = rules;
  const pointRules = rules.points;
  const { cells, months } = acc;
  const hospitalCount = acc.hospitalCount;
  const drgCount = acc.drgCount;
  const n = cases.count;
  for (let i = 0; i < n; i++) {
    const h = hospital[i]!;
    const d = drg[i]!;
    const row = pool[i]! * hospitalCount + h;
    const m = (row * MONTHS + month[i]! - 1) * MONTH_STRIDE;
    const drgKind = kind[d]!;
    const costFen = Math.round(totalCost[i]! * 100);
    const stay = los[i]!;
    // §2.1 excluded: very short or very long stays, 床日 DRGs
    if (stay <= excludeLosMax || stay >= excludeLosMin || drgKind === DRG_PER_DIEM) {
      months[m + M_EXCLUDED]! += 1;
      months[m + M_EXCLUDED_COST]! += costFen;
      continue;
    }
    months[m + M_PATIENT_PAY]! += Math.round(patientPay[i]! * 100);
    const cut = deduction[i]!;
    if (cut !== 0) months[m + M_DEDUCTION]! += Math.round(cut * 100);
    // §2.2 ungrouped: points are cost × a per-pool factor known only after the pass
    if (drgKind === DRG_UNGROUPED) {
      months[m + M_UNGROUPED]! += 1;
      months[m + M_UNGROUPED_COST]! += costFen;
      continue;
    }
    const c = (row * drgCount + d) * CELL_STRIDE;
    cells[c + C_CASES]! += 1;
    cells[c + C_COST]! += costFen;
    const cost = totalCost[i]!;
    let caseClass = NORMAL;
    if (specialReview[i] === 1) {
      caseClass = SPECIAL; // §2.3
      cells[c + C_SPECIAL]! += 1;
      cells[c + C_SPECIAL_COST]! += costFen;
    } else if (cost > highCostThreshold[d]!) {
      caseClass = HIGH; // §2.4
      cells[c + C_HIGH]! += 1;
      cells[c + C_HIGH_COST]! += costFen;
    } else if (cost < lowCostThreshold[d]!) {
      caseClass = LOW; // §2.5
      cells[c + C_LOW]! += 1;
      cells[c + C_LOW_COST]! += costFen;
    }
    const coefficient = coefficients[uniformPrice[d]! * hospitalCount + h]!;
    const points = casePoints(caseClass, basePoints[d]!, coefficient, cost, benchmarkCost[d]!, highMultiple[d]!, pointRules);
    const high = points + SPLIT_HIGH - SPLIT_HIGH;
    months[m + M_POINTS_HIGH]! += high;
    months[m + M_POINTS_LOW]! += points - high + SPLIT_LOW - SPLIT_LOW;
  }
}
