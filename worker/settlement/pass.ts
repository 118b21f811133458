/**
 * The case-by-case pass of a round (SETTLEMENT.md §2 classes, §3 points), for rounds whose LOS limits exclude
 * core cases (`coreFits` is false; every other round is priced on its classification, classified.ts). Cases
 * come sorted by (pool, hospital, DRG) cell (prepare.ts): a cell's DRG rules and hospital coefficient are read
 * once, then each case is classified and its points added to its month. When a cell is done, its points are
 * computed from its counts and exact cost sums (tally.ts).
 *
 * Order independence (§4.4): money is added in whole fen (integers, exact in a double); a case's points are
 * added to its month in fixed point — split into a multiple of 2⁻⁸ and a remainder rounded to 2⁻⁴⁰, each sum
 * exact — so monthly points are the same whatever the order of the cases and whatever the grouping of the
 * additions (classified.ts adds n normal cases' parts at once and an outlier's difference from them, to the
 * same sums). Nothing is allocated per case or per cell.
 */
import { DRG_PER_DIEM, DRG_UNGROUPED, type DrgRules } from './classify';
import { CORE_LOS, LOS_MASK, MONTH_MASK, MONTH_SHIFT, SPECIAL_BIT, type PreparedCases } from './prepare';
import { CellSums, highCasePoints, lowCasePoints, pointsOfCounts, type PointRules } from './points';
import { recordOtherCell, recordRow, RowSums, type Tally } from './tally';

/**
 * Module-local copies of what the loops read per case: under tsx (and vitest) an imported binding is a getter
 * call on the module object, and those calls cost more than the rest of the pass. The hot functions copy the
 * constants once more into locals: in a bundle (webpack's, esbuild's) a module-level `const` is a context
 * load with a TDZ check at every read, ~0.6 ms a round at 1 M cases.
 */
const LOS = LOS_MASK, SHIFT = MONTH_SHIFT, MONTH = MONTH_MASK, SPECIAL_FLAG = SPECIAL_BIT;
const highPointsOf = highCasePoints, lowPointsOf = lowCasePoints;
const recordOther = recordOtherCell, recordRowSums = recordRow, pointsOf = pointsOfCounts;
const PER_DIEM = DRG_PER_DIEM, UNGROUPED = DRG_UNGROUPED;

/** 1.5 × 2⁴⁴: adding and subtracting it rounds a value to a multiple of 2⁻⁸ (|value| < 2⁴³). */
export const SPLIT_HIGH = 1.5 * 2 ** 44;
/** 1.5 × 2¹²: the same to a multiple of 2⁻⁴⁰ (|value| < 2¹¹). */
export const SPLIT_LOW = 1.5 * 2 ** 12;

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

/** Whether the round's LOS limits (§2.1) exclude no core case, so a cell's core needs no LOS test. */
export function coreFits(rules: PassRules): boolean {
  return rules.excludeLosMax < CORE_LOS.min && rules.excludeLosMin > CORE_LOS.max;
}

/** The grouped cell being passed: its DRG's §3 figures with the cell's coefficient. */
class GroupedCell {
  base = 0;
  coefficient = 0;
  benchmarkCost = 0;
  multiple = 0;
  highMin = 0;
  lowMax = 0;
  /** normal points base × k in its two fixed-point parts */
  normalHigh = 0;
  normalLow = 0;

  set(drgs: DrgRules, d: number, coefficient: number): void {
    this.base = drgs.basePoints[d]!;
    this.coefficient = coefficient;
    this.benchmarkCost = drgs.benchmarkCost[d]!;
    this.multiple = drgs.highMultiple[d]!;
    this.highMin = drgs.highCostFenMin[d]!;
    this.lowMax = drgs.lowCostFenMax[d]!;
    const normalPoints = this.base * coefficient;
    this.normalHigh = normalPoints + SPLIT_HIGH - SPLIT_HIGH;
    this.normalLow = normalPoints - this.normalHigh + SPLIT_LOW - SPLIT_LOW;
  }
}

/** Adds `points` of a case to month t in its two fixed-point parts. */
function addMonthPoints(row: RowSums, t: number, points: number): void {
  const high = points + SPLIT_HIGH - SPLIT_HIGH;
  row.monthPointsHigh[t]! += high;
  row.monthPointsLow[t]! += points - high + SPLIT_LOW - SPLIT_LOW;
}

