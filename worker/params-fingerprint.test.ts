import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, paramsFingerprint } from './params-fingerprint';
import { sha256Hex } from './sha256';

describe('parameters fingerprint', () => {
  it('hashes as SHA-256 does, across block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('does not depend on the order keys were written in', () => {
    const a = { method: 'points', budget: { employee: 1, resident: 2 }, weights: { A01: 1.2 } };
    const b = { weights: { A01: 1.2 }, budget: { resident: 2, employee: 1 }, method: 'points' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(paramsFingerprint(a)).toBe(paramsFingerprint(b));
    expect(paramsFingerprint(a)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('changes with any parameter', () => {
    const a = { method: 'points', budget: { employee: 1, resident: 2 } };
    expect(paramsFingerprint({ ...a, budget: { employee: 1, resident: 3 } })).not.toBe(paramsFingerprint(a));
  });
});
