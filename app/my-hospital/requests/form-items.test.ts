import { describe, expect, it } from 'vitest';
import type { RequestItem } from '@/server/services/request-items';
import { emptyItem, formProblems, toFormItem, toRequestItems, valueBound } from './form-items';

describe('the request form items', () => {
  it('turns what was typed into request items, and back', () => {
    const items: RequestItem[] = [
      { kind: 'hospital_coefficient', value: 1.05, reason: '重症多' },
      { kind: 'drg_weight', drg: 'ES35', value: 0.42, reason: '成本' },
      { kind: 'uniform_price', drg: 'OR19', action: 'remove', reason: '并发症' },
      { kind: 'case_rule', rule: 'exclude_los_min', value: 90, reason: '长住院' },
      { kind: 'case_rule', rule: 'low_times_coef', value: false, reason: '规则' },
    ];
    const form = items.map(toFormItem);
    expect(form[1]).toEqual({ kind: 'drg_weight', drg: 'ES35', value: '0.42', action: 'add', rule: 'high_extra_ratio', reason: '成本' });
    expect(formProblems(form)).toEqual([]);
    expect(toRequestItems(form)).toEqual(items);
  });

  it('names what is missing: a DRG, a number, a reason', () => {
    const form = [
      { ...emptyItem('drg_weight'), value: '1.2', reason: 'x' },
      { ...emptyItem('hospital_coefficient'), value: '1,05', reason: 'x' },
      { ...emptyItem('case_rule'), rule: 'low_times_coef' as const, value: 'true', reason: '  ' },
    ];
    expect(formProblems(form)).toEqual([
      { item: 0, problem: 'drg' },
      { item: 1, problem: 'value' },
      { item: 2, problem: 'reason' },
    ]);
  });

  it('names a number outside the engine bounds, and gives each lever its range', () => {
    const form = [
      { ...emptyItem('case_rule'), rule: 'high_extra_ratio' as const, value: '2.5', reason: 'x' },
      { ...emptyItem('hospital_coefficient'), value: '0', reason: 'x' },
      { ...emptyItem('case_rule'), rule: 'exclude_los_min' as const, value: '60.5', reason: 'x' },
      { ...emptyItem('drg_weight'), drg: 'ES35', value: '1.2', reason: 'x' },
    ];
    expect(formProblems(form)).toEqual([
      { item: 0, problem: 'range' },
      { item: 1, problem: 'range' },
      { item: 2, problem: 'range' },
    ]);
    expect(valueBound(form[0]!)).toMatchObject({ min: 0, max: 1 });
    expect(valueBound(form[1]!)).toMatchObject({ min: 0, max: 3, minOpen: true });
    expect(valueBound({ ...emptyItem('case_rule'), rule: 'low_times_coef' })).toBeNull();
    expect(valueBound(emptyItem('uniform_price'))).toBeNull();
  });
});
