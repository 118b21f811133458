import { describe, expect, it } from 'vitest';
import type { RoundParams } from '@/worker/settlement/round';
import { paramsEn, paramsZh } from '../../i18n/dict/params';
import {
  checkBands,
  checkNumber,
  readNumber,
  validateBandsEdit,
  validateEdit,
  validateOverrideEdit,
  validateTypedNumber,
  type EditResult,
} from './validate';

const round = { method: 'points', level_coefficients: { '1': 0.7, '2': 0.9, '3': 1 } } as RoundParams;
const issueKey = (result: EditResult) => (result.ok ? null : result.issue.key);

describe('reading what was typed', () => {
  it('blank is null, separators are allowed, words are refused', () => {
    expect(readNumber('  ')).toBeNull();
    expect(readNumber('3,000,000,000')).toBe(3e9);
    expect(readNumber('0.85')).toBe(0.85);
    expect(readNumber('abc')).toBe('invalid');
    expect(readNumber('Infinity')).toBe('invalid');
    expect(readNumber('−1.5')).toBe(-1.5);
    expect(readNumber('1e3')).toBe(1000);
    for (const text of ['12万', '1.2.3', '0x10', '--1', '1e999']) expect(readNumber(text), text).toBe('invalid');
  });
});

describe('field checks (the reason shown beside the field)', () => {
  it.each([
    [['level_coefficients', '2'], 0, 'params.error.coefficient'],
    [['level_coefficients', '2'], 3.01, 'params.error.coefficient'],
    [['level_coefficients', '2'], 3, null],
    [['level_coefficients', '2'], null, 'params.error.required'],
    [['hospital_coefficients', 'H001'], -1, 'params.error.coefficient'],
    [['hospital_coefficients', 'H001'], null, null],
    [['weights', 'FM19'], 0, 'params.error.positive'],
    [['weights', 'FM19'], null, null],
    [['budget', 'employee'], -5, 'params.error.nonNegative'],
    [['budget', 'employee'], 0, null],
    [['budget', 'employee'], 2e12, 'params.error.atMost'],
    [['weights', 'FM19'], 15_000, 'params.error.atMost'],
    [['rate', 'employee'], 1e8, 'params.error.atMost'],
    [['rate_by_level', 'resident', '3'], 0, 'params.error.positive'],
    [['prepay_ratio'], 1.2, 'params.error.ratio'],
    [['reserve_ratio'], -0.01, 'params.error.ratio'],
    [['ungrouped_ratio'], 1, null],
    [['surplus_cap'], null, null],
    [['evaluation_scores', 'H001'], 101, 'params.error.score'],
    [['exclude_los_max'], 2.5, 'params.error.days'],
    [['base_points'], null, 'params.error.required'],
  ] as const)('%j = %s → %s', (path, value, expected) => {
    expect(checkNumber(path, value)?.key ?? null).toBe(expected);
  });
});

describe('a number field edited', () => {
  it('a valid value gives the new round and leaves the old one alone', () => {
    const result = validateTypedNumber(round, ['level_coefficients', '2'], '0.85');
    expect(result.ok && result.next.level_coefficients).toEqual({ '1': 0.7, '2': 0.85, '3': 1 });
    expect(round.level_coefficients?.['2']).toBe(0.9);
  });

  it('refuses text that is not a number', () => {
    expect(issueKey(validateTypedNumber(round, ['level_coefficients', '2'], '0,8x'))).toBe('params.error.number');
  });

  it('short-stay limit must stay below the long-stay limit (defaults count)', () => {
    const result = validateTypedNumber(round, ['exclude_los_max'], '60');
    expect(result.ok ? null : result.issue).toEqual({ key: 'params.error.losOrder', vars: { max: 60, min: 60 } });
    expect(issueKey(validateTypedNumber({ ...round, exclude_los_max: 5 }, ['exclude_los_min'], '5'))).toBe('params.error.losOrder');
    expect(validateTypedNumber(round, ['exclude_los_min'], '30').ok).toBe(true);
  });

  it('blank means "computed" for the monthly point value and "none" for the surplus cap', () => {
    const monthly = validateTypedNumber(round, ['monthly_point_value', 'employee'], '');
    expect(monthly.ok && monthly.next.monthly_point_value).toEqual({ employee: null });
    const cap = validateTypedNumber({ ...round, surplus_cap: 0.1 }, ['surplus_cap'], '');
    expect(cap.ok && cap.next.surplus_cap).toBeNull();
  });

  it('blank removes a budget', () => {
    const result = validateTypedNumber({ ...round, budget: { employee: 1e9 } }, ['budget', 'employee'], '');
    expect(result.ok && 'budget' in result.next).toBe(false);
  });
});

