/**
 * Cases prepared for settling many rounds (once per data set, like decoding). The cases are sorted by
 * (pool, hospital, DRG): every hospital × pool × DRG "cell" is one stretch of cases, so a round reads each
 * DRG's rules once per cell. A cell's *core* cases — no special review and a LOS inside `CORE_LOS` — come in
 * exact cost order in the core region (all cells' core cases, cell after cell); its *edge* cases (special
 * review, or a LOS near or beyond the usual exclusion limits) in the edge region after it, again cell after
 * cell. A round whose LOS limits exclude no core case (`coreFits` in pass.ts) classifies a cell's core by its
 * two cost thresholds alone: the low cases are a run at its start, the high cases a run at its end, and the
 * normal ones need no per-case work at all — their points per month come from the core month counts
 * (`monthCounts`, counted here once). Only outliers and the (few, contiguous) edge cases are read case by
 * case. A round with other LOS limits reads every case (the pass's general path): same results, slower.
 *
 * Per case the pass may read 6 bytes: the cost in fen and one 16-bit word with LOS, month and special review;
 * patient pay (4 bytes) only for a case the round excludes. Patient payments are summed per hospital × pool ×
 * month here, once; a round only takes out those of the cases it excludes. Deductions (rare) are kept aside.
 * The order of cases carries no meaning (SETTLEMENT.md §4.4): sorting changes no result.
 *
 * A cost is `fen / 100`, exactly the yuan value read from a file with at most two decimals; digits below the
 * fen are rounded away (half away from zero). LOS is capped at 2047 days (only a LOS limit above 2047 would
 * see the difference).
 */
import { fenOf } from '../money/rounding';
import { NO_DRG, POOLS, type CaseColumns, type SettlementData } from '../types';

export const MONTHS = 12;
const INT32_LIMIT = 2 ** 31 - 1;
const RADIX_BITS = 10;
/** bits of the approximate cost order of the sort key (log₂ of the cost and 7 bits below it, when they fit) */
const COST_BITS = 12;
/** a core month count is one 32-bit entry: the cell's index in its row in the high 16 bits, the count below */
export const MONTH_COUNT_SHIFT = 16;
export const MONTH_COUNT_MASK = 0xffff;

/**
 * LOS of core cases: a round with exclude_los_max < 3 and exclude_los_min > 30 (the §2 defaults 2 and 60
 * among them) excludes none of them. ~90 % of cases have a LOS of 3–30 days; the rest are edge cases.
 */
export const CORE_LOS = { min: 3, max: 30 } as const;

/** The 16-bit case word: LOS in bits 0–10 (capped at 2047 days), month − 1 in bits 11–14, special review in bit 15. */
export const LOS_MASK = 0x7ff;
export const MONTH_SHIFT = 11;
export const MONTH_MASK = 0xf;
export const SPECIAL_BIT = 0x8000;

export function caseWord(los: number, month: number, specialReview: number): number {
  return Math.min(los, LOS_MASK) | ((month - 1) << MONTH_SHIFT) | (specialReview === 1 ? SPECIAL_BIT : 0);
}

