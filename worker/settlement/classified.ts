/**
 * A round's case classes (SETTLEMENT.md §2), kept between rounds. Which class a case falls in depends only on
 * the DRG kinds, the cost thresholds and the LOS limits of a round — not on weights' points, base points,
 * coefficients, rates, budgets or any money rule. A negotiation mostly changes those: one classification then
 * serves round after round, and each round only prices it (§3 points and the month table).
 *
 *   classifyCells  (when the DRG kinds, thresholds or LOS limits change): per cell its class counts and exact
 *                  cost sums, per row and month what does not depend on points (class counts, excluded patient
 *                  pay, ungrouped cost, deductions), and the list of the cases priced one by one — outliers,
 *                  special-review and edge cases — grouped by how they are priced;
 *   priceClassified (every round): per cell its points from its counts and sums, per row and month the
 *                  normal cases' points from the prepared month counts and the listed cases' points.
 *
 * Used only when the round's LOS limits exclude no core case (`coreFits` in pass.ts): a cell's core cases are
 * classified by their cost alone, the high ones the run at its end and the low ones the run at its start.
 * Month points are added in the same fixed-point parts as the general pass (pass.ts), each sum exact: the
 * results are bit for bit those of classifying every case anew, whatever the order of the additions.
 */
import { CASE_CLASSES, DRG_GROUPED, DRG_PER_DIEM, EXCLUDED, HIGH, LOW, NORMAL, SPECIAL, UNGROUPED, type DrgRules } from './classify';
import { LOS_MASK, MONTH_MASK, MONTH_SHIFT, MONTHS, SPECIAL_BIT, type PreparedCases } from './prepare';
import { addCoreMonths as addCoreMonthsOf, SPLIT_HIGH as PASS_SPLIT_HIGH, SPLIT_LOW as PASS_SPLIT_LOW, type PassRules } from './pass';
import { CellSums } from './points';
import { recordRowCostsAndMonths, type Tally } from './tally';

/** module-local copies of what the loops read (see pass.ts: imported bindings are getter calls under tsx) */
const LOS = LOS_MASK, SHIFT = MONTH_SHIFT, MONTH = MONTH_MASK, SPECIAL_FLAG = SPECIAL_BIT, MONTH_COUNT = MONTHS;
const addCoreMonths = addCoreMonthsOf, recordCostsAndMonths = recordRowCostsAndMonths;
const GROUPED = DRG_GROUPED, PER_DIEM = DRG_PER_DIEM;
const CLASS_COUNT = CASE_CLASSES.length;

/** the fixed-point splits of pass.ts (multiples of 2⁻⁸, then of 2⁻⁴⁰) */
const SPLIT_HIGH = PASS_SPLIT_HIGH, SPLIT_LOW = PASS_SPLIT_LOW;

/**
 * How the listed cases are priced, in list order: core cases add the difference from the normal points the
 * month counts already gave them; edge cases add their whole points.
 */
const CORE_HIGH = 0;
const CORE_LOW = 1;
const EDGE_HIGH = 2;
const EDGE_LOW = 3;
const EDGE_SPECIAL = 4;
const EDGE_NORMAL = 5;
const GROUPS = 6;

/** What a round's classes and cost terms depend on: its DRG kinds, thresholds, benchmark costs, multiples, LOS limits. */
export interface ClassesKey {
  kind: Uint8Array;
  highCostFenMin: Float64Array;
  lowCostFenMax: Float64Array;
  benchmarkCost: Float64Array;
  highMultiple: Float64Array;
  excludeLosMax: number;
  excludeLosMin: number;
}

/** The key of a round with these rules: `into`'s arrays overwritten when given, else copies. */
export function classesKeyOf(rules: PassRules, into: ClassesKey | null = null): ClassesKey {
  const drgs = rules.drgs;
  if (into === null) {
    return {
      kind: drgs.kind.slice(),
      highCostFenMin: drgs.highCostFenMin.slice(),
      lowCostFenMax: drgs.lowCostFenMax.slice(),
      benchmarkCost: drgs.benchmarkCost.slice(),
      highMultiple: drgs.highMultiple.slice(),
      excludeLosMax: rules.excludeLosMax,
      excludeLosMin: rules.excludeLosMin,
    };
  }
  into.kind.set(drgs.kind);
  into.highCostFenMin.set(drgs.highCostFenMin);
  into.lowCostFenMax.set(drgs.lowCostFenMax);
  into.benchmarkCost.set(drgs.benchmarkCost);
  into.highMultiple.set(drgs.highMultiple);
  into.excludeLosMax = rules.excludeLosMax;
  into.excludeLosMin = rules.excludeLosMin;
  return into;
}

