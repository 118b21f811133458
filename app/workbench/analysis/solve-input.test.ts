import { describe, expect, it } from 'vitest';
import { defaultTarget, formatLever, formatTarget, inputText, leverGroup, parseInput } from './solve-input';

describe('solve panel figures', () => {
  it('types money in 万元 and hands the solve yuan', () => {
    expect(inputText('yuan', 1_234_567_890.126)).toBe('123456.79');
    expect(parseInput('yuan', '123,456.79')).toBe(1_234_567_900);
    expect(parseInput('yuan', '0.0001')).toBe(1);
  });

  it('keeps ratios, point values and the CMI as they are, to 6 decimals', () => {
    expect(inputText('ratio', 0.912345678)).toBe('0.912346');
    expect(parseInput('ratio', '0.9')).toBe(0.9);
    expect(parseInput('index', '−1.5')).toBe(-1.5);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', 'abc', '1.2.3', '12万', '--1', 'Infinity', '1e999']) expect(parseInput('ratio', text), text).toBeNull();
  });

  it('writes targets and levers in their units', () => {
    expect(formatTarget('yuan', 12_345_678, 'zh')).toBe('1,234.57 万元');
    expect(formatTarget('point_value', 8.1234567, 'en')).toBe('8.123457');
    expect(formatLever('budget.resident', 2e9, 'zh')).toBe('200,000.00 万元');
    expect(formatLever('rate.employee', 12345.678, 'zh')).toBe('12,345.68 元');
    expect(formatLever('level_coefficients.2', 0.9123456, 'zh')).toBe('0.912346');
  });

  it('groups the levers and pairs each with its pool’s fund payments', () => {
    expect(['rate.resident', 'budget.employee', 'level_coefficients.3', 'hospital_coefficients.H001', 'weights_scale', 'uniform_coefficient', 'rate_by_level.employee.2'].map(leverGroup)).toEqual([
      'rates',
      'rates',
      'coefficients',
      'hospitals',
      'weights',
      'coefficients',
      'rates',
    ]);
    const targets = ['fund_payment.employee', 'settlement.employee', 'fund_payment.resident'];
    expect(defaultTarget('budget.resident', targets)).toBe('fund_payment.resident');
    expect(defaultTarget('level_coefficients.2', targets)).toBe('fund_payment.employee');
  });
});