export interface PreparedCases {
  count: number;
  hospitalCount: number;
  drgCount: number;
  /** row = pool × H + hospital; its cells are k = rowCellStart[row] … rowCellStart[row + 1] − 1 */
  rowCellStart: Int32Array;
  /** DRG of cell k: catalog index, or drgCount for cases with an empty or unknown code */
  cellDrg: Uint16Array;
  /** core cases of cell k, in cost order: cellCoreStart[k] … cellCoreStart[k + 1] − 1 */
  cellCoreStart: Int32Array;
  /** edge cases of cell k: cellEdgeStart[k] … cellEdgeStart[k + 1] − 1 (after all core cases) */
  cellEdgeStart: Int32Array;
  /** Σ cost (fen) of the core cases of cell k */
  cellCoreCostFen: Float64Array;
  /**
   * core cases per cell and month, month by month: the entries of run (row × 12 + month − 1) are
   * monthCounts[runMonthCountStart[run] … runMonthCountStart[run + 1] − 1], each
   * `(k − rowCellStart[row]) << MONTH_COUNT_SHIFT | count`
   */
  runMonthCountStart: Int32Array;
  monthCounts: Uint32Array;
  /** `caseWord`: LOS, month, special review */
  word: Uint16Array;
  costFen: Int32Array | Float64Array;
  patientPayFen: Int32Array | Float64Array;
  /** Σ patient_pay (fen) of all cases of run row × 12 + month − 1 */
  runPatientPayFen: Float64Array;
  /**
   * 审核扣减: per row, Σ deductions (fen) of its core cases outside 床日 DRGs — paid whenever the round's LOS
   * limits exclude no core case — and the list of all cases with a deduction (core cases first, then edge
   * cases from `edgeDeductionStart`): row, LOS, DRG (catalog index or drgCount) and fen.
   */
  rowCoreDeductionFen: Float64Array;
  edgeDeductionStart: number;
  deductionRow: Int32Array;
  deductionLos: Uint16Array;
  deductionDrg: Uint16Array;
  deductionFen: Float64Array;
}

function checkCase(cases: CaseColumns, i: number, hospitalCount: number, drgCount: number): void {
  const month = cases.month[i]!;
  const drg = cases.drg[i]!;
  if (cases.hospital[i]! >= hospitalCount) throw new Error(`case ${i}: hospital index ${cases.hospital[i]} out of range`);
  if (cases.pool[i]! >= POOLS.length) throw new Error(`case ${i}: pool ${cases.pool[i]} out of range`);
  if (month < 1 || month > MONTHS) throw new Error(`case ${i}: month ${month} out of range`);
  if (drg !== NO_DRG && drg >= drgCount) throw new Error(`case ${i}: DRG index ${drg} out of range`);
}

/** Whole fen of a yuan column: Int32 when every value fits (the usual case), else Float64. */
function fenColumnOf(yuan: Float64Array, count: number): Int32Array | Float64Array {
  let fits = true;
  for (let i = 0; i < count && fits; i++) fits = Math.abs(yuan[i]!) * 100 < INT32_LIMIT;
  const fen = fits ? new Int32Array(count) : new Float64Array(count);
  for (let i = 0; i < count; i++) fen[i] = fenOf(yuan[i]!);
  return fen;
}

/** Bits needed for values 0 … max. */
function bitsFor(max: number): number {
  return max > 0 ? 32 - Math.clz32(max) : 0;
}

/** A core case (see the header): no special review and CORE_LOS.min ≤ LOS ≤ CORE_LOS.max. */
export function isCoreCase(los: number, specialReview: number): boolean {
  return specialReview !== 1 && los >= CORE_LOS.min && los <= CORE_LOS.max;
}

/**
 * Approximate cost order in `bits` bits: the bits of the cost as a float32 from the exponent of 1 fen down,
 * capped. Costs that differ by more than a few % get different values; the sort finishes exactly per cell.
 */
function approximateCost(fen: number, bits: number, float: Float32Array, floatBits: Uint32Array): number {
  if (bits === 0 || !(fen >= 1)) return 0;
  const mantissaBits = Math.max(0, bits - 5);
  float[0] = fen;
  const value = (floatBits[0]! >>> (23 - mantissaBits)) - ((127 << mantissaBits) - 1);
  return Math.min((1 << bits) - 1, bits >= 5 ? value : value >>> (5 - bits));
}

/**
 * Sort keys: 1 for an edge case in the top bit, then the cell (row × (D + 1) + DRG), then an approximate cost
 * in the low bits (as many as fit in 31 bits). Returns the keys and the number of key bits.
 */
