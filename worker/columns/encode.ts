/** Encodes a prepared data set as prepared columns (layout.ts, version 1). */
import type { PreparedData } from '../settlement';
import { FORMAT_VERSION, HEADER_OFFSET, MAGIC, PREPARED_ARRAYS, PREPARED_NUMBERS, arrayOffsets, isLittleEndian, kindOf, type ArrayEntry, type PreparedHeader } from './layout';

export function encodePreparedData(prepared: PreparedData): Uint8Array {
  if (!isLittleEndian()) throw new Error('prepared columns need a little-endian platform');
  const { cases } = prepared;
  const names = Object.keys(PREPARED_ARRAYS) as (keyof typeof PREPARED_ARRAYS)[];
  const arrays: ArrayEntry[] = names.map((name) => ({ name, kind: kindOf(cases[name]), length: cases[name].length }));
  const numbers = Object.fromEntries(PREPARED_NUMBERS.map((name) => [name, cases[name]])) as PreparedHeader['numbers'];
  const header: PreparedHeader = { hospitals: prepared.hospitals, catalog: prepared.catalog, numbers, arrays };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const { offsets, byteLength } = arrayOffsets(arrays, json.byteLength);
  const bytes = new Uint8Array(byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, json.byteLength, true);
  bytes.set(json, HEADER_OFFSET);
  names.forEach((name, k) => {
    const column = cases[name];
    bytes.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), offsets[k]!);
  });
  return bytes;
}
