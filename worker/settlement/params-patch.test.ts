import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyParamsPatch, paramsPatch, patchedParams } from './params-patch';

describe('a change of round parameters as a patch of leaves', () => {
  it('sends only the leaves that changed, null for those removed', () => {
    const from = { method: 'points', level_coefficients: { 1: 1, 2: 0.9, 3: 1.1 }, budget: { employee: 5e8 }, sharing_bands: [{ over_max: 0.1, fund_share: 0.7 }] };
    const to = { method: 'points', level_coefficients: { 1: 1, 2: 0.85, 3: 1.1 }, sharing_bands: [{ over_max: 0.1, fund_share: 0.6 }] };
    expect(paramsPatch(from, to)).toEqual({ 'level_coefficients.2': 0.85, 'budget.employee': null, sharing_bands: [{ over_max: 0.1, fund_share: 0.6 }] });
    expect(applyParamsPatch(from, paramsPatch(from, to))).toEqual(to);
    expect(patchedParams(paramsPatch(from, to))).toEqual(['budget', 'level_coefficients', 'sharing_bands']);
  });

  it('two editors who changed different leaves of one parameter both keep theirs', () => {
    const base = { method: 'points', level_coefficients: { 1: 1, 2: 0.9, 3: 1.1 } };
    const a = { ...base, level_coefficients: { ...base.level_coefficients, 2: 0.8 } };
    const b = { ...base, level_coefficients: { ...base.level_coefficients, 3: 1.2 } };
    const saved = applyParamsPatch(applyParamsPatch(base, paramsPatch(base, a)), paramsPatch(base, b));
    expect(saved.level_coefficients).toEqual({ 1: 1, 2: 0.8, 3: 1.2 });
  });

  it('for any two parameter sets, applying the patch of one to the other gives the other (property)', () => {
    const leaf = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('points', 'rate'), fc.array(fc.integer(), { maxLength: 3 }));
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'H001', 'FM19'), fc.oneof(leaf, fc.dictionary(fc.constantFrom('employee', 'resident', '1', '2'), leaf, { minKeys: 1 })), { maxKeys: 4 });
    fc.assert(
      fc.property(record, record, (from, to) => {
        expect(applyParamsPatch(from, paramsPatch(from, to))).toEqual(to);
      }),
    );
  });
});