/** Whether a round with these rules has the classes of `key`. */
export function keyMatches(key: ClassesKey | null, rules: PassRules): boolean {
  if (key === null) return false;
  if (key.excludeLosMax !== rules.excludeLosMax || key.excludeLosMin !== rules.excludeLosMin) return false;
  const { kind, highCostFenMin, lowCostFenMax, benchmarkCost, highMultiple } = rules.drgs;
  for (let d = 0; d < kind.length; d++) {
    if (
      kind[d] !== key.kind[d] ||
      highCostFenMin[d] !== key.highCostFenMin[d] ||
      lowCostFenMax[d] !== key.lowCostFenMax[d] ||
      benchmarkCost[d] !== key.benchmarkCost[d] ||
      highMultiple[d] !== key.highMultiple[d]
    ) {
      return false;
    }
  }
  return true;
}

export interface Classification {
  /** the round's key: the next round is checked against it */
  key: ClassesKey;
  /** the grouped cells with paid cases, row after row: row r's are groupedCells[rowGroupedStart[r] … rowGroupedStart[r + 1] − 1] */
  groupedCells: Int32Array;
  rowGroupedStart: Int32Array;
  /**
   * per cell, the terms of `pointsOfCounts` (points.ts) that do not depend on points: cases at the normal
   * points (normal + high), high Σ cost ratio − m × high, low min(low, Σ cost ratio), special Σ cost (yuan);
   * 0 for a class without cases, so adding its term changes nothing
   */
  cellAtNormal: Int32Array;
  cellHighTerm: Float64Array;
  cellLowTerm: Float64Array;
  cellSpecialCost: Float64Array;
  /** the tally's figures that do not depend on points, as the general pass computes them (pass.ts) */
  cellCases: Float64Array;
  cellTotalCost: Float64Array;
  drgCases: Float64Array;
  drgTotalCost: Float64Array;
  /** per row (pool × H + hospital): class counts in CASE_CLASSES order, then costs and deductions in fen */
  rowCounts: Int32Array;
  rowGroupedCostFen: Float64Array;
  rowUngroupedCostFen: Float64Array;
  rowExcludedCostFen: Float64Array;
  rowDeductionFen: Float64Array;
  /** per run: patient pay of the excluded cases, cost of the ungrouped cases (fen) */
  runExcludedPatientPayFen: Float64Array;
  runUngroupedCostFen: Float64Array;
  /** the cases priced one by one, one list per group (CORE_HIGH …) */
  priced: PricedList[];
  /** bytes of the typed arrays above */
  bytes: number;
}

/** Whether `classification` holds the classes of a round with these rules (pass.ts checks `coreFits` first). */
export function classifies(classification: Classification | null, rules: PassRules): classification is Classification {
  return classification !== null && keyMatches(classification.key, rules);
}

/**
 * The cases of one group priced one by one: cell, run (row × 12 + month − 1) and the part of their §3 points
 * that depends on the cost alone, as `highCasePoints`, `lowCasePoints` and special review compute it
 * (points.ts): high cost ratio − m, low min(1, cost ratio), special cost ratio (cost ratio = cost ÷ benchmark
 * cost). Entries 0 … length − 1; the arrays grow and are reused by the next classification.
 */
class PricedList {
  cell: Int32Array;
  run: Int32Array;
  costTerm: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.cell = new Int32Array(capacity);
    this.run = new Int32Array(capacity);
    this.costTerm = new Float64Array(capacity);
  }

  /** Room for n more entries. */
  reserve(n: number): void {
    if (this.length + n <= this.cell.length) return;
    const grow = <T extends Int32Array | Float64Array>(from: T, to: T): T => (to.set(from.subarray(0, this.length)), to);
    const capacity = Math.max(2 * this.cell.length, this.length + n);
    this.cell = grow(this.cell, new Int32Array(capacity));
    this.run = grow(this.run, new Int32Array(capacity));
    this.costTerm = grow(this.costTerm, new Float64Array(capacity));
  }

  push(cell: number, run: number, costTerm: number): void {
    this.reserve(1);
    this.cell[this.length] = cell;
    this.run[this.length] = run;
    this.costTerm[this.length] = costTerm;
    this.length++;
  }
}