/**
 * Cases [start, end) of a grouped cell, one by one: §2 classes (excluded by LOS, special, high, low, normal)
 * and §3 points. Counts and cost sums are added to `sums`; each case's points (and an excluded case's patient
 * pay) to its month.
 */
function passCellCases(cases: PreparedCases, rules: PassRules, cell: GroupedCell, start: number, end: number, row: RowSums, sums: CellSums): void {
  // constants as locals (see the top of the module)
  const losMask = LOS, monthShift = SHIFT, monthMask = MONTH, specialFlag = SPECIAL_FLAG;
  const { word, costFen, patientPayFen } = cases;
  const { excludeLosMax, excludeLosMin, points: pointRules } = rules;
  const { base, coefficient, benchmarkCost, multiple, highMin, lowMax, normalHigh, normalLow } = cell;
  for (let i = start; i < end; i++) {
    const w = word[i]!;
    const stay = w & losMask;
    const fen = costFen[i]!;
    const t = (w >> monthShift) & monthMask;
    if (stay <= excludeLosMax || stay >= excludeLosMin) {
      sums.excluded++; // §2.1
      sums.excludedCostFen += fen;
      row.monthExcludedPatientPayFen[t]! += patientPayFen[i]!;
      continue;
    }
    sums.cases++;
    sums.costFen += fen;
    if (w >= specialFlag) {
      sums.special++; // §2.3, §3 special: at cost, no cap, no coefficient
      sums.specialCostFen += fen;
      addMonthPoints(row, t, base * (fen / 100 / benchmarkCost));
    } else if (fen >= highMin) {
      sums.high++; // §2.4
      sums.highCostFen += fen;
      addMonthPoints(row, t, highPointsOf(base, coefficient, fen / 100 / benchmarkCost, multiple, pointRules));
    } else if (fen <= lowMax) {
      sums.low++; // §2.5
      sums.lowCostFen += fen;
      addMonthPoints(row, t, lowPointsOf(base, coefficient, fen / 100 / benchmarkCost, pointRules));
    } else {
      row.monthPointsHigh[t]! += normalHigh;
      row.monthPointsLow[t]! += normalLow;
    }
  }
}

/**
 * An ungrouped cell (§2.2: no DRG, an unknown code, or a DRG with no weight) or a 床日 cell (§2.1: all
 * excluded). Ungrouped points are cost × a per-pool factor known only after the pass: the cost is kept by month.
 */
function passOtherCell(cases: PreparedCases, rules: PassRules, perDiem: boolean, start: number, end: number, row: RowSums, sums: CellSums): void {
  // constants as locals (see the top of the module)
  const losMask = LOS, monthShift = SHIFT, monthMask = MONTH;
  const { word, costFen, patientPayFen } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  for (let i = start; i < end; i++) {
    const w = word[i]!;
    const stay = w & losMask;
    const fen = costFen[i]!;
    const t = (w >> monthShift) & monthMask;
    if (perDiem || stay <= excludeLosMax || stay >= excludeLosMin) {
      sums.excluded++;
      sums.excludedCostFen += fen;
      row.monthExcludedPatientPayFen[t]! += patientPayFen[i]!;
      continue;
    }
    row.monthUngroupedCostFen[t]! += fen;
    sums.cases++;
    sums.costFen += fen;
  }
}

/** §4.3 deductions of paid cases (excluded cases are not settled by DRG, so neither are their deductions). */
function addDeductions(cases: PreparedCases, rules: PassRules, tally: Tally): void {
  const { deductionRow, deductionLos, deductionDrg, deductionFen } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const kind = rules.drgs.kind;
  for (let j = 0; j < deductionFen.length; j++) {
    const stay = deductionLos[j]!;
    if (stay <= excludeLosMax || stay >= excludeLosMin || kind[deductionDrg[j]!] === PER_DIEM) continue;
    tally.deductionFen[deductionRow[j]!]! += deductionFen[j]!;
  }
}

/**
 * Row r, its cells in DRG order: a grouped cell's cases one by one (core, then edge), then its §3 points from
 * counts and exact cost sums (`pointsOfCounts`) to the cell, its DRG and the row.
 */
