import { describe, expect, it } from 'vitest';
import { weightRows } from './weight-rows';

const catalog = [
  { code: 'FM19', weight: 3.4, benchmarkCost: 41000, uniformPrice: false },
  { code: 'OR19', weight: 0.8, benchmarkCost: 6000, uniformPrice: true },
  { code: 'GB11', weight: 1.1, benchmarkCost: 15000, uniformPrice: false },
];

describe('weight table rows', () => {
  it('show the round overrides as the effective values, keeping the catalog entry', () => {
    const params = { method: 'points', weights: { FM19: 3.6 }, benchmark_costs: { GB11: 16000 }, uniform_price_drgs: ['GB11'] };
    const [fm19, or19, gb11] = weightRows(catalog, params);
    expect(fm19).toMatchObject({ drg: catalog[0], weight: 3.6, weightOverride: 3.6, benchmarkCost: 41000, uniformPrice: false });
    expect(or19).toMatchObject({ weight: 0.8, weightOverride: undefined, uniformPrice: true, uniformInRound: false });
    expect(gb11).toMatchObject({ benchmarkCost: 16000, benchmarkOverride: 16000, uniformPrice: true, uniformInRound: true });
    expect(fm19?.drg).toBe(catalog[0]);
  });

  it('without overrides the catalog applies', () => {
    expect(weightRows(catalog, { method: 'points' }).map((r) => r.weight)).toEqual([3.4, 0.8, 1.1]);
  });
});