function sortKeys(data: SettlementData, costFen: Int32Array | Float64Array): { keys: Int32Array; cellShift: number; cellBits: number; bits: number } {
  const { cases, hospitals, catalog } = data;
  const drgSlots = catalog.length + 1;
  const cellBits = bitsFor(POOLS.length * hospitals.length * drgSlots - 1);
  if (cellBits > 30) throw new Error(`too many hospitals × DRGs to prepare (${cellBits} bits)`);
  const costBits = Math.min(COST_BITS, 30 - cellBits);
  const keys = new Int32Array(cases.count);
  const float = new Float32Array(1);
  const floatBits = new Uint32Array(float.buffer);
  for (let i = 0; i < cases.count; i++) {
    checkCase(cases, i, hospitals.length, catalog.length);
    const drg = cases.drg[i]!;
    const cell = (cases.pool[i]! * hospitals.length + cases.hospital[i]!) * drgSlots + (drg === NO_DRG ? catalog.length : drg);
    const edge = isCoreCase(cases.los[i]!, cases.specialReview[i]!) ? 0 : 1;
    keys[i] = (((edge << cellBits) | cell) << costBits) | approximateCost(costFen[i]!, costBits, float, floatBits);
  }
  return { keys, cellShift: costBits, cellBits, bits: cellBits + 1 + costBits };
}

/** Case indices in key order: LSD radix sort, keys carried along so every pass reads sequentially. */
function radixOrder(keys: Int32Array, bits: number): { order: Uint32Array; sortedKeys: Int32Array } {
  const count = keys.length;
  let order = Uint32Array.from({ length: count }, (_, i) => i);
  let sortedKeys = keys.slice();
  let spareOrder = new Uint32Array(count);
  let spareKeys = new Int32Array(count);
  const mask = (1 << RADIX_BITS) - 1;
  const start = new Int32Array(mask + 2);
  for (let shift = 0; shift < bits; shift += RADIX_BITS) {
    start.fill(0);
    for (let j = 0; j < count; j++) start[((sortedKeys[j]! >>> shift) & mask) + 1]!++;
    for (let b = 0; b <= mask; b++) start[b + 1]! += start[b]!;
    for (let j = 0; j < count; j++) {
      const key = sortedKeys[j]!;
      const to = start[(key >>> shift) & mask]!++;
      spareOrder[to] = order[j]!;
      spareKeys[to] = key;
    }
    [order, spareOrder] = [spareOrder, order];
    [sortedKeys, spareKeys] = [spareKeys, sortedKeys];
  }
  return { order, sortedKeys };
}

/**
 * Cells and their case boundaries in the sorted cases (core region, then edge region: see the header), and
 * the cell of every sorted case.
 */
function cellBoundaries(sortedKeys: Int32Array, cellShift: number, cellBits: number, rows: number, drgSlots: number) {
  const count = sortedKeys.length;
  const cellMask = 2 ** cellBits - 1;
  const cellOf = (j: number) => (sortedKeys[j]! >>> cellShift) & cellMask;
  let coreCount = 0;
  while (coreCount < count && sortedKeys[coreCount]! >>> (cellShift + cellBits) === 0) coreCount++;
  const rowCellStart = new Int32Array(rows + 1);
  const cellId: number[] = [];
  const cellCoreStart: number[] = [];
  const cellEdgeStart: number[] = [];
  const caseCell = new Int32Array(count);
  // merge the two regions' runs of cells, in cell order
  for (let core = 0, edge = coreCount; core < coreCount || edge < count; ) {
    const cell = Math.min(core < coreCount ? cellOf(core) : Infinity, edge < count ? cellOf(edge) : Infinity);
    const k = cellId.length;
    cellId.push(cell);
    cellCoreStart.push(core);
    cellEdgeStart.push(edge);
    for (; core < coreCount && cellOf(core) === cell; core++) caseCell[core] = k;
    for (; edge < count && cellOf(edge) === cell; edge++) caseCell[edge] = k;
    rowCellStart[Math.floor(cell / drgSlots) + 1]!++;
  }
  cellCoreStart.push(coreCount);
  cellEdgeStart.push(count);
  for (let r = 0; r < rows; r++) rowCellStart[r + 1]! += rowCellStart[r]!;
  return {
    rowCellStart,
    cellDrg: Uint16Array.from(cellId, (cell) => cell % drgSlots),
    cellCoreStart: Int32Array.from(cellCoreStart),
    cellEdgeStart: Int32Array.from(cellEdgeStart),
    caseCell,
  };
}