function passRow(cases: PreparedCases, rules: PassRules, tally: Tally, r: number, row: RowSums, sums: CellSums, cell: GroupedCell): void {
  // constants as locals (see the top of the module)
  const ungrouped = UNGROUPED, perDiem = PER_DIEM;
  const { cellDrg, cellCoreStart, cellEdgeStart } = cases;
  const drgs = rules.drgs;
  const { kind, uniformPrice, basePoints, benchmarkCost, highMultiple, weight } = drgs;
  const { cases: cellCases, points: cellPointsOut, totalCost: cellTotalCost } = tally.cells;
  const { cases: drgCases, points: drgPoints, totalCost: drgTotalCost } = tally.drgs;
  const hospitalCoefficient = rules.hospitalCoefficients[r % cases.hospitalCount]!;
  const drgOffset = Math.floor(r / cases.hospitalCount) * cases.drgCount;
  let normal = 0, high = 0, low = 0, special = 0, excluded = 0, excludedCostFen = 0, points = 0, weightSum = 0, groupedCostFen = 0;
  for (let k = cases.rowCellStart[r]!; k < cases.rowCellStart[r + 1]!; k++) {
    const d = cellDrg[k]!;
    const drgKind = kind[d]!;
    if (drgKind === ungrouped || drgKind === perDiem) {
      passOther(cases, rules, k, drgKind === perDiem, row, sums);
      continue;
    }
    const coefficient = uniformPrice[d] === 1 ? rules.uniformCoefficient : hospitalCoefficient;
    cell.set(drgs, d, coefficient);
    sums.reset();
    passCellCases(cases, rules, cell, cellCoreStart[k]!, cellCoreStart[k + 1]!, row, sums);
    passCellCases(cases, rules, cell, cellEdgeStart[k]!, cellEdgeStart[k + 1]!, row, sums);
    excluded += sums.excluded;
    excludedCostFen += sums.excludedCostFen;
    const count = sums.cases;
    if (count === 0) continue;
    const pointsOfCellK = pointsOf(count, sums.high, sums.highCostFen, sums.low, sums.lowCostFen, sums.special, sums.specialCostFen, basePoints[d]!, coefficient, benchmarkCost[d]!, highMultiple[d]!, rules.points);
    normal += count - sums.high - sums.low - sums.special;
    high += sums.high;
    low += sums.low;
    special += sums.special;
    points += pointsOfCellK;
    weightSum += count * weight[d]!;
    groupedCostFen += sums.costFen;
    cellCases[k] = count;
    cellPointsOut[k] = pointsOfCellK;
    cellTotalCost[k] = sums.costFen / 100;
    drgCases[drgOffset + d]! += count;
    drgPoints[drgOffset + d]! += pointsOfCellK;
    drgTotalCost[drgOffset + d]! += sums.costFen / 100;
  }
  row.addGrouped(normal, high, low, special, points, weightSum, groupedCostFen, excluded, excludedCostFen);
}

/** An ungrouped or 床日 cell: both its regions, case by case. */
function passOther(cases: PreparedCases, rules: PassRules, k: number, perDiem: boolean, row: RowSums, sums: CellSums): void {
  sums.reset();
  passOtherCell(cases, rules, perDiem, cases.cellCoreStart[k]!, cases.cellCoreStart[k + 1]!, row, sums);
  passOtherCell(cases, rules, perDiem, cases.cellEdgeStart[k]!, cases.cellEdgeStart[k + 1]!, row, sums);
  recordOther(sums, row);
}

/**
 * A round classified case by case (its LOS limits exclude core cases, so no classification of classified.ts
 * applies): every row (its cells in DRG order), then deductions.
 */
export function passCases(cases: PreparedCases, rules: PassRules, tally: Tally): void {
  const row = new RowSums();
  const sums = new CellSums();
  const cell = new GroupedCell();
  const { rowCellStart } = cases;
  for (let r = 0; r < tally.poolCount * cases.hospitalCount; r++) {
    if (rowCellStart[r] === rowCellStart[r + 1]) continue;
    row.reset();
    passRow(cases, rules, tally, r, row, sums, cell);
    recordRowSums(tally, cases, r, row);
  }
  addDeductions(cases, rules, tally);
}