describe('an override of the catalog or hospital file', () => {
  it('equal to the file value, it is removed', () => {
    const result = validateOverrideEdit({ ...round, hospital_coefficients: { H001: 1.1 } }, ['hospital_coefficients', 'H001'], '1.05', 1.05);
    expect(result.ok && 'hospital_coefficients' in result.next).toBe(false);
  });

  it('weights are rounded before they are compared and stored', () => {
    const same = validateOverrideEdit(round, ['weights', 'FM19'], '3.40001', 3.4, (w) => Math.round(w * 1e4) / 1e4);
    expect(same.ok && 'weights' in same.next).toBe(false);
    const changed = validateOverrideEdit(round, ['weights', 'FM19'], '3.45678', 3.4, (w) => Math.round(w * 1e4) / 1e4);
    expect(changed.ok && changed.next.weights).toEqual({ FM19: 3.4568 });
  });

  it('is checked like any field', () => {
    expect(issueKey(validateOverrideEdit(round, ['hospital_coefficients', 'H001'], '4', 1))).toBe('params.error.coefficient');
  });
});

describe('the engine schema as the final gate', () => {
  it('refuses what the field rules do not know, with the engine reason', () => {
    const result = validateEdit(round, ['method'], 'capitation');
    expect(result.ok ? null : result.issue.key).toBe('params.error.schema');
    expect(result.ok ? '' : result.issue.vars?.reason).toContain('method');
  });

  it('passes a valid choice', () => {
    const result = validateEdit(round, ['point_value_basis'], 'fund');
    expect(result.ok && result.next.point_value_basis).toBe('fund');
  });
});

describe('band tables', () => {
  it('high bands must rise by RW, only the last one open', () => {
    expect(checkBands('high_bands', [{ bound: 1, value: 3 }, { bound: null, value: 2 }])).toEqual([]);
    const issues = checkBands('high_bands', [{ bound: 3, value: 3 }, { bound: 1, value: 2 }, { bound: null, value: 1.5 }]);
    expect(issues).toEqual([{ row: 1, field: 'bound', issue: { key: 'params.error.bandAscending', vars: { previous: 3 } } }]);
    expect(checkBands('high_bands', [{ bound: null, value: 3 }, { bound: null, value: 2 }])[0]?.issue.key).toBe('params.error.openBandLast');
  });

  it('evaluation bands must fall by score, with coefficients in [0, 1] and no open band', () => {
    const issues = checkBands('eval_bands', [{ bound: 80, value: 1 }, { bound: 90, value: 1.2 }, { bound: null, value: 0 }]);
    expect(issues.map((i) => [i.row, i.field, i.issue.key])).toEqual([
      [1, 'bound', 'params.error.bandDescending'],
      [1, 'value', 'params.error.ratio'],
      [2, 'bound', 'params.error.required'],
    ]);
  });

  it('a high-cost multiple below 1 is refused', () => {
    expect(checkBands('high_bands', [{ bound: null, value: 0.9 }])[0]?.issue.key).toBe('params.error.atLeastOne');
  });

  it('sharing shares are ratios and cells must be numbers', () => {
    const issues = checkBands('sharing_bands', [{ bound: 'invalid', value: 0.7 }, { bound: 0.2, value: 1.5 }]);
    expect(issues.map((i) => i.issue.key)).toEqual(['params.error.number', 'params.error.ratio']);
  });

  it('a valid table is written as the §6 array', () => {
    const result = validateBandsEdit(round, 'high_bands', [{ bound: 1.5, value: 2.5 }, { bound: null, value: 1.5 }]);
    expect(result.ok && result.next.high_bands).toEqual([{ rw_max: 1.5, multiple: 2.5 }, { rw_max: null, multiple: 1.5 }]);
  });

  it('an empty table is refused', () => {
    const result = validateBandsEdit(round, 'eval_bands', []);
    expect(result.ok ? null : result.issue?.key).toBe('params.error.bandsEmpty');
  });
});

describe('messages', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('every Chinese text has an English one with the same placeholders', () => {
    for (const key of Object.keys(paramsZh) as (keyof typeof paramsZh)[]) {
      expect(paramsEn[key], key).toBeTruthy();
      expect(placeholders(paramsEn[key]), key).toEqual(placeholders(paramsZh[key]));
    }
  });
});
