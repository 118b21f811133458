import { describe, expect, it } from 'vitest';
import { roundParamsSchema, resolveRound, type RoundParams } from '@/worker/settlement/round';
import { ALL_FAMILIES, changedFamilies, FAMILIES, FAMILY_KEYS, familyOfKey, mixedRound } from './families';

const shapeKeys = Object.keys(roundParamsSchema.shape);

describe('lever families (ANALYSIS.md §A.1)', () => {
  it('every §6 key belongs to exactly one family', () => {
    expect(shapeKeys.length).toBeGreaterThan(20);
    for (const key of shapeKeys) expect(FAMILIES).toContain(familyOfKey(key as keyof RoundParams));
    const all = FAMILIES.flatMap((family) => FAMILY_KEYS[family]);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...shapeKeys].sort());
  });
});

describe('mixed rounds (§A.2)', () => {
  const from: RoundParams = { method: 'points', budget: { employee: 100, resident: 50 }, weights: { A: 2 }, low_multiple: 0.3 };
  const to: RoundParams = { method: 'rate', rate: { employee: 9000 }, budget: { employee: 120 }, level_coefficients: { '2': 0.9 } };

  it('∅ is `from`, all is `to`', () => {
    expect(mixedRound(from, to, 0)).toEqual(from);
    expect(resolveRound(mixedRound(from, to, ALL_FAMILIES))).toEqual(resolveRound(to));
  });

  it('takes a family’s keys whole from `to`, a key `to` leaves out at its default, maps never merged', () => {
    const rates = mixedRound(from, to, 0b10);
    expect(rates).toEqual({ method: 'rate', rate: { employee: 9000 }, budget: { employee: 120 }, weights: { A: 2 }, low_multiple: 0.3 });
    expect(resolveRound(rates).budget.resident).toBe(0);
    const weights = mixedRound(from, to, 0b1);
    expect(weights.weights).toBeUndefined();
    expect(weights.low_multiple).toBe(0.3);
  });

  it('changedFamilies: the families whose keys differ', () => {
    expect(changedFamilies(from, to)).toBe(0b1111);
    expect(changedFamilies(from, { ...from, budget: { resident: 50, employee: 100 } })).toBe(0);
    expect(changedFamilies(from, { ...from, surplus_cap: 0.1 })).toBe(0b10000);
  });
});
