import { describe, expect, it } from 'vitest';
import { applyBulkWeights, roundWeight, setWeightOverride, type WeightedDrg } from './weight-edits';

const drgs: WeightedDrg[] = [
  { code: 'FM19', catalogWeight: 3.4 },
  { code: 'FR13', catalogWeight: 1.2345 },
  { code: 'GB11', catalogWeight: 0.5 },
  { code: 'XX99', catalogWeight: null },
];

describe('weight rounding', () => {
  it('rounds to 4 decimals, half away from zero, despite float noise', () => {
    expect(roundWeight(1.00005)).toBe(1.0001);
    expect(roundWeight(1.23456 * 1.05)).toBe(1.2963);
    expect(roundWeight(0.1 + 0.2)).toBe(0.3);
    expect(roundWeight(-1.00005)).toBe(-1.0001);
    expect(roundWeight(2)).toBe(2);
  });
});

describe('single weight override', () => {
  it('stores a changed weight rounded to 4 decimals', () => {
    expect(setWeightOverride(undefined, drgs[0]!, 3.456789)).toEqual({ FM19: 3.4568 });
  });

  it('a weight equal to the catalog removes the override', () => {
    expect(setWeightOverride({ FM19: 3.6, GB11: 0.6 }, drgs[0]!, 3.4)).toEqual({ GB11: 0.6 });
  });

  it('a blank removes the override', () => {
    expect(setWeightOverride({ FM19: 3.6 }, drgs[0]!, null)).toEqual({});
  });
});

describe('bulk weight edit of the filtered DRGs', () => {
  it('× factor scales the effective weight (override or catalog) and rounds', () => {
    const r = applyBulkWeights({ FM19: 3.6 }, drgs.slice(0, 2), { kind: 'multiply', factor: 1.05 });
    expect(r.weights).toEqual({ FM19: 3.78, FR13: 1.2962 });
    expect(r.changed).toBe(2);
  });

  it('+ delta shifts the weights', () => {
    const r = applyBulkWeights(undefined, drgs.slice(1, 3), { kind: 'add', delta: 0.1 });
    expect(r.weights).toEqual({ FR13: 1.3345, GB11: 0.6 });
  });

  it('set gives every DRG the same weight', () => {
    const r = applyBulkWeights(undefined, drgs.slice(0, 3), { kind: 'set', value: 1 });
    expect(r.weights).toEqual({ FM19: 1, FR13: 1, GB11: 1 });
  });

  it('a result equal to the catalog weight removes the override instead of storing a no-op', () => {
    const r = applyBulkWeights({ GB11: 0.55, FM19: 3.74 }, drgs.slice(0, 3), { kind: 'multiply', factor: 1 / 1.1 });
    expect(r.weights).toEqual({ FR13: 1.1223 });
    const back = applyBulkWeights({ GB11: 0.6 }, [drgs[2]!], { kind: 'add', delta: -0.1 });
    expect(back.weights).toEqual({});
  });

  it('overrides of DRGs outside the selection are kept', () => {
    const r = applyBulkWeights({ FM19: 4 }, [drgs[2]!], { kind: 'multiply', factor: 2 });
    expect(r.weights).toEqual({ FM19: 4, GB11: 1 });
  });

  it('skips DRGs that have no weight', () => {
    const r = applyBulkWeights(undefined, drgs, { kind: 'multiply', factor: 2 });
    expect(r.skipped).toBe(1);
    expect(r.weights).not.toHaveProperty('XX99');
  });

  it('refuses the whole edit when a weight would fall to zero or below', () => {
    const r = applyBulkWeights({ FM19: 3.6 }, drgs.slice(0, 3), { kind: 'add', delta: -0.5 });
    expect(r.nonPositive).toEqual(['GB11']);
    expect(r.weights).toEqual({ FM19: 3.6 });
    expect(r.changed).toBe(0);
  });

  it('counts only the DRGs whose weight actually changed', () => {
    const r = applyBulkWeights(undefined, drgs.slice(0, 3), { kind: 'set', value: 0.5 });
    expect(r.changed).toBe(2);
  });
});
