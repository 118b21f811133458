import { describe, expect, it } from 'vitest';
import { MAX_BUDGET_YUAN, MAX_CASE_YUAN } from './bounds';
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
