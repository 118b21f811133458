/**
 * A data set's prepared columns: what the server sends the browser workers (gzip-compressed, once per data
 * set version). The server prepares the cases once (worker/settlement/kernel/prepare.ts: sorted into cells, costs in
 * fen, month counts …); a worker decodes them and settles, with no preparation of its own. Version 1,
 * little-endian:
 *
 *   offset 0   magic "DRGP" (4 bytes)
 *          4   version (u32)
 *          8   header length L in bytes (u32)
 *         12   0 (u32)
 *         16   header: UTF-8 JSON `PreparedHeader`: the hospitals, the catalog, the prepared cases' numbers,
 *              and each typed array's name, element kind and length, in file order
 *   then each array, starting at a multiple of 8 (zero padding between).
 *
 * Arrays are aligned to their element size, so decoding makes views into the received buffer (no copy)
 * whenever the buffer itself starts aligned. ≈ 13 bytes per case at 1 M cases (the raw case columns were 33).
 */
import type { PreparedCases } from '../settlement/kernel/prepare';
import type { DrgEntry, Hospital } from '../settlement/types';

export const MAGIC = 'DRGP';
export const FORMAT_VERSION = 1;
export const HEADER_OFFSET = 16;
export const ALIGNMENT = 8;

export type ArrayKind = 'f64' | 'i32' | 'u32' | 'u16';
export type TypedColumn = Float64Array | Int32Array | Uint32Array | Uint16Array;

type ArrayName = { [K in keyof PreparedCases]: PreparedCases[K] extends TypedColumn ? K : never }[keyof PreparedCases];
type NumberName = { [K in keyof PreparedCases]: PreparedCases[K] extends number ? K : never }[keyof PreparedCases];

/** Every typed array of the prepared cases and the element kinds it may have (the first is the usual one). */
export const PREPARED_ARRAYS = {
  rowCellStart: ['i32'],
  cellDrg: ['u16'],
  cellCoreStart: ['i32'],
  cellEdgeStart: ['i32'],
  cellCoreCostFen: ['f64'],
  runMonthCountStart: ['i32'],
  monthCounts: ['u32'],
  word: ['u16'],
  costFen: ['i32', 'f64'],
  patientPayFen: ['i32', 'f64'],
  runPatientPayFen: ['f64'],
  rowCoreDeductionFen: ['f64'],
  deductionRow: ['i32'],
  deductionLos: ['u16'],
  deductionDrg: ['u16'],
  deductionFen: ['f64'],
} as const satisfies Record<ArrayName, readonly ArrayKind[]>;

/** The prepared cases' numbers (counts and offsets). */
export const PREPARED_NUMBERS = ['count', 'hospitalCount', 'drgCount', 'edgeDeductionStart'] as const satisfies readonly NumberName[];

export interface ArrayEntry {
  name: string;
  kind: ArrayKind;
  length: number;
}

export interface PreparedHeader {
  hospitals: Hospital[];
  catalog: DrgEntry[];
  numbers: Record<(typeof PREPARED_NUMBERS)[number], number>;
  arrays: ArrayEntry[];
}

export const ELEMENT_BYTES: Readonly<Record<ArrayKind, number>> = { f64: 8, i32: 4, u32: 4, u16: 2 };

export function kindOf(column: TypedColumn): ArrayKind {
  if (column instanceof Float64Array) return 'f64';
  if (column instanceof Int32Array) return 'i32';
  if (column instanceof Uint32Array) return 'u32';
  return 'u16';
}

export function alignUp(offset: number): number {
  return Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
}

/** Byte offsets of the arrays after a header of `headerBytes`, and the total length. */
export function arrayOffsets(arrays: readonly ArrayEntry[], headerBytes: number): { offsets: number[]; byteLength: number } {
  let offset = alignUp(HEADER_OFFSET + headerBytes);
  const offsets: number[] = [];
  for (const entry of arrays) {
    offsets.push(offset);
    offset = alignUp(offset + entry.length * ELEMENT_BYTES[entry.kind]);
  }
  return { offsets, byteLength: offset };
}

/** Typed arrays are in platform byte order; the format is little-endian (every platform we run on). */
export function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