/** Exact cost order of each cell's core cases (the radix sort left them nearly sorted): insertion sort. */
function sortCoreByCost(costFen: Int32Array | Float64Array, order: Uint32Array, cellCoreStart: Int32Array): void {
  for (let k = 0; k + 1 < cellCoreStart.length; k++) {
    const start = cellCoreStart[k]!;
    for (let j = start + 1; j < cellCoreStart[k + 1]!; j++) {
      const cost = costFen[j]!;
      if (costFen[j - 1]! <= cost) continue;
      const index = order[j]!;
      let to = j;
      for (; to > start && costFen[to - 1]! > cost; to--) {
        costFen[to] = costFen[to - 1]!;
        order[to] = order[to - 1]!;
      }
      costFen[to] = cost;
      order[to] = index;
    }
  }
}

/** Σ cost of each cell's core cases. */
function coreCosts(costFen: Int32Array | Float64Array, cellCoreStart: Int32Array): Float64Array {
  const sums = new Float64Array(cellCoreStart.length - 1);
  for (let k = 0; k < sums.length; k++) {
    let cost = 0;
    for (let j = cellCoreStart[k]!; j < cellCoreStart[k + 1]!; j++) cost += costFen[j]!;
    sums[k] = cost;
  }
  return sums;
}

/** The core month counts of every cell, by row and month (see `PreparedCases.monthCounts`). */
function coreMonthCounts(word: Uint16Array, rowCellStart: Int32Array, cellCoreStart: Int32Array) {
  const rows = rowCellStart.length - 1;
  const runMonthCountStart = new Int32Array(rows * MONTHS + 1);
  const entries: number[] = [];
  const perCell = new Int32Array(MONTHS * (MONTH_COUNT_MASK + 1));
  for (let row = 0; row < rows; row++) {
    const first = rowCellStart[row]!;
    const cells = rowCellStart[row + 1]! - first;
    perCell.fill(0, 0, cells * MONTHS);
    for (let c = 0; c < cells; c++) {
      for (let j = cellCoreStart[first + c]!; j < cellCoreStart[first + c + 1]!; j++) perCell[((word[j]! >> MONTH_SHIFT) & MONTH_MASK) * cells + c]!++;
    }
    for (let t = 0; t < MONTHS; t++) {
      for (let c = 0; c < cells; c++) {
        for (let left = perCell[t * cells + c]!; left > 0; left -= MONTH_COUNT_MASK) {
          entries.push(c * (MONTH_COUNT_MASK + 1) + Math.min(left, MONTH_COUNT_MASK));
        }
      }
      runMonthCountStart[row * MONTHS + t + 1] = entries.length;
    }
  }
  return { runMonthCountStart, monthCounts: Uint32Array.from(entries) };
}

function gather<T extends Uint16Array | Int32Array | Float64Array>(column: T, order: Uint32Array, out: T): T {
  for (let j = 0; j < order.length; j++) out[j] = column[order[j]!]!;
  return out;
}

function caseWords(cases: CaseColumns): Uint16Array {
  const words = new Uint16Array(cases.count);
  for (let i = 0; i < cases.count; i++) words[i] = caseWord(cases.los[i]!, cases.month[i]!, cases.specialReview[i]!);
  return words;
}

function runPatientPay(cases: CaseColumns, hospitalCount: number, patientPayFen: Int32Array | Float64Array): Float64Array {
  const sums = new Float64Array(POOLS.length * hospitalCount * MONTHS);
  for (let i = 0; i < cases.count; i++) {
    sums[(cases.pool[i]! * hospitalCount + cases.hospital[i]!) * MONTHS + cases.month[i]! - 1]! += patientPayFen[i]!;
  }
  return sums;
}

