/**
 * A round's case classes (SETTLEMENT.md §2), kept between rounds. Which class a case falls in depends only on
 * the DRG kinds, the cost thresholds and the LOS limits of a round — not on weights' points, base points,
 * coefficients, rates, budgets or any money rule. A negotiation mostly changes those: one classification then
 * serves round after round, and each round only prices it (classified-price.ts: §3 points and the month table).
 *
 * `classifyCells` (when the DRG kinds, thresholds or LOS limits change) keeps per cell its class counts and
 * cost terms (rules/points.ts), per row and month what does not depend on points (class counts, excluded
 * patient pay, ungrouped cost, deductions), and the list of the cases priced one by one — outliers,
 * special-review and edge cases — grouped by how they are priced, each with its cost term.
 *
 * Used only when the round's LOS limits exclude no core case (`coreFits` in pass.ts): a cell's core cases are
 * classified by their cost alone (core-runs.ts), every other case by `caseClassOf` (rules/classes.ts).
 */
import { caseClassOf, CASE_CLASSES, isExcluded, DRG_GROUPED, EXCLUDED, HIGH, LOW, NORMAL, SPECIAL, UNGROUPED } from '../rules/classes';
import { cellHighTerm, cellLowTerm, cellSpecialCost, costRatioOf, highCostTerm, lowCostTerm } from '../rules/points';
import type { PassRules } from '../rules/round-rules';
import { highRunStart, lowRunEnd } from './core-runs';
import { addPaidDeductions } from './deductions';
import { CellSums } from './pass-sums';
import { LOS_MASK, MONTH_MASK, MONTH_SHIFT, MONTHS, SPECIAL_BIT, type PreparedCases } from './prepare';

/** module-local copies of the constants the loops read; the rule functions are bound to locals on entry (see pass.ts) */
const LOS = LOS_MASK, SHIFT = MONTH_SHIFT, MONTH = MONTH_MASK, SPECIAL_FLAG = SPECIAL_BIT, MONTH_COUNT = MONTHS;
const GROUPED = DRG_GROUPED;
const CLASS_COUNT = CASE_CLASSES.length;
const EXCLUDED_CLASS = EXCLUDED, HIGH_CLASS = HIGH, LOW_CLASS = LOW, SPECIAL_CLASS = SPECIAL;

/**
 * How the listed cases are priced, in list order: core cases add the difference from the normal points the
 * month counts already gave them; edge cases add their whole points.
 */
export const CORE_HIGH = 0;
export const CORE_LOW = 1;
export const EDGE_HIGH = 2;
export const EDGE_LOW = 3;
export const EDGE_SPECIAL = 4;
export const EDGE_NORMAL = 5;
export const GROUPS = 6;

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
 * that depends on the cost alone, `highCostTerm`, `lowCostTerm` or the cost ratio (rules/points.ts). Entries 0 … length − 1; the arrays grow and are reused by the next classification.
 */
