/**
 * The one pass over the cases of a round (SETTLEMENT.md §2 classes, §3 points) when no kept classification
 * applies (classified-price.ts prices rounds on kept classes). Cases come sorted by (pool, hospital, DRG) cell,
 * each cell's core cases in cost order and its edge cases apart (prepare.ts): a cell's DRG rules and hospital
 * coefficient are read once, and when the round's LOS limits exclude no core case (`coreFits`) the core is
 * classified by its cost thresholds alone — the high cases are the run at its end, the low cases the run at
 * its start — and its normal cases' month points come from the prepared month counts (`addCoreMonths`). Only
 * the outliers and the few edge cases are read one by one. Otherwise every case is (`passCellCases`). When a
 * cell is done, its points are computed from its counts and exact cost sums (`pointsOfCounts`).
 *
 * The §3 formulas are rules/points.ts's, called per case, but for special review's `base × cost ratio`; §2's
 * tests are written out in the per-case loops in the order of `caseClassOf` (rules/classes.ts), one branch per
 * test. Calling the rules there (or the cost-term helpers) measured 20–40 % slower case by case once the JIT
 * had optimised the loops for other rounds; docs/engine.md says more.
 * Order independence (§4.4): money is added in whole fen, month points in fixed point (month-points.ts).
 * Nothing is allocated per case or per cell.
 */
import { DRG_PER_DIEM, DRG_UNGROUPED, isExcluded } from '../rules/classes';
import type { DrgRules } from '../rules/drg-rules';
import { highCasePoints, lowCasePoints, pointsOfCounts } from '../rules/points';
import type { PassRules } from '../rules/round-rules';
import { addPaidDeductions } from './deductions';
import { SPLIT_HIGH as MONTH_SPLIT_HIGH, SPLIT_LOW as MONTH_SPLIT_LOW } from './month-points';
import { CellSums, recordOtherCell, recordRow, RowSums } from './pass-sums';
import { CORE_LOS, LOS_MASK, MONTH_COUNT_MASK, MONTH_COUNT_SHIFT, MONTH_MASK, MONTH_SHIFT, MONTHS, SPECIAL_BIT, type PreparedCases } from './prepare';
import type { Tally } from './tally';

/**
 * Module-local copies of what the loops read per case: under tsx (and vitest) an imported binding is a getter
 * call on the module object, and those calls cost more than the rest of the pass. The hot functions copy the
 * constants once more into locals: in a bundle (webpack's, esbuild's) a module-level `const` is a context
 * load with a TDZ check at every read, ~0.6 ms a round at 1 M cases.
 */
const LOS = LOS_MASK, SHIFT = MONTH_SHIFT, MONTH = MONTH_MASK, SPECIAL_FLAG = SPECIAL_BIT;
const COUNT_SHIFT = MONTH_COUNT_SHIFT, COUNT_MASK = MONTH_COUNT_MASK, MONTH_COUNT = MONTHS;
const highPointsOf = highCasePoints, lowPointsOf = lowCasePoints;
const recordOther = recordOtherCell, recordRowSums = recordRow, pointsOf = pointsOfCounts;
const PER_DIEM = DRG_PER_DIEM, UNGROUPED = DRG_UNGROUPED;
const SPLIT_HIGH = MONTH_SPLIT_HIGH, SPLIT_LOW = MONTH_SPLIT_LOW;

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
      // specialPoints (rules/points.ts) written out: a call here, on a path this rare, measured the loop
      // ~30 % slower case by case (its call site without type feedback when the loop is optimised)
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
 * Scratch of the pass, kept by the engine: the normal points of each cell k in their two fixed-point parts,
 * side by side (entries 2k and 2k + 1: one cache line holds both).
 */
export interface PassScratch {
  normalParts: Float64Array;
}

/**
 * Normal points of the core cases of row r by month: Σ count × normal part of the cell (`normalParts`, see
 * `PassScratch`), month by month from the prepared counts (exact sums: the order of the additions does not
 * matter), added to high[at + t] and low[at + t].
 */
export function addCoreMonths(cases: PreparedCases, normalParts: Float64Array, r: number, high: Float64Array, low: Float64Array, at: number): void {
  // constants as locals (see the top of the module)
  const months = MONTH_COUNT, countShift = COUNT_SHIFT, countMask = COUNT_MASK;
  const { monthCounts, runMonthCountStart } = cases;
  const parts = normalParts;
  const first = 2 * cases.rowCellStart[r]!;
  for (let t = 0; t < months; t++) {
    // two pairs of sums, so that consecutive additions do not wait for each other (exact: any grouping)
    let high1 = 0, low1 = 0, high2 = 0, low2 = 0;
    const end = runMonthCountStart[r * months + t + 1]!;
    let e = runMonthCountStart[r * months + t]!;
    for (; e + 1 < end; e += 2) {
      const entry = monthCounts[e]!;
      const entry2 = monthCounts[e + 1]!;
      const at1 = first + ((entry >>> countShift) << 1);
      const at2 = first + ((entry2 >>> countShift) << 1);
      high1 += (entry & countMask) * parts[at1]!;
      low1 += (entry & countMask) * parts[at1 + 1]!;
      high2 += (entry2 & countMask) * parts[at2]!;
      low2 += (entry2 & countMask) * parts[at2 + 1]!;
    }
    if (e < end) {
      const entry = monthCounts[e]!;
      const at1 = first + ((entry >>> countShift) << 1);
      high1 += (entry & countMask) * parts[at1]!;
      low1 += (entry & countMask) * parts[at1 + 1]!;
    }
    high[at + t]! += high1 + high2;
    low[at + t]! += low1 + low2;
  }
}