/** The deductions of the sorted cases (see `PreparedCases.rowCoreDeductionFen`). */
function deductionsOf(data: SettlementData, order: Uint32Array, caseCell: Int32Array, bounds: { rowCellStart: Int32Array; cellDrg: Uint16Array; cellCoreStart: Int32Array }) {
  const { cases, catalog } = data;
  const coreCount = bounds.cellCoreStart[bounds.cellCoreStart.length - 1]!;
  const cellRow = new Int32Array(bounds.cellDrg.length);
  for (let r = 0; r + 1 < bounds.rowCellStart.length; r++) cellRow.fill(r, bounds.rowCellStart[r]!, bounds.rowCellStart[r + 1]!);
  const rowCoreDeductionFen = new Float64Array(bounds.rowCellStart.length - 1);
  const found: number[] = [];
  let edgeDeductionStart = -1;
  for (let j = 0; j < order.length; j++) {
    if (j === coreCount) edgeDeductionStart = found.length;
    const fen = fenOf(cases.deduction[order[j]!]!);
    if (fen === 0) continue;
    found.push(j);
    const drg = bounds.cellDrg[caseCell[j]!]!;
    if (j < coreCount && !catalog[drg]?.perDiem) rowCoreDeductionFen[cellRow[caseCell[j]!]!]! += fen;
  }
  return {
    rowCoreDeductionFen,
    edgeDeductionStart: edgeDeductionStart < 0 ? found.length : edgeDeductionStart,
    deductionRow: Int32Array.from(found, (j) => cellRow[caseCell[j]!]!),
    deductionLos: Uint16Array.from(found, (j) => Math.min(cases.los[order[j]!]!, LOS_MASK)),
    deductionDrg: Uint16Array.from(found, (j) => bounds.cellDrg[caseCell[j]!]!),
    deductionFen: Float64Array.from(found, (j) => fenOf(cases.deduction[order[j]!]!)),
  };
}

/** Sorted, fen-valued copy of the cases of `data` (`data` is left as it is). */
export function prepareCases(data: SettlementData): PreparedCases {
  const { cases, catalog, hospitals } = data;
  const count = cases.count;
  const costFen = fenColumnOf(cases.totalCost, count);
  const patientPayFen = fenColumnOf(cases.patientPay, count);
  const { keys, cellShift, cellBits, bits } = sortKeys(data, costFen);
  const { order, sortedKeys } = radixOrder(keys, bits);
  const { caseCell, ...bounds } = cellBoundaries(sortedKeys, cellShift, cellBits, POOLS.length * hospitals.length, catalog.length + 1);
  const sortedCostFen = gather(costFen, order, costFen instanceof Int32Array ? new Int32Array(count) : new Float64Array(count));
  sortCoreByCost(sortedCostFen, order, bounds.cellCoreStart);
  const word = gather(caseWords(cases), order, new Uint16Array(count));
  return {
    count,
    hospitalCount: hospitals.length,
    drgCount: catalog.length,
    ...bounds,
    cellCoreCostFen: coreCosts(sortedCostFen, bounds.cellCoreStart),
    ...coreMonthCounts(word, bounds.rowCellStart, bounds.cellCoreStart),
    word,
    costFen: sortedCostFen,
    patientPayFen: gather(patientPayFen, order, patientPayFen instanceof Int32Array ? new Int32Array(count) : new Float64Array(count)),
    runPatientPayFen: runPatientPay(cases, hospitals.length, patientPayFen),
    ...deductionsOf(data, order, caseCell, bounds),
  };
}

/** Bytes held by the prepared cases (every typed array): what an engine keeps per data set. */
export function preparedBytes(cases: PreparedCases): number {
  let bytes = 0;
  for (const value of Object.values(cases)) if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  return bytes;
}
