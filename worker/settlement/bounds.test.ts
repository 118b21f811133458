import { describe, expect, it } from 'vitest';
import { BOUNDS, MAX_BUDGET_YUAN, MAX_CASE_YUAN, PARAM_BOUNDS, boundOf, boundText, isWithin } from './bounds';
import { parseRoundParams } from './round';

describe('money bounds: every figure and every sum of a year stays an exact count of fen', () => {
  it('a year of 5 M cases at the largest case amount, or both pools at the largest budget, sums below 2^53 fen', () => {
    expect(5e6 * MAX_CASE_YUAN * 100).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(2 * MAX_BUDGET_YUAN * 100).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a budget beyond the bound (1e308 gave 1,143 null money fields), and takes one at it', () => {
    const beyond = parseRoundParams({ method: 'points', budget: { employee: 1e308 } });
    expect(beyond.ok).toBe(false);
    if (!beyond.ok) expect(beyond.errors.map((e) => e.path)).toContain('budget.employee');
    expect(parseRoundParams({ method: 'points', budget: { employee: MAX_BUDGET_YUAN } }).ok).toBe(true);
  });
});

describe('one table of bounds for the schema and the editor', () => {
  /** a round holding `value` at a path of the pattern (map keys and band indexes filled in) */
  function roundWith(pattern: string, value: number): Record<string, unknown> {
    const [key, second, third] = pattern.split('.');
    const round: Record<string, unknown> = { method: 'points' };
    if (second === undefined) round[key!] = value;
    else if (third === undefined) round[key!] = { [key === 'budget' || key === 'rate' || key === 'monthly_point_value' ? 'employee' : key === 'level_coefficients' ? '2' : 'X01']: value };
    else if (key === 'rate_by_level') round[key] = { employee: { '2': value } };
    else {
      // a band list of one open-ended band (the last band's bound may be null; here it carries the value)
      const band: Record<string, number | null> = key === 'high_bands' ? { rw_max: null, multiple: 1.5 } : key === 'sharing_bands' ? { over_max: null, fund_share: 0.5 } : { min_score: 0, coef: 1 };
      band[third] = value;
      round[key!] = [band];
    }
    return round;
  }

  /** whether the schema takes the value on its own (the rule between the two LOS limits is another matter) */
  const takes = (pattern: string, value: number) => {
    const parsed = parseRoundParams(roundWith(pattern, value));
    return parsed.ok || parsed.errors.every((e) => e.reason.includes('must be less than exclude_los_min'));
  };

  it.each(Object.entries(PARAM_BOUNDS))('%s: the schema takes its bound (%s) exactly', (pattern, name) => {
    const bound = BOUNDS[name];
    expect(boundOf(pattern.split('.').map((step) => (step === '*' ? (pattern.includes('bands') ? 0 : 'K') : step)))).toBe(bound);
    expect(takes(pattern, bound.max), `${pattern} at its max`).toBe(true);
    const above = bound.integer ? bound.max + 1 : bound.max * (1 + 1e-9) + 1e-9;
    expect(takes(pattern, above), `${pattern} above its max`).toBe(false);
    expect(takes(pattern, bound.min - (bound.integer ? 1 : 1e-9)), `${pattern} below its min`).toBe(false);
    expect(takes(pattern, bound.min), `${pattern} at its min`).toBe(!bound.minOpen);
    expect(isWithin(bound, bound.max)).toBe(true);
    expect(isWithin(bound, above)).toBe(false);
  });

  it('writes a range as the editor shows it', () => {
    expect(boundText(BOUNDS.coefficient)).toBe('(0, 3]');
    expect(boundText(BOUNDS.days)).toBe('[0, 2,000]');
    expect(boundText(BOUNDS.budget, (yuan) => `${yuan / 1e4}`)).toBe('[0, 100000000]');
  });
});
