import { describe, expect, it } from 'vitest';
import { handData } from '@/worker/settlement/testing/hand';
import { computeDrgCostStats } from './drg-cost-stats';

describe('the cost figures a formula reads per DRG', () => {
  it('mean cost per case and CV (population SD ÷ mean) over the DRG cases, ungrouped cases left out', () => {
    const data = handData({
      hospitals: [{ code: 'H1', level: 3 }],
      catalog: [
        { code: 'A', weight: 1, benchmark: 10_000 },
        { code: 'B', weight: 2, benchmark: 20_000 },
        { code: 'C', weight: 3, benchmark: 30_000 },
      ],
      cases: [
        { hospital: 'H1', drg: 'A', cost: 8_000 },
        { hospital: 'H1', drg: 'A', cost: 12_000, pool: 'resident' },
        { hospital: 'H1', drg: 'B', cost: 5_000.5 },
        { hospital: 'H1', drg: '', cost: 99_999 },
      ],
    });
    // A: mean 10,000; deviations ±2,000 → SD 2,000; CV 0.2. B: one case, SD 0. C: no case.
    expect(computeDrgCostStats(data)).toEqual([
      { code: 'A', cases: 2, meanCost: 10_000, cv: 0.2 },
      { code: 'B', cases: 1, meanCost: 5_000.5, cv: 0 },
      { code: 'C', cases: 0, meanCost: null, cv: null },
    ]);
  });
});