/**
 * The classification's arrays for a round: `previous`'s, emptied and keyed anew, when there is one (a
 * classification is replaced, never kept beside the next one), else new ones.
 */
function classificationFor(cases: PreparedCases, rules: PassRules, previous: Classification | null): Classification {
  if (previous === null) return allocateClassification(cases, rules);
  const c = previous;
  classesKeyOf(rules, c.key);
  // what is added to; the cells' terms are written for every grouped cell before they are read
  for (const sums of [c.cellCases, c.cellTotalCost, c.drgCases, c.drgTotalCost, c.rowCounts, c.rowUngroupedCostFen, c.rowExcludedCostFen, c.runExcludedPatientPayFen, c.runUngroupedCostFen]) sums.fill(0);
  for (const list of c.priced) list.length = 0;
  return c;
}

/** The classification's arrays, zero, with the round's key. */
function allocateClassification(cases: PreparedCases, rules: PassRules): Classification {
  const cells = cases.cellDrg.length;
  const rows = cases.rowCellStart.length - 1;
  const drgs = rules.drgs;
  return {
    key: classesKeyOf(rules),
    groupedCells: new Int32Array(cases.cellDrg.length),
    rowGroupedStart: new Int32Array(rows + 1),
    cellAtNormal: new Int32Array(cells),
    cellHighTerm: new Float64Array(cells),
    cellLowTerm: new Float64Array(cells),
    cellSpecialCost: new Float64Array(cells),
    cellCases: new Float64Array(cells),
    cellTotalCost: new Float64Array(cells),
    drgCases: new Float64Array(Math.floor(rows / cases.hospitalCount) * cases.drgCount),
    drgTotalCost: new Float64Array(Math.floor(rows / cases.hospitalCount) * cases.drgCount),
    rowCounts: new Int32Array(rows * CLASS_COUNT),
    rowGroupedCostFen: new Float64Array(rows),
    rowUngroupedCostFen: new Float64Array(rows),
    rowExcludedCostFen: new Float64Array(rows),
    rowDeductionFen: new Float64Array(rows),
    runExcludedPatientPayFen: new Float64Array(rows * MONTHS),
    runUngroupedCostFen: new Float64Array(rows * MONTHS),
    priced: Array.from({ length: GROUPS }, () => new PricedList(Math.max(16, cases.count >> 6))),
    bytes: 0,
  };
}

/** An ungrouped or 床日 cell (§2.1, §2.2): both its regions, case by case, to the row's counts and month sums. */
function classifyOtherCell(cases: PreparedCases, rules: PassRules, c: Classification, k: number, r: number, perDiem: boolean): void {
  const losMask = LOS, monthShift = SHIFT, monthMask = MONTH, months = MONTH_COUNT;
  const { word, costFen, patientPayFen, cellCoreStart, cellEdgeStart } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const counts = r * CLASS_COUNT;
  for (const [start, end] of [[cellCoreStart[k]!, cellCoreStart[k + 1]!], [cellEdgeStart[k]!, cellEdgeStart[k + 1]!]] as const) {
    for (let i = start; i < end; i++) {
      const w = word[i]!;
      const stay = w & losMask;
      const fen = costFen[i]!;
      const run = r * months + ((w >> monthShift) & monthMask);
      if (perDiem || stay <= excludeLosMax || stay >= excludeLosMin) {
        c.rowCounts[counts + EXCLUDED]!++;
        c.rowExcludedCostFen[r]! += fen;
        c.runExcludedPatientPayFen[run]! += patientPayFen[i]!;
      } else {
        c.rowCounts[counts + UNGROUPED]!++;
        c.rowUngroupedCostFen[r]! += fen;
        c.runUngroupedCostFen[run]! += fen;
      }
    }
  }
}

/**
 * The edge cases of grouped cell k (special review, or a LOS outside the core's): §2 one by one — excluded by
 * LOS, special, high, low, normal — to the cell's classes and the priced lists.
 */
