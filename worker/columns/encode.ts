/** Encodes a data set's `SettlementData` as binary columns (layout.ts, version 1). */
import type { SettlementData } from '../settlement/types';
import { FORMAT_VERSION, HEADER_OFFSET, MAGIC, SECTIONS, isLittleEndian, sectionOffsets } from './layout';

export function encodeSettlementData(data: SettlementData): Uint8Array {
  if (!isLittleEndian()) throw new Error('binary columns need a little-endian platform');
  const header = new TextEncoder().encode(JSON.stringify({ hospitals: data.hospitals, catalog: data.catalog }));
  const count = data.cases.count;
  const { offsets, byteLength } = sectionOffsets(count, header.byteLength);
  const bytes = new Uint8Array(byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, header.byteLength, true);
  bytes.set(header, HEADER_OFFSET);
  SECTIONS.forEach((section, k) => {
    const column = data.cases[section.name];
    if (column.length < count) throw new Error(`column ${section.name} has ${column.length} values for ${count} cases`);
    const source = new Uint8Array(column.buffer, column.byteOffset, count * column.BYTES_PER_ELEMENT);
    bytes.set(source, offsets[k]!);
  });
  return bytes;
}