export class PricedList {
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
function classifyOtherCell(cases: PreparedCases, rules: PassRules, c: Classification, k: number, r: number, drgKind: number): void {
  const losMask = LOS, monthShift = SHIFT, monthMask = MONTH, months = MONTH_COUNT;
  const { word, costFen, patientPayFen, cellCoreStart, cellEdgeStart } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const excluded = isExcluded;
  const counts = r * CLASS_COUNT;
  for (const [start, end] of [[cellCoreStart[k]!, cellCoreStart[k + 1]!], [cellEdgeStart[k]!, cellEdgeStart[k + 1]!]] as const) {
    for (let i = start; i < end; i++) {
      const w = word[i]!;
      const fen = costFen[i]!;
      const run = r * months + ((w >> monthShift) & monthMask);
      if (excluded(drgKind, w & losMask, excludeLosMax, excludeLosMin)) {
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
 * The edge cases of grouped cell k (special review, or a LOS outside the core's): §2 one by one, to the cell's
 * classes and the priced lists with their cost terms.
 */
function classifyEdgeCases(cases: PreparedCases, rules: PassRules, c: Classification, k: number, r: number, d: number, classes: CellSums, lists: PricedList[]): void {
  const losMask = LOS, monthShift = SHIFT, monthMask = MONTH, specialFlag = SPECIAL_FLAG, months = MONTH_COUNT, grouped = GROUPED;
  const excludedClass = EXCLUDED_CLASS, highClass = HIGH_CLASS, lowClass = LOW_CLASS, specialClass = SPECIAL_CLASS;
  const { word, costFen, patientPayFen } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const highMin = rules.drgs.highCostFenMin[d]!;
  const lowMax = rules.drgs.lowCostFenMax[d]!;
  const benchmark = rules.drgs.benchmarkCost[d]!;
  const multiple = rules.drgs.highMultiple[d]!;
  const counts = r * CLASS_COUNT;
  const classOf = caseClassOf, ratioOf = costRatioOf, highTermOf = highCostTerm, lowTermOf = lowCostTerm;
  for (let i = cases.cellEdgeStart[k]!; i < cases.cellEdgeStart[k + 1]!; i++) {
    const w = word[i]!;
    const fen = costFen[i]!;
    const run = r * months + ((w >> monthShift) & monthMask);
    const caseClass = classOf(grouped, w & losMask, excludeLosMax, excludeLosMin, w >= specialFlag, fen >= highMin, fen <= lowMax);
    if (caseClass === excludedClass) {
      c.rowCounts[counts + EXCLUDED]!++;
      c.rowExcludedCostFen[r]! += fen;
      c.runExcludedPatientPayFen[run]! += patientPayFen[i]!;
      continue;
    }
    classes.cases++;
    classes.costFen += fen;
    const costRatio = ratioOf(fen, benchmark);
    if (caseClass === specialClass) {
      classes.special++;
      classes.specialCostFen += fen;
      lists[EDGE_SPECIAL]!.push(k, run, costRatio);
    } else if (caseClass === highClass) {
      classes.high++;
      classes.highCostFen += fen;
      lists[EDGE_HIGH]!.push(k, run, highTermOf(costRatio, multiple));
    } else if (caseClass === lowClass) {
      classes.low++;
      classes.lowCostFen += fen;
      lists[EDGE_LOW]!.push(k, run, lowTermOf(costRatio));
    } else {
      lists[EDGE_NORMAL]!.push(k, run, 0);
    }
  }
}

/**
 * The core's run [from, to) of cell k (row r) to a priced list, each case with its cost term (`high`: cost
 * ratio − m, else the capped cost ratio). Returns Σ cost (fen) of the run.
 */
function listCoreRun(cases: PreparedCases, list: PricedList, k: number, r: number, from: number, to: number, high: boolean, benchmark: number, multiple: number): number {
  const monthShift = SHIFT, monthMask = MONTH, months = MONTH_COUNT;
  const { costFen, word } = cases;
  const ratioOf = costRatioOf, highTermOf = highCostTerm, lowTermOf = lowCostTerm;
  list.reserve(to - from);
  const { cell, run, costTerm } = list;
  let at = list.length;
  let cost = 0;
  for (let i = from; i < to; i++, at++) {
    const fen = costFen[i]!;
    const ratio = ratioOf(fen, benchmark);
    cost += fen;
    cell[at] = k;
    run[at] = r * months + ((word[i]! >> monthShift) & monthMask);
    costTerm[at] = high ? highTermOf(ratio, multiple) : lowTermOf(ratio);
  }
  list.length = at;
  return cost;
}

/**
 * §2 for every case of a round whose LOS limits exclude no core case: a grouped cell's core by its two runs,
 * everything else case by case; each grouped cell's terms (rules/points.ts) and tally figures, as pass.ts
 * computes them. Deductions (§4.3) of paid cases by row.
 */
export function classifyCells(cases: PreparedCases, rules: PassRules, previous: Classification | null): Classification {
  const c = classificationFor(cases, rules, previous);
  const lists = c.priced;
  const grouped = c.groupedCells;
  let groupedCount = 0;
  const classes = new CellSums(); // its excluded fields stay unused: classifyEdgeCases counts excluded cases by row
  const { rowCellStart, cellDrg, cellCoreStart, cellEdgeStart, cellCoreCostFen, costFen } = cases;
  const { kind, highCostFenMin, lowCostFenMax, benchmarkCost, highMultiple } = rules.drgs;
  const { cellAtNormal, cellHighTerm: highTerms, cellLowTerm: lowTerms, cellSpecialCost: specialCosts, cellCases, cellTotalCost, drgCases, drgTotalCost, rowCounts } = c;
  const groupedKind = GROUPED, classCount = CLASS_COUNT;
  const coreHigh = lists[CORE_HIGH]!, coreLow = lists[CORE_LOW]!;
  const highRun = highRunStart, lowRun = lowRunEnd;
  for (let r = 0; r + 1 < rowCellStart.length; r++) {
    c.rowGroupedStart[r] = groupedCount;
    const drgOffset = Math.floor(r / cases.hospitalCount) * cases.drgCount;
    let normal = 0, high = 0, low = 0, special = 0, groupedCostFen = 0;
    for (let k = rowCellStart[r]!; k < rowCellStart[r + 1]!; k++) {
      const d = cellDrg[k]!;
      const drgKind = kind[d]!;
      if (drgKind !== groupedKind) {
        classifyOtherCell(cases, rules, c, k, r, drgKind);
        continue;
      }
      // the core: the high run at its end, then the low run at its start (§2: high first)
      const start = cellCoreStart[k]!;
      const coreEnd = cellCoreStart[k + 1]!;
      const benchmark = benchmarkCost[d]!;
      const multiple = highMultiple[d]!;
      const highStart = highRun(costFen, start, coreEnd, highCostFenMin[d]!);
      const lowEnd = lowRun(costFen, start, highStart, lowCostFenMax[d]!);
      let highCost = highStart < coreEnd ? listCoreRun(cases, coreHigh, k, r, highStart, coreEnd, true, benchmark, multiple) : 0;
      let lowCost = start < lowEnd ? listCoreRun(cases, coreLow, k, r, start, lowEnd, false, benchmark, multiple) : 0;
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
      cellAtNormal[k] = count - cellLow - cellSpecial;
      highTerms[k] = cellHighTerm(cellHigh, highCost, benchmark, multiple);
      lowTerms[k] = cellLowTerm(cellLow, lowCost, benchmark);
      specialCosts[k] = cellSpecialCost(cellSpecial, specialCost);
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
  addPaidDeductions(cases, rules, c.rowDeductionFen, true);
  let bytes = 0;
  for (const value of [...Object.values(c), ...c.priced.flatMap((list) => Object.values(list))]) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  c.bytes = bytes;
  return c;
}
