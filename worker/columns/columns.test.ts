/** Binary columns (layout.ts): encode → decode gives the same data set; malformed buffers are refused. */
import { describe, expect, it } from 'vitest';
import { settle, toContractResult } from '@/worker/settlement';
import { syntheticCity, syntheticRound } from '@/worker/settlement/testing/synthetic';
import type { SettlementData } from '@/worker/settlement/types';
import { decodeSettlementData } from './decode';
import { encodeSettlementData } from './encode';
import { FORMAT_VERSION, SECTIONS } from './layout';

function expectSameData(actual: SettlementData, expected: SettlementData): void {
  expect(actual.hospitals).toEqual(expected.hospitals);
  expect(actual.catalog).toEqual(expected.catalog);
  expect(actual.cases.count).toBe(expected.cases.count);
  for (const { name } of SECTIONS) {
    const got = actual.cases[name];
    const want = expected.cases[name];
    expect(got.constructor).toBe(want.constructor);
    expect(got.length).toBe(expected.cases.count);
    expect(Array.from(got)).toEqual(Array.from(want.subarray(0, expected.cases.count)));
  }
}

describe('binary columns', () => {
  const data = syntheticCity({ seed: 5, hospitals: 40, drgs: 90, cases: 3001 });
  // names with characters outside ASCII and nulls in optional fields survive the JSON header
  data.hospitals[0] = { ...data.hospitals[0]!, name: '市第一人民医院', district: '城关区', type: null, coefficient: 1.05, evaluationScore: null };

  it('encode → decode gives identical hospitals, catalog and every case column', () => {
    expectSameData(decodeSettlementData(encodeSettlementData(data)), data);
  });

  it('decodes from a buffer that does not start aligned (columns are copied then)', () => {
    const bytes = encodeSettlementData(data);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expectSameData(decodeSettlementData(shifted.subarray(3)), data);
  });

  it('an empty data set round-trips', () => {
    const empty = syntheticCity({ seed: 1, hospitals: 2, drgs: 3, cases: 0 });
    expectSameData(decodeSettlementData(encodeSettlementData(empty)), empty);
  });

  it('the decoded data settles to the same result.json', () => {
    const round = syntheticRound(data);
    const decoded = decodeSettlementData(encodeSettlementData(data));
    expect(JSON.stringify(toContractResult(settle(decoded, round)))).toBe(JSON.stringify(toContractResult(settle(data, round))));
  });

  it('refuses a bad magic', () => {
    const bytes = encodeSettlementData(data);
    bytes[0] = 'X'.charCodeAt(0);
    expect(() => decodeSettlementData(bytes)).toThrow(/bad magic "XRGC"/);
  });

  it('refuses another version', () => {
    const bytes = encodeSettlementData(data);
    new DataView(bytes.buffer).setUint32(4, FORMAT_VERSION + 1, true);
    expect(() => decodeSettlementData(bytes)).toThrow(`version ${FORMAT_VERSION + 1}, expected ${FORMAT_VERSION}`);
  });

  it('refuses a truncated buffer', () => {
    const bytes = encodeSettlementData(data);
    expect(() => decodeSettlementData(bytes.subarray(0, bytes.byteLength - 8))).toThrow(/bytes, expected/);
    expect(() => decodeSettlementData(bytes.subarray(0, 10))).toThrow(/too short/);
  });

  it('refuses to encode a column shorter than the case count', () => {
    const broken = { ...data, cases: { ...data.cases, los: new Uint16Array(10) } };
    expect(() => encodeSettlementData(broken)).toThrow(/column los has 10 values for 3001 cases/);
  });
});
