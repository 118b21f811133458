/**
 * Decodes prepared columns (layout.ts) into the engine's `PreparedData`. Arrays are views into `bytes` when
 * the buffer is aligned (the usual case: a fresh ArrayBuffer), copies otherwise. Throws on a malformed
 * buffer: the bytes come from our own server, so a bad one is a bug, not user input; the checks keep it
 * from reaching the engine's loops as out-of-range reads.
 */
import type { PreparedData } from '../settlement';
import { MONTHS, type PreparedCases } from '../settlement/kernel/prepare';
import { POOLS } from '../settlement/types';
import { ELEMENT_BYTES, FORMAT_VERSION, HEADER_OFFSET, MAGIC, PREPARED_ARRAYS, PREPARED_NUMBERS, arrayOffsets, isLittleEndian, type ArrayEntry, type ArrayKind, type PreparedHeader, type TypedColumn } from './layout';

const fail = (reason: string): never => {
  throw new Error(`prepared columns: ${reason}`);
};

function arrayAt(bytes: Uint8Array, kind: ArrayKind, offset: number, length: number): TypedColumn {
  const start = bytes.byteOffset + offset;
  const aligned = start % ELEMENT_BYTES[kind] === 0;
  const buffer = aligned ? bytes.buffer : bytes.slice(offset, offset + length * ELEMENT_BYTES[kind]).buffer;
  const at = aligned ? start : 0;
  if (kind === 'f64') return new Float64Array(buffer, at, length);
  if (kind === 'i32') return new Int32Array(buffer, at, length);
  if (kind === 'u32') return new Uint32Array(buffer, at, length);
  return new Uint16Array(buffer, at, length);
}

function readHeader(bytes: Uint8Array): PreparedHeader {
  if (bytes.byteLength < HEADER_OFFSET) fail('too short');
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MAGIC) fail(`bad magic ${JSON.stringify(magic)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) fail(`version ${version}, expected ${FORMAT_VERSION}`);
  const headerBytes = view.getUint32(8, true);
  if (bytes.byteLength < HEADER_OFFSET + headerBytes) fail(`${bytes.byteLength} bytes, shorter than the header`);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_OFFSET, HEADER_OFFSET + headerBytes))) as PreparedHeader;
}

/** The arrays' entries, checked against the prepared cases' shape: every array once, of a kind it may have and a length that fits. */
function checkedArrays(header: PreparedHeader): ArrayEntry[] {
  const { numbers, arrays } = header;
  for (const name of PREPARED_NUMBERS) if (!Number.isInteger(numbers?.[name]) || numbers[name] < 0) fail(`${name} is not a count`);
  if (header.hospitals.length !== numbers.hospitalCount) fail(`${header.hospitals.length} hospitals, hospitalCount ${numbers.hospitalCount}`);
  if (header.catalog.length !== numbers.drgCount) fail(`${header.catalog.length} DRGs, drgCount ${numbers.drgCount}`);
  const byName = new Map(arrays.map((entry) => [entry.name, entry]));
  const names = Object.keys(PREPARED_ARRAYS) as (keyof typeof PREPARED_ARRAYS)[];
  if (byName.size !== arrays.length || arrays.length !== names.length) fail(`${arrays.length} arrays, expected ${names.join(', ')}`);
  const length = (name: keyof typeof PREPARED_ARRAYS): number => byName.get(name)?.length ?? fail(`no array ${name}`);
  for (const name of names) {
    const entry = byName.get(name)!;
    if (!(PREPARED_ARRAYS[name] as readonly string[]).includes(entry.kind)) fail(`${name} of kind ${entry.kind}, expected ${PREPARED_ARRAYS[name].join(' or ')}`);
    if (!Number.isInteger(entry.length) || entry.length < 0) fail(`${name}: bad length ${entry.length}`);
  }
  const rows = POOLS.length * numbers.hospitalCount;
  const cells = length('cellDrg');
  const deductions = length('deductionRow');
  const expected: Partial<Record<keyof typeof PREPARED_ARRAYS, number>> = {
    rowCellStart: rows + 1,
    cellCoreStart: cells + 1,
    cellEdgeStart: cells + 1,
    cellCoreCostFen: cells,
    runMonthCountStart: rows * MONTHS + 1,
    word: numbers.count,
    costFen: numbers.count,
    patientPayFen: numbers.count,
    runPatientPayFen: rows * MONTHS,
    rowCoreDeductionFen: rows,
    deductionLos: deductions,
    deductionDrg: deductions,
    deductionFen: deductions,
  };
  for (const [name, want] of Object.entries(expected)) {
    const got = length(name as keyof typeof PREPARED_ARRAYS);
    if (got !== want) fail(`${name} has ${got} values, expected ${want}`);
  }
  return arrays;
}

export function decodePreparedData(bytes: Uint8Array): PreparedData {
  if (!isLittleEndian()) fail('they need a little-endian platform');
  const header = readHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const arrays = checkedArrays(header);
  const { offsets, byteLength } = arrayOffsets(arrays, view.getUint32(8, true));
  if (bytes.byteLength < byteLength) fail(`${bytes.byteLength} bytes, expected ${byteLength}`);
  const cases = { ...header.numbers } as Record<string, number | TypedColumn>;
  arrays.forEach((entry, k) => {
    cases[entry.name] = arrayAt(bytes, entry.kind, offsets[k]!, entry.length);
  });
  return { hospitals: header.hospitals, catalog: header.catalog, cases: cases as unknown as PreparedCases };
}
