/**
 * Prepared columns (layout.ts): encode → decode gives the same prepared data set, which settles to the same
 * result as the raw data; malformed buffers are refused with a reason.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPreparedEngine, prepareData, settle, toContractResult, type PreparedData } from '@/worker/settlement';
import { syntheticCity, syntheticRound } from '@/worker/settlement/testing/synthetic';
import { decodePreparedData } from './decode';
import { encodePreparedData } from './encode';
import { gunzipColumns } from './gunzip';
import { FORMAT_VERSION, HEADER_OFFSET, PREPARED_ARRAYS, PREPARED_NUMBERS, type PreparedHeader } from './layout';

function expectSamePrepared(actual: PreparedData, expected: PreparedData): void {
  expect(actual.hospitals).toEqual(expected.hospitals);
  expect(actual.catalog).toEqual(expected.catalog);
  for (const name of PREPARED_NUMBERS) expect(actual.cases[name], name).toBe(expected.cases[name]);
  for (const name of Object.keys(PREPARED_ARRAYS) as (keyof typeof PREPARED_ARRAYS)[]) {
    const got = actual.cases[name];
    const want = expected.cases[name];
    expect(got.constructor, name).toBe(want.constructor);
    expect(Array.from(got), name).toEqual(Array.from(want));
  }
}

/** The encoded bytes with their JSON header changed by `edit` (the arrays moved to stay aligned). */
function withHeader(prepared: PreparedData, edit: (header: PreparedHeader) => void): Uint8Array {
  const bytes = encodePreparedData(prepared);
  const view = new DataView(bytes.buffer);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER_OFFSET, HEADER_OFFSET + view.getUint32(8, true)))) as PreparedHeader;
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const oldStart = Math.ceil((HEADER_OFFSET + view.getUint32(8, true)) / 8) * 8;
  const newStart = Math.ceil((HEADER_OFFSET + json.byteLength) / 8) * 8;
  const out = new Uint8Array(newStart + bytes.byteLength - oldStart);
  out.set(bytes.subarray(0, HEADER_OFFSET));
  new DataView(out.buffer).setUint32(8, json.byteLength, true);
  out.set(json, HEADER_OFFSET);
  out.set(bytes.subarray(oldStart), newStart);
  return out;
}

describe('prepared columns', () => {
  const data = syntheticCity({ seed: 5, hospitals: 40, drgs: 90, cases: 3001 });
  // names with characters outside ASCII and nulls in optional fields survive the JSON header
  data.hospitals[0] = { ...data.hospitals[0]!, name: '市第一人民医院', district: '城关区', type: null, coefficient: 1.05, evaluationScore: null };
  const prepared = prepareData(data);

  it('encode → decode gives the same hospitals, catalog, numbers and every prepared array, of the same kind', () => {
    expectSamePrepared(decodePreparedData(encodePreparedData(prepared)), prepared);
  });

  it('keeps Float64 fen columns when a cost does not fit 32 bits', () => {
    const costly = structuredClone(data);
    costly.cases.totalCost[7] = 30_000_000; // 3 × 10⁹ fen
    const wide = prepareData(costly);
    expect(wide.cases.costFen).toBeInstanceOf(Float64Array);
    expectSamePrepared(decodePreparedData(encodePreparedData(wide)), wide);
  });

  it('decodes from a buffer that does not start aligned (arrays are copied then)', () => {
    const bytes = encodePreparedData(prepared);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expectSamePrepared(decodePreparedData(shifted.subarray(3)), prepared);
  });

  it('an empty data set round-trips', () => {
    const empty = prepareData(syntheticCity({ seed: 1, hospitals: 2, drgs: 3, cases: 0 }));
    expectSamePrepared(decodePreparedData(encodePreparedData(empty)), empty);
  });

  it('the decoded data set settles to the same result.json as the raw data, round after round', () => {
    const round = syntheticRound(data);
    const engine = createPreparedEngine(decodePreparedData(encodePreparedData(prepared)));
    const want = JSON.stringify(toContractResult(settle(data, round)));
    expect(JSON.stringify(toContractResult(engine.settle(round)))).toBe(want);
    const edited = { ...round, level_coefficients: { ...round.level_coefficients, 2: 0.87 } };
    expect(JSON.stringify(toContractResult(engine.settle(edited)))).toBe(JSON.stringify(toContractResult(settle(data, edited))));
  });

  it('refuses a bad magic, another version and a truncated buffer', () => {
    const bytes = encodePreparedData(prepared);
    const renamed = bytes.slice();
    renamed[3] = 'X'.charCodeAt(0);
    expect(() => decodePreparedData(renamed)).toThrow(/prepared columns: bad magic "DRGX"/);
    const versioned = bytes.slice();
    new DataView(versioned.buffer).setUint32(4, FORMAT_VERSION + 1, true);
    expect(() => decodePreparedData(versioned)).toThrow(`version ${FORMAT_VERSION + 1}, expected ${FORMAT_VERSION}`);
    expect(() => decodePreparedData(bytes.subarray(0, bytes.byteLength - 8))).toThrow(/bytes, expected/);
    expect(() => decodePreparedData(bytes.subarray(0, 10))).toThrow(/too short/);
  });

  it('refuses arrays missing, of a kind they cannot have, or of a length that does not fit the data set', () => {
    expect(() => decodePreparedData(withHeader(prepared, (h) => void h.arrays.pop()))).toThrow(`prepared columns: ${Object.keys(PREPARED_ARRAYS).length - 1} arrays, expected rowCellStart`);
    expect(() =>
      decodePreparedData(
        withHeader(prepared, (h) => {
          const entry = h.arrays.find((a) => a.name === 'word')!;
          entry.kind = 'i32';
        }),
      ),
    ).toThrow(/word of kind i32, expected u16/);
    expect(() =>
      decodePreparedData(
        withHeader(prepared, (h) => {
          h.numbers.count += 1;
        }),
      ),
    ).toThrow(/word has 3001 values, expected 3002/);
    expect(() => decodePreparedData(withHeader(prepared, (h) => void h.hospitals.pop()))).toThrow(/39 hospitals, hospitalCount 40/);
  });

  it('gunzips what the server sends (gzipSync, as the columns route) back to the same bytes', async () => {
    const bytes = encodePreparedData(prepared);
    const gzipped = gzipSync(bytes, { level: 6 });
    const back = await gunzipColumns(gzipped.buffer.slice(gzipped.byteOffset, gzipped.byteOffset + gzipped.byteLength));
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    expectSamePrepared(decodePreparedData(back), prepared);
  });

  it('refuses a cut gzip file, and bytes that are not gzip, with a reason', async () => {
    const gzipped = gzipSync(encodePreparedData(prepared));
    const cut = gzipped.subarray(0, gzipped.byteLength >> 1);
    await expect(gunzipColumns(cut.buffer.slice(cut.byteOffset, cut.byteOffset + cut.byteLength))).rejects.toThrow(/prepared columns: not a whole gzip file/);
    await expect(gunzipColumns(new TextEncoder().encode('DRGP, not gzip').buffer)).rejects.toThrow(/not a whole gzip file/);
  });
});
