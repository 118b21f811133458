import { describe, expect, it } from 'vitest';
import type { RoundParams } from '@/worker/settlement/round';
import { paramsPatch } from '@/worker/settlement/params-patch';
import { applyRequestItems, checkRequestItems, combineRequests, errorText, requestItemsSchema, type CatalogFacts, type RequestItem } from './request-items';

const round: RoundParams = { method: 'points', budget: { employee: 1e8 }, hospital_coefficients: { H002: 1.1 }, uniform_price_drgs: ['OR19'], weights: { FM19: 3.4 } };
const catalog: CatalogFacts = { drgs: new Map([['FM19', { uniformPrice: false }], ['ES35', { uniformPrice: false }], ['OR19', { uniformPrice: false }], ['GB11', { uniformPrice: true }]]) };
const why = '理由';

describe('request items: the round parameters a request leads to', () => {
  it('sets its own coefficient, a weight, a uniform-price change and a case rule, and nothing else', () => {
    const items: RequestItem[] = [
      { kind: 'hospital_coefficient', value: 1.05, reason: why },
      { kind: 'drg_weight', drg: 'ES35', value: 0.42, reason: why },
      { kind: 'uniform_price', drg: 'OR19', action: 'remove', reason: why },
      { kind: 'uniform_price', drg: 'FM19', action: 'add', reason: why },
      { kind: 'case_rule', rule: 'exclude_los_min', value: 90, reason: why },
      { kind: 'case_rule', rule: 'low_times_coef', value: true, reason: why },
    ];
    const checked = checkRequestItems(round, catalog, 'H001', items);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    // exactly these leaves change; another hospital's coefficient stays
    expect(paramsPatch(round, checked.params)).toEqual({
      'hospital_coefficients.H001': 1.05,
      'weights.ES35': 0.42,
      uniform_price_drgs: ['FM19'],
      exclude_los_min: 90,
      low_times_coef: true,
    });
    expect(checked.params.hospital_coefficients).toEqual({ H002: 1.1, H001: 1.05 });
    // the round itself is not touched
    expect(round.uniform_price_drgs).toEqual(['OR19']);
  });

  it("refuses values beyond the engine's bounds, naming the item", () => {
    const checked = checkRequestItems(round, catalog, 'H001', [
      { kind: 'drg_weight', drg: 'ES35', value: 0.5, reason: why },
      { kind: 'hospital_coefficient', value: 3.5, reason: why },
    ]);
    expect(checked).toMatchObject({ ok: false, errors: [{ item: 1 }] });
    if (!checked.ok) expect(errorText(checked.errors)).toMatch(/^第 2 项：取值超出范围：hospital_coefficients\.H001 .* \/ item 2: out of bounds: hospital_coefficients\.H001 must be greater than 0 and at most 3$/);
    expect(checkRequestItems(round, catalog, 'H001', [{ kind: 'case_rule', rule: 'exclude_los_max', value: 70, reason: why }])).toMatchObject({ ok: false });
  });

  it('refuses an unknown DRG, two changes of one lever, and uniform-price changes that change nothing', () => {
    const checked = checkRequestItems(round, catalog, 'H001', [
      { kind: 'drg_weight', drg: 'ZZ99', value: 1, reason: why },
      { kind: 'drg_weight', drg: 'ES35', value: 1, reason: why },
      { kind: 'drg_weight', drg: 'ES35', value: 2, reason: why },
      { kind: 'uniform_price', drg: 'OR19', action: 'add', reason: why },
      { kind: 'uniform_price', drg: 'GB11', action: 'remove', reason: why },
      { kind: 'uniform_price', drg: 'ES35', action: 'remove', reason: why },
      { kind: 'case_rule', rule: 'low_times_coef', value: 1, reason: why },
    ]);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((e) => [e.item, e.en])).toEqual([
      [0, 'DRG ZZ99 is not in the catalog'],
      [2, 'changes the same lever as item 2'],
      [3, 'OR19 is already uniform-priced'],
      [4, 'GB11 is uniform-priced by the catalog itself: a round cannot remove it'],
      [5, 'ES35 is not on the round\'s uniform-price list'],
      [6, 'low_times_coef must be true or false'],
    ]);
  });

  it('bounds the items at the edge: count, reason length, control characters, unknown fields', () => {
    const item = { kind: 'drg_weight', drg: 'ES35', value: 1, reason: why };
    expect(requestItemsSchema.safeParse([]).success).toBe(false);
    expect(requestItemsSchema.safeParse(Array.from({ length: 21 }, () => item)).success).toBe(false);
    expect(requestItemsSchema.safeParse([{ ...item, reason: 'x'.repeat(1001) }]).success).toBe(false);
    expect(requestItemsSchema.safeParse([{ ...item, reason: 'a\u0007b' }]).success).toBe(false);
    expect(requestItemsSchema.safeParse([{ ...item, reason: '第一行\n第二行' }]).success).toBe(true);
    expect(requestItemsSchema.safeParse([{ ...item, value: Infinity }]).success).toBe(false);
    expect(requestItemsSchema.safeParse([{ ...item, hospital: 'H002' }]).success).toBe(false);
    // a hospital cannot name another hospital's coefficient: the item has no code field at all
    expect(requestItemsSchema.safeParse([{ kind: 'hospital_coefficient', code: 'H002', value: 1, reason: why }]).success).toBe(false);
  });
});

describe('several requests accepted together', () => {
  const a = { id: 1, hospitalCode: 'H001', items: [{ kind: 'hospital_coefficient', value: 1.05, reason: why }, { kind: 'drg_weight', drg: 'ES35', value: 0.5, reason: why }] as RequestItem[] };
  const b = { id: 2, hospitalCode: 'H002', items: [{ kind: 'hospital_coefficient', value: 1.2, reason: why }, { kind: 'drg_weight', drg: 'ES35', value: 0.5, reason: why }] as RequestItem[] };

  it("applies each hospital's coefficient to its own code, and one weight asked twice alike once", () => {
    const combined = combineRequests(round, catalog, [b, a]);
    expect(combined.ok).toBe(true);
    if (!combined.ok) return;
    expect(paramsPatch(round, combined.params)).toEqual({ 'hospital_coefficients.H001': 1.05, 'hospital_coefficients.H002': 1.2, 'weights.ES35': 0.5 });
    expect(combined.params).toEqual(applyRequestItems(applyRequestItems(round, 'H001', a.items), 'H002', b.items));
  });

  it('refuses two requests that set one lever differently, naming both', () => {
    const c = { id: 3, hospitalCode: 'H003', items: [{ kind: 'drg_weight', drg: 'ES35', value: 0.7, reason: why }] as RequestItem[] };
    const combined = combineRequests(round, catalog, [a, c]);
    expect(combined).toMatchObject({ ok: false });
    if (!combined.ok) expect(combined.errors[0]!.zh).toBe('诉求 #1 与 #3 对 weights.ES35 的调整不同，不能一并采纳');
  });
});
