import { describe, expect, it } from 'vitest';
import type { RoundParams } from '@/worker/settlement/round';
import { showNumber, wanTextToYuan, yuanToWanText } from './field-unit';
import { validateTypedNumber } from './validate';

describe('budget fields in 万元 (the round stores yuan)', () => {
  it('shows a budget in 万元 with thousands separators, exact to the fen', () => {
    expect(yuanToWanText(1_121_970_000)).toBe('112,197');
    expect(yuanToWanText(1_121_975_000)).toBe('112,197.5');
    expect(yuanToWanText(1_121_970_012.34)).toBe('112,197.001234');
    expect(yuanToWanText(0)).toBe('0');
  });

  it('reads 万元 typed with or without separators back to yuan to the fen', () => {
    expect(wanTextToYuan('112,197')).toBe(1_121_970_000);
    expect(wanTextToYuan(' 112197.5 ')).toBe(1_121_975_000);
    expect(wanTextToYuan('112，197')).toBe(1_121_970_000);
    expect(wanTextToYuan('0.0001')).toBe(1);
    expect(wanTextToYuan('112,197.001234')).toBe(1_121_970_012.34);
  });

  it('round-trips every shown budget unchanged', () => {
    for (const yuan of [1_121_970_000, 987_654_321.09, 10_000, 0.01, 3e12]) expect(wanTextToYuan(yuanToWanText(yuan))).toBe(yuan);
  });

  it('takes a blank as no budget and refuses what is not a number', () => {
    expect(wanTextToYuan('')).toBeNull();
    expect(wanTextToYuan('12万')).toBe('invalid');
    expect(wanTextToYuan('abc')).toBe('invalid');
  });

  it('checks the typed 万元 as yuan by the round rules', () => {
    const round = { method: 'points', budget: { employee: 1e9 } } as RoundParams;
    const ok = validateTypedNumber(round, ['budget', 'employee'], '115,000', wanTextToYuan);
    expect(ok.ok && ok.next.budget).toEqual({ employee: 1_150_000_000 });
    const refused = validateTypedNumber(round, ['budget', 'employee'], '-5', wanTextToYuan);
    expect(refused.ok ? null : refused.issue.key).toBe('params.error.nonNegative');
    const word = validateTypedNumber(round, ['budget', 'employee'], '十万', wanTextToYuan);
    expect(word.ok ? null : word.issue.key).toBe('params.error.number');
  });

  it('shows other numbers as stored: separators from 10,000 on', () => {
    expect(showNumber(0.85)).toBe('0.85');
    expect(showNumber(26_400)).toBe('26,400');
  });
});