function classifyEdgeCases(cases: PreparedCases, rules: PassRules, c: Classification, k: number, r: number, d: number, classes: CellSums, lists: PricedList[]): void {
  const losMask = LOS, monthShift = SHIFT, monthMask = MONTH, specialFlag = SPECIAL_FLAG, months = MONTH_COUNT;
  const { word, costFen, patientPayFen } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const highMin = rules.drgs.highCostFenMin[d]!;
  const lowMax = rules.drgs.lowCostFenMax[d]!;
  const benchmark = rules.drgs.benchmarkCost[d]!;
  const multiple = rules.drgs.highMultiple[d]!;
  const counts = r * CLASS_COUNT;
  for (let i = cases.cellEdgeStart[k]!; i < cases.cellEdgeStart[k + 1]!; i++) {
    const w = word[i]!;
    const stay = w & losMask;
    const fen = costFen[i]!;
    const run = r * months + ((w >> monthShift) & monthMask);
    if (stay <= excludeLosMax || stay >= excludeLosMin) {
      c.rowCounts[counts + EXCLUDED]!++; // §2.1
      c.rowExcludedCostFen[r]! += fen;
      c.runExcludedPatientPayFen[run]! += patientPayFen[i]!;
      continue;
    }
    classes.cases++;
    classes.costFen += fen;
    const costRatio = fen / 100 / benchmark;
    if (w >= specialFlag) {
      classes.special++; // §2.3
      classes.specialCostFen += fen;
      lists[EDGE_SPECIAL]!.push(k, run, costRatio);
    } else if (fen >= highMin) {
      classes.high++; // §2.4
      classes.highCostFen += fen;
      lists[EDGE_HIGH]!.push(k, run, costRatio - multiple);
    } else if (fen <= lowMax) {
      classes.low++; // §2.5
      classes.lowCostFen += fen;
      lists[EDGE_LOW]!.push(k, run, Math.min(1, costRatio));
    } else {
      lists[EDGE_NORMAL]!.push(k, run, 0);
    }
  }
}

/**
 * §2 for every case of a round whose LOS limits exclude no core case: a grouped cell's core by its two runs,
 * everything else case by case; each grouped cell's terms and tally figures, computed as pass.ts and
 * `pointsOfCounts` (points.ts) compute them. Deductions (§4.3) of paid cases by row.
 */
