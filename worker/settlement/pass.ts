/**
 * The one pass over the cases of a round (SETTLEMENT.md §2 classes, §3 points). Cases come sorted by
 * (pool, hospital, DRG, cost) (prepare.ts): a cell's DRG rules and hospital coefficient are read once, its
 * sums are kept in local variables, and only the month figures are added per case (into a 12-month table).
 * When a cell is done, its points are computed from its counts and exact cost sums (tally.ts).
 *
 * Order independence (§4.4): money is added in whole fen (integers, exact in a double); a case's points are
 * added in fixed point — split into a multiple of 2⁻⁸ and a remainder rounded to 2⁻⁴⁰, each sum exact — so
 * monthly points are the same whatever the order of the cases. Nothing is allocated per case or per cell.
 */
import { DRG_PER_DIEM, DRG_UNGROUPED, HIGH, LOW, SPECIAL, type DrgRules } from './classify';
import { LOS_MASK, MONTH_MASK, MONTH_SHIFT, SPECIAL_BIT, type PreparedCases } from './prepare';
import {
  casePoints,
  CELL_CASES,
  CELL_COST,
  CELL_EXCLUDED,
  CELL_EXCLUDED_COST,
  CELL_FIELDS,
  CELL_HIGH,
  CELL_HIGH_COST,
  CELL_LOW,
  CELL_LOW_COST,
  CELL_SPECIAL,
  CELL_SPECIAL_COST,
  type PointRules,
} from './points';
import { recordGroupedCell, recordOtherCell, recordRow, ROW_FIELDS, ROW_MONTH_FIELDS, RM_EXCLUDED_PATIENT_PAY, RM_POINTS_HIGH, RM_POINTS_LOW, RM_UNGROUPED_COST, type Tally } from './tally';

/**
 * Module-local copies of the constants the loops read per case: under tsx (and vitest) an imported binding is
 * a getter call on the module object, and those calls cost more than the rest of the pass.
 */
const LOS = LOS_MASK, SHIFT = MONTH_SHIFT, MONTH = MONTH_MASK, SPECIAL_FLAG = SPECIAL_BIT;
const POINTS_HIGH = RM_POINTS_HIGH, POINTS_LOW = RM_POINTS_LOW, EXCLUDED_PAY = RM_EXCLUDED_PATIENT_PAY, UNGROUPED_COST = RM_UNGROUPED_COST;
const SPECIAL_CLASS = SPECIAL, HIGH_CLASS = HIGH, LOW_CLASS = LOW;
const pointsOf = casePoints;

/** 1.5 × 2⁴⁴: adding and subtracting it rounds a value to a multiple of 2⁻⁸ (|value| < 2⁴³). */
const SPLIT_HIGH = 1.5 * 2 ** 44;
/** 1.5 × 2¹²: the same to a multiple of 2⁻⁴⁰ (|value| < 2¹¹). */
const SPLIT_LOW = 1.5 * 2 ** 12;

/** What the pass needs of the round, prepared once per run. */
export interface PassRules {
  drgs: DrgRules;
  points: PointRules;
  /** effective coefficient per hospital (§3) */
  hospitalCoefficients: Float64Array;
  uniformCoefficient: number;
  excludeLosMax: number;
  excludeLosMin: number;
}


/**
 * A grouped cell's cases [start, end): §2 classes (excluded by LOS, special, high, low, normal) and §3 points.
 * Class counts and cost sums go to `sums`; each case's points (and an excluded case's patient pay) to its month.
 */
function passGroupedCell(cases: PreparedCases, rules: PassRules, d: number, coefficient: number, start: number, end: number, rowMonths: Float64Array, sums: Float64Array): void {
  const { word, costFen } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const drgs = rules.drgs;
  const base = drgs.basePoints[d]!;
  const highMin = drgs.highCostFenMin[d]!;
  const lowMax = drgs.lowCostFenMax[d]!;
  const normalPoints = base * coefficient;
  const normalHigh = normalPoints + SPLIT_HIGH - SPLIT_HIGH;
  const normalLow = normalPoints - normalHigh + SPLIT_LOW - SPLIT_LOW;
  let count = 0, cost = 0, high = 0, highCost = 0, low = 0, lowCost = 0, special = 0, specialCost = 0, excluded = 0, excludedCost = 0;
  for (let i = start; i < end; i++) {
    const w = word[i]!;
    const stay = w & LOS;
    const fen = costFen[i]!;
    const t = (w >> SHIFT) & MONTH;
    if (stay <= excludeLosMax || stay >= excludeLosMin) {
      excluded++; // §2.1
      excludedCost += fen;
      rowMonths[EXCLUDED_PAY + t]! += cases.patientPayFen[i]!;
      continue;
    }
    count++;
    cost += fen;
    let caseClass = -1;
    if (w >= SPECIAL_FLAG) {
      caseClass = SPECIAL_CLASS; // §2.3
      special++;
      specialCost += fen;
    } else if (fen >= highMin) {
      caseClass = HIGH_CLASS; // §2.4
      high++;
      highCost += fen;
    } else if (fen <= lowMax) {
      caseClass = LOW_CLASS; // §2.5
      low++;
      lowCost += fen;
    }
    if (caseClass < 0) {
      rowMonths[POINTS_HIGH + t]! += normalHigh;
      rowMonths[POINTS_LOW + t]! += normalLow;
    } else {
      const points = pointsOf(caseClass, base, coefficient, fen / 100, drgs.benchmarkCost[d]!, drgs.highMultiple[d]!, rules.points);
      const pointsHigh = points + SPLIT_HIGH - SPLIT_HIGH;
      rowMonths[POINTS_HIGH + t]! += pointsHigh;
      rowMonths[POINTS_LOW + t]! += points - pointsHigh + SPLIT_LOW - SPLIT_LOW;
    }
  }
  sums[CELL_CASES] = count;
  sums[CELL_COST] = cost;
  sums[CELL_HIGH] = high;
  sums[CELL_HIGH_COST] = highCost;
  sums[CELL_LOW] = low;
  sums[CELL_LOW_COST] = lowCost;
  sums[CELL_SPECIAL] = special;
  sums[CELL_SPECIAL_COST] = specialCost;
  sums[CELL_EXCLUDED] = excluded;
  sums[CELL_EXCLUDED_COST] = excludedCost;
}

