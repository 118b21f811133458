/**
 * Cases prepared for settling many rounds (once per data set, like decoding). The cases are sorted by
 * (pool, hospital, DRG) and, within that, roughly by cost: every hospital × pool × DRG "cell" is one stretch
 * of cases, so a round's pass reads each DRG's rules once per cell, keeps the cell's sums in registers, and
 * meets the low / normal / high cases of a cell mostly in cost order (branches that predict well). The pass
 * reads 6 bytes per case: the cost in fen and one 16-bit word with LOS, month and special review. Patient
 * payments are summed per hospital × pool × month here, once; a round only takes out those of the cases it
 * excludes. Deductions (rare) are kept aside. The order of cases carries no meaning (SETTLEMENT.md §4.4):
 * sorting changes no result.
 *
 * A cost is `fen / 100`, exactly the yuan value read from a file with at most two decimals; digits below the
 * fen are rounded away (half away from zero). LOS is capped at 2047 days (only a LOS limit above 2047 would
 * see the difference).
 */
import { fenOf } from './rounding';
import { NO_DRG, POOLS, type CaseColumns, type SettlementData } from './types';

export const MONTHS = 12;
const INT32_LIMIT = 2 ** 31 - 1;
const RADIX_BITS = 10;
/** bits of the approximate cost order inside a cell (a float32's exponent and top 3 mantissa bits) */
const COST_BITS = 11;

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
  /** cases of cell k: cellCaseStart[k] … cellCaseStart[k + 1] − 1 */
  cellCaseStart: Int32Array;
  /** `caseWord`: LOS, month, special review */
  word: Uint16Array;
  costFen: Int32Array | Float64Array;
  patientPayFen: Int32Array | Float64Array;
  /** Σ patient_pay (fen) of all cases of run row × 12 + month − 1 */
  runPatientPayFen: Float64Array;
  /** the cases with an audit deduction: prepared index, cell and fen */
  deductionCase: Int32Array;
  deductionCell: Int32Array;
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

/**
 * Sort keys: the cell (row × (D + 1) + DRG) in the high bits and an approximate cost in the low bits (as
 * many as fit in 31 bits). Returns the keys and the number of key bits.
 */
function sortKeys(data: SettlementData, costFen: Int32Array | Float64Array): { keys: Int32Array; cellShift: number; bits: number } {
  const { cases, hospitals, catalog } = data;
  const drgSlots = catalog.length + 1;
  const cellBits = bitsFor(POOLS.length * hospitals.length * drgSlots - 1);
  if (cellBits > 31) throw new Error(`too many hospitals × DRGs to prepare (${cellBits} bits)`);
  const costBits = Math.min(COST_BITS, 31 - cellBits);
  const keys = new Int32Array(cases.count);
  const float = new Float32Array(1);
  const floatBits = new Uint32Array(float.buffer);
  for (let i = 0; i < cases.count; i++) {
    checkCase(cases, i, hospitals.length, catalog.length);
    const drg = cases.drg[i]!;
    const cell = (cases.pool[i]! * hospitals.length + cases.hospital[i]!) * drgSlots + (drg === NO_DRG ? catalog.length : drg);
    float[0] = Math.max(0, costFen[i]!);
    // a non-negative float32's bits rise with its value: the top bits order costs to within ~10 %
    keys[i] = (cell << costBits) | (costBits > 0 ? floatBits[0]! >>> (31 - costBits) : 0);
  }
  return { keys, cellShift: costBits, bits: cellBits + costBits };
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

/** Row → cell and cell → case boundaries of the sorted cases. */
function cellBoundaries(sortedKeys: Int32Array, cellShift: number, rows: number, drgSlots: number) {
  const rowCellStart = new Int32Array(rows + 1);
  const cellDrg: number[] = [];
  const cellCaseStart: number[] = [];
  let previous = -1;
  for (let j = 0; j < sortedKeys.length; j++) {
    const cell = sortedKeys[j]! >>> cellShift;
    if (cell === previous) continue;
    previous = cell;
    rowCellStart[Math.floor(cell / drgSlots) + 1]!++;
    cellDrg.push(cell % drgSlots);
    cellCaseStart.push(j);
  }
  cellCaseStart.push(sortedKeys.length);
  for (let r = 0; r < rows; r++) rowCellStart[r + 1]! += rowCellStart[r]!;
  return { rowCellStart, cellDrg: Uint16Array.from(cellDrg), cellCaseStart: Int32Array.from(cellCaseStart) };
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

/** The sparse list of deductions: prepared case index, its cell, fen. */
function deductionsOf(cases: CaseColumns, order: Uint32Array, cellCaseStart: Int32Array) {
  const found: number[] = [];
  const position = new Int32Array(cases.count);
  for (let j = 0; j < order.length; j++) position[order[j]!] = j;
  for (let i = 0; i < cases.count; i++) {
    const fen = fenOf(cases.deduction[i]!);
    if (fen !== 0) found.push(position[i]!, fen);
  }
  const n = found.length / 2;
  const deductionCase = Int32Array.from({ length: n }, (_, k) => found[2 * k]!).sort();
  const fenAt = new Map<number, number>();
  for (let k = 0; k < n; k++) fenAt.set(found[2 * k]!, found[2 * k + 1]!);
  const deductionCell = new Int32Array(n);
  let cell = 0;
  deductionCase.forEach((j, k) => {
    while (cellCaseStart[cell + 1]! <= j) cell++;
    deductionCell[k] = cell;
  });
  return { deductionCase, deductionCell, deductionFen: Float64Array.from(deductionCase, (j) => fenAt.get(j)!) };
}

/** Sorted, fen-valued copy of the cases of `data` (`data` is left as it is). */
export function prepareCases(data: SettlementData): PreparedCases {
  const { cases, catalog, hospitals } = data;
  const count = cases.count;
  const costFen = fenColumnOf(cases.totalCost, count);
  const patientPayFen = fenColumnOf(cases.patientPay, count);
  const { keys, cellShift, bits } = sortKeys(data, costFen);
  const { order, sortedKeys } = radixOrder(keys, bits);
  const bounds = cellBoundaries(sortedKeys, cellShift, POOLS.length * hospitals.length, catalog.length + 1);
  return {
    count,
    hospitalCount: hospitals.length,
    drgCount: catalog.length,
    ...bounds,
    word: gather(caseWords(cases), order, new Uint16Array(count)),
    costFen: gather(costFen, order, costFen instanceof Int32Array ? new Int32Array(count) : new Float64Array(count)),
    patientPayFen: gather(patientPayFen, order, patientPayFen instanceof Int32Array ? new Int32Array(count) : new Float64Array(count)),
    runPatientPayFen: runPatientPay(cases, hospitals.length, patientPayFen),
    ...deductionsOf(cases, order, bounds.cellCaseStart),
  };
}