export function classifyCells(cases: PreparedCases, rules: PassRules, previous: Classification | null): Classification {
  const drgs = rules.drgs;
  const c = classificationFor(cases, rules, previous);
  const lists = c.priced;
  const grouped = c.groupedCells;
  let groupedCount = 0;
  const classes = new CellSums(); // its excluded fields stay unused: classifyEdgeCases counts excluded cases by row
  const { rowCellStart, cellDrg, cellCoreStart, cellEdgeStart, cellCoreCostFen, costFen, word } = cases;
  const { kind, highCostFenMin, lowCostFenMax, benchmarkCost, highMultiple } = drgs;
  const { cellAtNormal, cellHighTerm, cellLowTerm, cellSpecialCost, cellCases, cellTotalCost, drgCases, drgTotalCost, rowCounts } = c;
  const monthShift = SHIFT, monthMask = MONTH, months = MONTH_COUNT, grouped_ = GROUPED, perDiem = PER_DIEM, classCount = CLASS_COUNT;
  const coreHigh = lists[CORE_HIGH]!, coreLow = lists[CORE_LOW]!;
  for (let r = 0; r + 1 < rowCellStart.length; r++) {
    c.rowGroupedStart[r] = groupedCount;
    const drgOffset = Math.floor(r / cases.hospitalCount) * cases.drgCount;
    let normal = 0, high = 0, low = 0, special = 0, groupedCostFen = 0;
    for (let k = rowCellStart[r]!; k < rowCellStart[r + 1]!; k++) {
      const d = cellDrg[k]!;
      const drgKind = kind[d]!;
      if (drgKind !== grouped_) {
        classifyOtherCell(cases, rules, c, k, r, drgKind === perDiem);
        continue;
      }
      // the core: the high run at its end, then the low run at its start (§2: high first)
      const start = cellCoreStart[k]!;
      const coreEnd = cellCoreStart[k + 1]!;
      const highMin = highCostFenMin[d]!;
      const lowMax = lowCostFenMax[d]!;
      const benchmark = benchmarkCost[d]!;
      const multiple = highMultiple[d]!;
      let highStart = coreEnd;
      while (highStart > start && costFen[highStart - 1]! >= highMin) highStart--;
      let lowEnd = start;
      while (lowEnd < highStart && costFen[lowEnd]! <= lowMax) lowEnd++;
      let highCost = 0;
      if (highStart < coreEnd) {
        coreHigh.reserve(coreEnd - highStart);
        const { cell, run, costTerm } = coreHigh;
        let at = coreHigh.length;
        for (let i = highStart; i < coreEnd; i++, at++) {
          const fen = costFen[i]!;
          highCost += fen;
          cell[at] = k;
          run[at] = r * months + ((word[i]! >> monthShift) & monthMask);
          costTerm[at] = fen / 100 / benchmark - multiple;
        }
        coreHigh.length = at;
      }
      let lowCost = 0;
      if (start < lowEnd) {
        coreLow.reserve(lowEnd - start);
        const { cell, run, costTerm } = coreLow;
        let at = coreLow.length;
        for (let i = start; i < lowEnd; i++, at++) {
          const fen = costFen[i]!;
          lowCost += fen;
          cell[at] = k;
          run[at] = r * months + ((word[i]! >> monthShift) & monthMask);
          costTerm[at] = Math.min(1, fen / 100 / benchmark);
        }
        coreLow.length = at;
      }
      let count = coreEnd - start, costOfCell = cellCoreCostFen[k]!;
      let cellHigh = coreEnd - highStart, cellLow = lowEnd - start, cellSpecial = 0, specialCost = 0;
      if (cellEdgeStart[k]! < cellEdgeStart[k + 1]!) {
        classes.cases = count;
        classes.costFen = costOfCell;
        classes.high = cellHigh;
        classes.highCostFen = highCost;
        classes.low = cellLow;
        classes.lowCostFen = lowCost;
        classes.special = classes.specialCostFen = 0;
        classifyEdgeCases(cases, rules, c, k, r, d, classes, lists);
        count = classes.cases;
        costOfCell = classes.costFen;
        cellHigh = classes.high;
        highCost = classes.highCostFen;
        cellLow = classes.low;
        lowCost = classes.lowCostFen;
        cellSpecial = classes.special;
        specialCost = classes.specialCostFen;
      }
      if (count === 0) continue;
      normal += count - cellHigh - cellLow - cellSpecial;
      high += cellHigh;
      low += cellLow;
      special += cellSpecial;
      groupedCostFen += costOfCell;
      grouped[groupedCount++] = k;
      // the terms of pointsOfCounts (points.ts), computed as it computes them
      cellAtNormal[k] = count - cellLow - cellSpecial;
      cellHighTerm[k] = cellHigh > 0 ? highCost / 100 / benchmark - multiple * cellHigh : 0;
      cellLowTerm[k] = cellLow > 0 ? Math.min(cellLow, lowCost / 100 / benchmark) : 0;
      cellSpecialCost[k] = cellSpecial > 0 ? specialCost / 100 : 0;
      // the tally's figures as pass.ts adds them
      const cost = costOfCell / 100;
      cellCases[k] = count;
      cellTotalCost[k] = cost;
      drgCases[drgOffset + d]! += count;
      drgTotalCost[drgOffset + d]! += cost;
    }
    const counts = r * classCount;
    rowCounts[counts + NORMAL] = normal;
    rowCounts[counts + HIGH] = high;
    rowCounts[counts + LOW] = low;
    rowCounts[counts + SPECIAL] = special;
    c.rowGroupedCostFen[r] = groupedCostFen;
  }
  c.rowGroupedStart[rowCellStart.length - 1] = groupedCount;
  addDeductions(cases, rules, c);
  let bytes = 0;
  for (const value of [...Object.values(c), ...c.priced.flatMap((list) => Object.values(list))]) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  c.bytes = bytes;
  return c;
}

/** §4.3 deductions of paid cases: the core cases' sums prepared per row, the edge cases one by one. */
function addDeductions(cases: PreparedCases, rules: PassRules, c: Classification): void {
  c.rowDeductionFen.set(cases.rowCoreDeductionFen);
  const { deductionRow, deductionLos, deductionDrg, deductionFen } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const kind = rules.drgs.kind;
  for (let j = cases.edgeDeductionStart; j < deductionFen.length; j++) {
    const stay = deductionLos[j]!;
    if (stay <= excludeLosMax || stay >= excludeLosMin || kind[deductionDrg[j]!] === PER_DIEM) continue;
    c.rowDeductionFen[deductionRow[j]!]! += deductionFen[j]!;
  }
}

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
 * §3 points of row r's grouped cells from their terms — `pointsOfCounts` (points.ts) term by term, a class
 * without cases adding 0 — to the cell and the row, in cell order (the additions of pass.ts); and each cell's
 * normal points and coefficient for the month table.
 */