/**
 * An ungrouped cell (§2.2: no DRG, an unknown code, or a DRG with no weight) or a 床日 cell (§2.1: all
 * excluded). Ungrouped points are cost × a per-pool factor known only after the pass: the cost is kept by month.
 */
function passOtherCell(cases: PreparedCases, rules: PassRules, perDiem: boolean, start: number, end: number, rowMonths: Float64Array, sums: Float64Array): void {
  const { word, costFen } = cases;
  let count = 0, cost = 0, excluded = 0, excludedCost = 0;
  for (let i = start; i < end; i++) {
    const w = word[i]!;
    const stay = w & LOS;
    const fen = costFen[i]!;
    const t = (w >> SHIFT) & MONTH;
    if (perDiem || stay <= rules.excludeLosMax || stay >= rules.excludeLosMin) {
      excluded++;
      excludedCost += fen;
      rowMonths[EXCLUDED_PAY + t]! += cases.patientPayFen[i]!;
      continue;
    }
    rowMonths[UNGROUPED_COST + t]! += fen;
    count++;
    cost += fen;
  }
  sums[CELL_CASES] = count;
  sums[CELL_COST] = cost;
  sums[CELL_EXCLUDED] = excluded;
  sums[CELL_EXCLUDED_COST] = excludedCost;
}

/** §4.3 deductions of paid cases (excluded cases are not settled by DRG, so neither are their deductions). */
function addDeductions(cases: PreparedCases, rules: PassRules, tally: Tally): void {
  let row = 0;
  for (let j = 0; j < cases.deductionCase.length; j++) {
    const i = cases.deductionCase[j]!;
    const cell = cases.deductionCell[j]!;
    const stay = cases.word[i]! & LOS;
    if (stay <= rules.excludeLosMax || stay >= rules.excludeLosMin || rules.drgs.kind[cases.cellDrg[cell]!] === DRG_PER_DIEM) continue;
    while (cases.rowCellStart[row + 1]! <= cell) row++;
    tally.deductionFen[row]! += cases.deductionFen[j]!;
  }
}

/** The pass: every cell of every row, in (pool, hospital, DRG) order; then deductions. */
export function passCases(cases: PreparedCases, rules: PassRules, tally: Tally): void {
  const rowMonths = new Float64Array(ROW_MONTH_FIELDS);
  const rowSums = new Float64Array(ROW_FIELDS);
  const sums = new Float64Array(CELL_FIELDS);
  const { kind, uniformPrice } = rules.drgs;
  const { rowCellStart, cellDrg, cellCaseStart } = cases;
  for (let row = 0; row < tally.poolCount * cases.hospitalCount; row++) {
    const firstCell = rowCellStart[row]!;
    const endCell = rowCellStart[row + 1]!;
    if (firstCell === endCell) continue;
    const hospitalCoefficient = rules.hospitalCoefficients[row % cases.hospitalCount]!;
    rowMonths.fill(0);
    rowSums.fill(0);
    for (let k = firstCell; k < endCell; k++) {
      const d = cellDrg[k]!;
      const drgKind = kind[d]!;
      if (drgKind === DRG_UNGROUPED || drgKind === DRG_PER_DIEM) {
        passOtherCell(cases, rules, drgKind === DRG_PER_DIEM, cellCaseStart[k]!, cellCaseStart[k + 1]!, rowMonths, sums);
        recordOtherCell(sums, rowSums);
      } else {
        const coefficient = uniformPrice[d] === 1 ? rules.uniformCoefficient : hospitalCoefficient;
        passGroupedCell(cases, rules, d, coefficient, cellCaseStart[k]!, cellCaseStart[k + 1]!, rowMonths, sums);
        recordGroupedCell(tally, rules, row, k, d, coefficient, sums, rowSums);
      }
    }
    recordRow(tally, cases, row, rowSums, rowMonths);
  }
  addDeductions(cases, rules, tally);
}
