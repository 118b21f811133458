import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate';
import type { LeverValues } from '@/server/services/request-impact';
import { itemText, leverNow } from './item-text';

const levers: LeverValues = {
  hospital: { code: 'H001', name: '一院', level: 3, coefficient: 0.92 },
  drgs: [
    { code: 'FK15', name: '心力衰竭', weight: 1.234, uniformPrice: false, byCatalog: false },
    { code: 'GB29', name: '胃手术', weight: null, uniformPrice: true, byCatalog: true },
  ],
  caseRules: { high_extra_ratio: 1, high_extra_times_coef: false, low_multiple: 0.4, low_times_coef: false, ungrouped_ratio: 0.9, exclude_los_max: 2, exclude_los_min: 60 },
  limits: { attachmentMb: 5, attachments: 5 },
};
const zh = translator('zh');
const en = translator('en');

describe("a request's change in words", () => {
  it("reads the round's value now → the value asked, when the round's values are at hand", () => {
    expect(itemText({ kind: 'hospital_coefficient', value: 1.05, reason: '成本' }, zh, new Map(), levers)).toBe('本院系数 0.92 → 1.05');
    expect(itemText({ kind: 'drg_weight', drg: 'FK15', value: 1.3, reason: '成本' }, zh, new Map([['FK15', '心力衰竭']]), levers)).toBe('DRG 权重 FK15 心力衰竭 1.234 → 1.3');
    expect(itemText({ kind: 'case_rule', rule: 'low_times_coef', value: true, reason: '规则' }, en, new Map(), levers)).toBe(`${en('requests.rule.low_times_coef')} No → Yes`);
    expect(itemText({ kind: 'uniform_price', drg: 'GB29', action: 'remove', reason: '成本' }, zh, new Map(), levers)).toBe('同病同价 GB29：移出同病同价（现值 是）');
  });

  it('reads the value asked alone without them, and knows no value of a DRG outside the catalog', () => {
    expect(itemText({ kind: 'hospital_coefficient', value: 1.05, reason: '成本' }, zh)).toBe('本院系数 → 1.05');
    expect(leverNow({ kind: 'drg_weight', drg: 'ZZ99' }, levers, zh)).toBeNull();
    expect(leverNow({ kind: 'drg_weight', drg: 'GB29' }, levers, zh)).toBe('—');
  });
});