/**
 * An ungrouped cell (§2.2: no DRG, an unknown code, or a DRG with no weight) or a 床日 cell (§2.1: all
 * excluded). Ungrouped points are cost × a per-pool factor known only after the pass: the cost is kept by month.
 */
function passOtherCell(cases: PreparedCases, rules: PassRules, drgKind: number, start: number, end: number, row: RowSums, sums: CellSums): void {
  // constants as locals (see the top of the module)
  const losMask = LOS, monthShift = SHIFT, monthMask = MONTH;
  const { word, costFen, patientPayFen } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const excluded = isExcluded;
  for (let i = start; i < end; i++) {
    const w = word[i]!;
    const fen = costFen[i]!;
    const t = (w >> monthShift) & monthMask;
    if (excluded(drgKind, w & losMask, excludeLosMax, excludeLosMin)) {
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


/**
 * Row r, its cells in DRG order: a grouped cell's core by its two outlier runs when `fits` (else case by case),
 * its edge cases one by one, then its §3 points from counts and exact cost sums (`pointsOfCounts`) to the cell, its
 * DRG and the row. Written out in one loop with the row's sums in locals: this is the hot loop of a round.
 */
function passRow(cases: PreparedCases, rules: PassRules, scratch: PassScratch, tally: Tally, r: number, fits: boolean, row: RowSums, sums: CellSums, cell: GroupedCell): void {
  // constants as locals (see the top of the module)
  const splitHigh = SPLIT_HIGH, splitLow = SPLIT_LOW, monthShift = SHIFT, monthMask = MONTH, ungrouped = UNGROUPED, perDiem = PER_DIEM;
  const { cellDrg, cellCoreStart, cellEdgeStart, cellCoreCostFen, costFen, word } = cases;
  const drgs = rules.drgs;
  const { kind, uniformPrice, basePoints, benchmarkCost, highMultiple, highCostFenMin, lowCostFenMax, weight } = drgs;
  const { monthPointsHigh, monthPointsLow } = row;
  const normalParts = scratch.normalParts;
  const { cases: cellCases, points: cellPointsOut, totalCost: cellTotalCost } = tally.cells;
  const { cases: drgCases, points: drgPoints, totalCost: drgTotalCost } = tally.drgs;
  const hospitalCoefficient = rules.hospitalCoefficients[r % cases.hospitalCount]!;
  const drgOffset = Math.floor(r / cases.hospitalCount) * cases.drgCount;
  let normal = 0, high = 0, low = 0, special = 0, excluded = 0, excludedCostFen = 0, points = 0, weightSum = 0, groupedCostFen = 0;
  for (let k = cases.rowCellStart[r]!; k < cases.rowCellStart[r + 1]!; k++) {
    const d = cellDrg[k]!;
    const drgKind = kind[d]!;
    if (drgKind === ungrouped || drgKind === perDiem) {
      passOther(cases, rules, scratch, k, drgKind, row, sums);
      continue;
    }
    const coefficient = uniformPrice[d] === 1 ? rules.uniformCoefficient : hospitalCoefficient;
    const normalPoints = basePoints[d]! * coefficient;
    const normalHigh = normalPoints + splitHigh - splitHigh;
    const normalLow = normalPoints - normalHigh + splitLow - splitLow;
    normalParts[2 * k] = normalHigh;
    normalParts[2 * k + 1] = normalLow;
    const hasEdges = cellEdgeStart[k]! < cellEdgeStart[k + 1]!;
    if (!fits || hasEdges) cell.set(drgs, d, coefficient);
    // the cell's counts and cost sums (fen): in locals for a core-only cell, through `sums` when it has cases
    // read one by one
    let count = 0, cellHigh = 0, cellHighCostFen = 0, cellLow = 0, cellLowCostFen = 0, cellSpecial = 0, cellSpecialCostFen = 0, cellCostFen = 0;
    if (fits) {
      // the core's outliers: the high run at its end, then the low run at its start (§2: high first), each
      // case's points added to its month as the difference from the normal parts
      const start = cellCoreStart[k]!;
      const coreEnd = cellCoreStart[k + 1]!;
      const base = basePoints[d]!;
      const benchmark = benchmarkCost[d]!;
      const highMin = highCostFenMin[d]!;
      let highStart = coreEnd;
      while (highStart > start && costFen[highStart - 1]! >= highMin) highStart--;
      let highCost = 0;
      for (let i = highStart; i < coreEnd; i++) {
        const fen = costFen[i]!;
        const t = (word[i]! >> monthShift) & monthMask;
        const outlierPoints = highPointsOf(base, coefficient, fen / 100 / benchmark, highMultiple[d]!, rules.points);
        const outlierHigh = outlierPoints + splitHigh - splitHigh;
        monthPointsHigh[t]! += outlierHigh - normalHigh;
        monthPointsLow[t]! += outlierPoints - outlierHigh + splitLow - splitLow - normalLow;
        highCost += fen;
      }
      const lowMax = lowCostFenMax[d]!;
      let lowCost = 0;
      let lowEnd = start;
      for (; lowEnd < highStart && costFen[lowEnd]! <= lowMax; lowEnd++) {
        const fen = costFen[lowEnd]!;
        const t = (word[lowEnd]! >> monthShift) & monthMask;
        const outlierPoints = lowPointsOf(base, coefficient, fen / 100 / benchmark, rules.points);
        const outlierHigh = outlierPoints + splitHigh - splitHigh;
        monthPointsHigh[t]! += outlierHigh - normalHigh;
        monthPointsLow[t]! += outlierPoints - outlierHigh + splitLow - splitLow - normalLow;
        lowCost += fen;
      }
      count = coreEnd - start;
      cellCostFen = cellCoreCostFen[k]!;
      cellHigh = coreEnd - highStart;
      cellHighCostFen = highCost;
      cellLow = lowEnd - start;
      cellLowCostFen = lowCost;
      if (hasEdges) {
        sums.reset();
        sums.cases = count;
        sums.costFen = cellCostFen;
        sums.high = cellHigh;
        sums.highCostFen = cellHighCostFen;
        sums.low = cellLow;
        sums.lowCostFen = cellLowCostFen;
        passCellCases(cases, rules, cell, cellEdgeStart[k]!, cellEdgeStart[k + 1]!, row, sums);
      }
    } else {
      sums.reset();
      passCellCases(cases, rules, cell, cellCoreStart[k]!, cellCoreStart[k + 1]!, row, sums);
      if (hasEdges) passCellCases(cases, rules, cell, cellEdgeStart[k]!, cellEdgeStart[k + 1]!, row, sums);
    }
    if (!fits || hasEdges) {
      excluded += sums.excluded;
      excludedCostFen += sums.excludedCostFen;
      count = sums.cases;
      cellCostFen = sums.costFen;
      cellHigh = sums.high;
      cellHighCostFen = sums.highCostFen;
      cellLow = sums.low;
      cellLowCostFen = sums.lowCostFen;
      cellSpecial = sums.special;
      cellSpecialCostFen = sums.specialCostFen;
    }
    if (count === 0) continue;
    const pointsOfCellK = pointsOf(count, cellHigh, cellHighCostFen, cellLow, cellLowCostFen, cellSpecial, cellSpecialCostFen, basePoints[d]!, coefficient, benchmarkCost[d]!, highMultiple[d]!, rules.points);
    normal += count - cellHigh - cellLow - cellSpecial;
    high += cellHigh;
    low += cellLow;
    special += cellSpecial;
    points += pointsOfCellK;
    weightSum += count * weight[d]!;
    groupedCostFen += cellCostFen;
    cellCases[k] = count;
    cellPointsOut[k] = pointsOfCellK;
    cellTotalCost[k] = cellCostFen / 100;
    drgCases[drgOffset + d]! += count;
    drgPoints[drgOffset + d]! += pointsOfCellK;
    drgTotalCost[drgOffset + d]! += cellCostFen / 100;
  }
  row.addGrouped(normal, high, low, special, points, weightSum, groupedCostFen, excluded, excludedCostFen);
}

/** An ungrouped or 床日 cell: both its regions, case by case. */
function passOther(cases: PreparedCases, rules: PassRules, scratch: PassScratch, k: number, drgKind: number, row: RowSums, sums: CellSums): void {
  scratch.normalParts[2 * k] = scratch.normalParts[2 * k + 1] = 0;
  sums.reset();
  passOtherCell(cases, rules, drgKind, cases.cellCoreStart[k]!, cases.cellCoreStart[k + 1]!, row, sums);
  passOtherCell(cases, rules, drgKind, cases.cellEdgeStart[k]!, cases.cellEdgeStart[k + 1]!, row, sums);
  recordOtherCell(sums, row);
}

/** The pass: every row (its cells in DRG order), then deductions. */
export function passCases(cases: PreparedCases, rules: PassRules, tally: Tally, scratch: PassScratch, caseByCase = false): void {
  const row = new RowSums();
  const sums = new CellSums();
  const cell = new GroupedCell();
  const fits = !caseByCase && coreFits(rules);
  const { rowCellStart } = cases;
  for (let r = 0; r < tally.poolCount * cases.hospitalCount; r++) {
    if (rowCellStart[r] === rowCellStart[r + 1]) continue;
    row.reset();
    passRow(cases, rules, scratch, tally, r, fits, row, sums, cell);
    if (fits) addCoreMonths(cases, scratch.normalParts, r, row.monthPointsHigh, row.monthPointsLow, 0);
    recordRowSums(tally, cases, r, row);
  }
  addPaidDeductions(cases, rules, tally.deductionFen, fits);
}
