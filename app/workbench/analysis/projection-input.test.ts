import { describe, expect, it } from 'vitest';
import { monthProfileOf, projectionInputOf, zeroGrowthForm } from './projection-input';

describe('projection form', () => {
  it('reads zero growth as zero growth, the threshold in percent and no month profile', () => {
    const read = projectionInputOf(zeroGrowthForm());
    expect(read.errors).toBeNull();
    expect(read.input).toEqual({
      volume_growth_by_level: { '1': 0, '2': 0, '3': 0 },
      volume_growth_by_pool: { employee: 0, resident: 0 },
      cost_growth: 0,
      cmi_drift: 0,
      budget_growth: { employee: 0, resident: 0 },
      deflation_threshold: 0.05,
    });
  });

  it('turns percents into ratios as typed (6 → 0.06), with a minus sign of either kind', () => {
    const form = { ...zeroGrowthForm(), 'volume.level.3': '6', 'volume.pool.resident': '−2.5', cost: '3%', 'budget.employee': '4.1' };
    const { input } = projectionInputOf(form);
    expect(input?.volume_growth_by_level['3']).toBe(0.06);
    expect(input?.volume_growth_by_pool.resident).toBe(-0.025);
    expect(input?.cost_growth).toBe(0.03);
    expect(input?.budget_growth.employee).toBe(0.041);
  });

  it('names each wrong field and why', () => {
    const form = { ...zeroGrowthForm(), cost: 'abc', cmi: '-150', threshold: '120', profile: '1,2,3' };
    expect(projectionInputOf(form).errors).toEqual({ cost: 'number', cmi: 'growth', threshold: 'threshold', profile: 'profile' });
  });

  it('takes a month profile of 12 non-negative weights, not all 0', () => {
    expect(monthProfileOf('')).toBe('empty');
    expect(monthProfileOf('1, 1 1，1、1,1,1,1,1,1,1,1.2')).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2]);
    expect(monthProfileOf('0,0,0,0,0,0,0,0,0,0,0,0')).toBeNull();
    expect(monthProfileOf('1,1,1,1,1,1,1,1,1,1,1,-1')).toBeNull();
    expect(projectionInputOf({ ...zeroGrowthForm(), profile: '2,1,1,1,1,1,1,1,1,1,1,1' }).input?.month_profile).toHaveLength(12);
  });
});
