import { describe, expect, it } from 'vitest';
import { messages, type Locale, type MessageKey } from '../../i18n/messages';
import { PARAM_KINDS, relativeChangeOf, type ParamChange, type ParamName, type ParamValue } from '@/server/services/round-diff';
import { bandTable, codesChangeText, paramLabel, subjectText, valueText, type Translate } from './param-text';

function translator(locale: Locale): Translate {
  return (key: MessageKey, vars?: Record<string, string | number>) => {
    let text: string = messages[locale][key];
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
const zh = translator('zh');
const en = translator('en');

function change(key: string, from: ParamValue, to: ParamValue, extra: Partial<ParamChange> = {}): ParamChange {
  const param = key.split('.')[0] as ParamName;
  return {
    group: 'rules', key, param, pool: null, level: null, code: null, label: null,
    kind: PARAM_KINDS[param], from, to, relativeChange: relativeChangeOf(from, to), ...extra,
  };
}

describe('parameter diff texts', () => {
  it('labels every §6 parameter in Chinese and English, never with its raw key or a placeholder', () => {
    for (const param of Object.keys(PARAM_KINDS) as ParamName[]) {
      const c = change(param, 1, 2, { level: param.includes('level') ? '2' : null });
      const [chinese, english] = [paramLabel(c, zh), paramLabel(c, en)];
      expect(chinese, param).toMatch(/^[^{}_a-z]*[\u4e00-\u9fff][^{}_a-z]*$/);
      expect(english, param).toMatch(/^[A-Z][^{}_\u4e00-\u9fff]*$/);
    }
  });

  it('names the fund and level, and the unit the figures are in', () => {
    expect(paramLabel(change('budget.employee', 1, 2, { pool: 'employee' }), zh)).toBe('职工统筹基金预算（万元）');
    expect(paramLabel(change('budget.employee', 1, 2, { pool: 'employee' }), en)).toBe('Employee Pooled fund budget (10k yuan)');
    expect(paramLabel(change('level_coefficients.2', 0.85, 0.8, { level: '2' }), zh)).toBe('二级系数');
    expect(paramLabel(change('reserve_ratio', 0.05, 0.06), zh)).toBe('调剂金比例（%）');
    expect(paramLabel(change('rate_by_level.resident.3', 1, 2, { pool: 'resident', level: '3' }), zh)).toBe('居民三级基础费率（元/RW）');
  });

  it('shows budgets in 万元, ratios in %, choices and flags in words', () => {
    const budget = change('budget.employee', 1_099_970_000, 1_121_970_000);
    expect(valueText(budget, budget.from, 'zh', zh)).toBe('109,997.00');
    expect(valueText(budget, budget.to, 'zh', zh)).toBe('112,197.00');
    expect(budget.relativeChange).toBeCloseTo(22_000_000 / 1_099_970_000, 12);
    const reserve = change('reserve_ratio', 0.05, 0.055);
    expect(valueText(reserve, reserve.to, 'zh', zh)).toBe('5.5%');
    const method = change('method', 'points', 'rate');
    expect([valueText(method, method.from, 'zh', zh), valueText(method, method.to, 'en', en)]).toEqual(['点数法', 'Rate (费率法)']);
    const flag = change('low_times_coef', false, true);
    expect(valueText(flag, flag.to, 'zh', zh)).toBe('是');
    const cap = change('surplus_cap', null, 0.1);
    expect(valueText(cap, cap.from, 'zh', zh)).toBe('不设上限');
    expect(valueText(change('monthly_point_value.employee', null, 80), null, 'zh', zh)).toBe('按当月测算');
  });

  it('gives a band table rows of figures in its units, the open band as 以上, and one line without JSON', () => {
    const bands = [{ over_max: 0.1, fund_share: 0.7 }, { over_max: null, fund_share: 0.45 }];
    const table = bandTable('sharing_bands', bands, 'zh', zh);
    expect(table).toEqual({ headers: ['超支率 ≤', '基金分担比例'], rows: [['10.0%', '70.0%'], ['以上', '45.0%']] });
    const c = change('sharing_bands', [{ over_max: 0.1, fund_share: 0.7 }], bands);
    const line = valueText(c, c.to, 'zh', zh);
    expect(line).toBe('超支率 ≤ 10.0%: 基金分担比例 70.0%；其余: 基金分担比例 45.0%');
    expect(valueText(c, c.to, 'en', en)).not.toMatch(/[{}[\]]/);
    expect(bandTable('high_bands', [{ rw_max: 1, multiple: 3 }, { rw_max: null, multiple: 1.5 }], 'zh', zh).rows).toEqual([['1', '3'], ['以上', '1.5']]);
  });

  it('lists codes and says which were added and removed', () => {
    const c = change('uniform_price_drgs', ['ES35', 'FM19'], ['FM19', 'GB11']);
    expect(valueText(c, c.to, 'zh', zh)).toBe('FM19、GB11');
    expect(codesChangeText(c, 'zh', zh)).toBe('新增 GB11；移除 ES35');
    expect(valueText(c, [], 'en', en)).toBe('(none)');
  });

  it('names the DRG or hospital of an entry', () => {
    expect(subjectText(change('weights.FM19', 1, 2, { code: 'FM19', label: '经皮冠状动脉支架植入' }))).toBe('FM19 经皮冠状动脉支架植入');
    expect(subjectText(change('reserve_ratio', 0.05, 0.06))).toBe('');
  });
});