function priceRowCells(cases: PreparedCases, rules: PassRules, c: Classification, scratch: PriceScratch, r: number): void {
  const splitHigh = SPLIT_HIGH, splitLow = SPLIT_LOW;
  const { cellDrg } = cases;
  const { uniformPrice, basePoints, benchmarkCost, weight } = rules.drgs;
  const { normalParts, cellCoefficient } = scratch;
  const { groupedCells, cellAtNormal, cellHighTerm, cellLowTerm, cellSpecialCost, cellCases } = c;
  const { cellPoints } = scratch;
  const { highExtraRatio, highExtraTimesCoef, lowTimesCoef } = rules.points;
  const hospitalCoefficient = rules.hospitalCoefficients[r % cases.hospitalCount]!;
  const uniformCoefficient = rules.uniformCoefficient;
  let points = 0, weightSum = 0;
  for (let j = c.rowGroupedStart[r]!; j < c.rowGroupedStart[r + 1]!; j++) {
    const k = groupedCells[j]!;
    const d = cellDrg[k]!;
    const coefficient = uniformPrice[d] === 1 ? uniformCoefficient : hospitalCoefficient;
    const base = basePoints[d]!;
    const normalPoints = base * coefficient;
    const normalHigh = normalPoints + splitHigh - splitHigh;
    normalParts[2 * k] = normalHigh;
    normalParts[2 * k + 1] = normalPoints - normalHigh + splitLow - splitLow;
    cellCoefficient[k] = coefficient;
    const addOn = cellHighTerm[k]! * base * highExtraRatio;
    const atCost = base * cellLowTerm[k]!;
    let cellPointsK = cellAtNormal[k]! * base * coefficient;
    cellPointsK += highExtraTimesCoef ? addOn * coefficient : addOn;
    cellPointsK += lowTimesCoef ? atCost * coefficient : atCost;
    cellPointsK += (base * cellSpecialCost[k]!) / benchmarkCost[d]!;
    points += cellPointsK;
    weightSum += cellCases[k]! * weight[d]!;
    cellPoints[k] = cellPointsK;
  }
  scratch.rowPoints[r] = points;
  scratch.rowWeightSum[r] = weightSum;
}

/**
 * Points of the listed cases of group g to their months, in fixed-point parts: core cases as the difference
 * from the normal points already counted for them. The §3 formulas are those of points.ts (`highCasePoints`,
 * `lowCasePoints`, special review at cost), written out on the cost terms; the group's branch is the same for
 * every case of the loop.
 */
function addListedCases(c: Classification, cases: PreparedCases, rules: PassRules, scratch: PriceScratch, g: number, from: number, to: number): void {
  const splitHigh = SPLIT_HIGH, splitLow = SPLIT_LOW;
  const { cell, run, costTerm } = c.priced[g]!;
  const basePoints = rules.drgs.basePoints;
  const { highExtraRatio, highExtraTimesCoef, lowTimesCoef } = rules.points;
  const { normalParts, cellCoefficient, runPointsHigh, runPointsLow } = scratch;
  const cellDrg = cases.cellDrg;
  const high = g === CORE_HIGH || g === EDGE_HIGH;
  const low = g === CORE_LOW || g === EDGE_LOW;
  const special = g === EDGE_SPECIAL;
  const core = g === CORE_HIGH || g === CORE_LOW ? 1 : 0;
  for (let e = from; e < to; e++) {
    const k = cell[e]!;
    const base = basePoints[cellDrg[k]!]!;
    const coefficient = cellCoefficient[k]!;
    const term = costTerm[e]!;
    let points: number;
    if (high) {
      const addOn = term * base * highExtraRatio;
      points = base * coefficient + (highExtraTimesCoef ? addOn * coefficient : addOn);
    } else if (low) {
      const atCost = base * term;
      points = lowTimesCoef ? atCost * coefficient : atCost;
    } else if (special) {
      points = base * term; // no coefficient
    } else {
      points = base * coefficient; // an edge case at the normal points
    }
    const pointsHigh = points + splitHigh - splitHigh;
    const at = run[e]!;
    runPointsHigh[at]! += pointsHigh - core * normalParts[2 * k]!;
    runPointsLow[at]! += points - pointsHigh + splitLow - splitLow - core * normalParts[2 * k + 1]!;
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
