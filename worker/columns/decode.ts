/**
 * Decodes binary columns (layout.ts) into `SettlementData`. Column arrays are views into `bytes` when the
 * buffer is aligned (the usual case: a fresh ArrayBuffer), copies otherwise. Throws on a malformed buffer:
 * the bytes come from our own server, so a bad one is a bug, not user input.
 */
import type { CaseColumns, DrgEntry, Hospital, SettlementData } from '../settlement/types';
import { ELEMENT_BYTES, FORMAT_VERSION, HEADER_OFFSET, MAGIC, SECTIONS, isLittleEndian, sectionOffsets } from './layout';

type Column = Float64Array | Uint16Array | Uint8Array;

function columnAt(bytes: Uint8Array, kind: 'f64' | 'u16' | 'u8', offset: number, count: number): Column {
  const start = bytes.byteOffset + offset;
  const aligned = start % ELEMENT_BYTES[kind] === 0;
  const buffer = aligned ? bytes.buffer : bytes.slice(offset, offset + count * ELEMENT_BYTES[kind]).buffer;
  const at = aligned ? start : 0;
  if (kind === 'f64') return new Float64Array(buffer, at, count);
  if (kind === 'u16') return new Uint16Array(buffer, at, count);
  return new Uint8Array(buffer, at, count);
}

function readHeader(bytes: Uint8Array): { version: number; count: number; headerBytes: number } {
  if (bytes.byteLength < HEADER_OFFSET) throw new Error('binary columns: too short');
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MAGIC) throw new Error(`binary columns: bad magic ${JSON.stringify(magic)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { version: view.getUint32(4, true), count: view.getUint32(8, true), headerBytes: view.getUint32(12, true) };
}

export function decodeSettlementData(bytes: Uint8Array): SettlementData {
  if (!isLittleEndian()) throw new Error('binary columns need a little-endian platform');
  const { version, count, headerBytes } = readHeader(bytes);
  if (version !== FORMAT_VERSION) throw new Error(`binary columns: version ${version}, expected ${FORMAT_VERSION}`);
  const { offsets, byteLength } = sectionOffsets(count, headerBytes);
  if (bytes.byteLength < byteLength) throw new Error(`binary columns: ${bytes.byteLength} bytes, expected ${byteLength}`);
  const json = new TextDecoder().decode(bytes.subarray(HEADER_OFFSET, HEADER_OFFSET + headerBytes));
  const header = JSON.parse(json) as { hospitals: Hospital[]; catalog: DrgEntry[] };
  const cases = { count } as CaseColumns;
  const target = cases as unknown as Record<string, Column>;
  SECTIONS.forEach((section, k) => {
    target[section.name] = columnAt(bytes, section.kind, offsets[k]!, count);
  });
  return { hospitals: header.hospitals, catalog: header.catalog, cases };
}
