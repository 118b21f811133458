/**
 * Binary columns of a data set (what the server sends the browser worker, gzip-compressed per data set
 * version). Version 1, little-endian:
 *
 *   offset 0   magic "DRGC" (4 bytes)
 *          4   version (u32)
 *          8   case count n (u32)
 *         12   header length L in bytes (u32)
 *         16   header: UTF-8 JSON `{ "hospitals": Hospital[], "catalog": DrgEntry[] }`
 *   then, each starting at a multiple of 8 (zero padding between):
 *     totalCost, patientPay, deduction   Float64 × n
 *     hospital, drg, los                 Uint16 × n
 *     month, pool, specialReview         Uint8 × n
 *
 * Sections are aligned to their element size, so decoding makes views into the received buffer
 * (no copy) whenever the buffer itself starts aligned. 33 bytes per case plus padding.
 */
import type { CaseColumns } from '../settlement/types';

export const MAGIC = 'DRGC';
export const FORMAT_VERSION = 1;
export const HEADER_OFFSET = 16;
export const ALIGNMENT = 8;

export type ColumnName = Exclude<keyof CaseColumns, 'count'>;
type ArrayKind = 'f64' | 'u16' | 'u8';

/** The column sections in file order, widest elements first. */
export const SECTIONS: readonly { name: ColumnName; kind: ArrayKind }[] = [
  { name: 'totalCost', kind: 'f64' },
  { name: 'patientPay', kind: 'f64' },
  { name: 'deduction', kind: 'f64' },
  { name: 'hospital', kind: 'u16' },
  { name: 'drg', kind: 'u16' },
  { name: 'los', kind: 'u16' },
  { name: 'month', kind: 'u8' },
  { name: 'pool', kind: 'u8' },
  { name: 'specialReview', kind: 'u8' },
];

export const ELEMENT_BYTES: Readonly<Record<ArrayKind, number>> = { f64: 8, u16: 2, u8: 1 };

export function alignUp(offset: number): number {
  return Math.ceil(offset / ALIGNMENT) * ALIGNMENT;
}

/** Byte offsets of the sections for n cases after a header of `headerBytes`, and the total length. */
export function sectionOffsets(count: number, headerBytes: number): { offsets: number[]; byteLength: number } {
  let offset = alignUp(HEADER_OFFSET + headerBytes);
  const offsets: number[] = [];
  for (const section of SECTIONS) {
    offsets.push(offset);
    offset = alignUp(offset + count * ELEMENT_BYTES[section.kind]);
  }
  return { offsets, byteLength: offset };
}

/** Typed arrays are in platform byte order; the format is little-endian (every platform we run on). */
export function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
