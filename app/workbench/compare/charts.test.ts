import { describe, expect, it } from 'vitest';
import { acrossRounds, cmiScatter, extentOf, holdRange, padded, sortedChanges } from './charts';
import type { HospitalOutcome, ImpactRow, SettledRound } from './impact';

const outcome = (settlement: number, cmi: number, totalCost: number): HospitalOutcome => ({
  settlement, fundPayment: 0, totalCost, points: 0, cmi, paymentCostRatio: settlement / totalCost,
  cases: { normal: 1, high: 0, low: 0, special: 0, ungrouped: 0, excluded: 0 },
});
const rows: ImpactRow[] = [
  { hospital: { code: 'H2', name: 'B', level: 1, district: null, type: null }, baseline: outcome(100, 0.5, 100), rounds: [outcome(130, 0.5, 100)] },
  { hospital: { code: 'H1', name: 'A', level: 3, district: null, type: null }, baseline: outcome(500, 1.5, 400), rounds: [outcome(450, 1.5, 400)] },
  { hospital: { code: 'H3', name: 'C', level: 2, district: null, type: null }, baseline: outcome(200, 1, 0), rounds: [null] },
];

describe('comparison charts', () => {
  it('sorts hospital changes from largest loss to largest gain', () => {
    expect(sortedChanges(rows, 0).map((b) => [b.code, b.yuan])).toEqual([['H3', -200], ['H1', -50], ['H2', 30]]);
  });
  it('plots CMI against payment-to-cost ratio, skipping hospitals without cost', () => {
    const points = cmiScatter(rows, '第0轮', ['第1轮']);
    expect(points.map((p) => [p.round, p.code, p.ratio])).toEqual([
      ['第0轮', 'H2', 1], ['第1轮', 'H2', 1.3], ['第0轮', 'H1', 1.25], ['第1轮', 'H1', 1.125],
    ]);
  });
  it('collects point values and settlement per round', () => {
    const r = (pv: number, s: number): SettledRound => ({
      point_value: { employee: pv, resident: pv / 2 },
      totals: { employee: { budget: 10, reserve: 0, sharing: 0, incentive: 0, returned: 0, settlement: s } },
      hospitals: [],
    });
    expect(acrossRounds(['a', 'b'], [r(80, 5), r(90, 6)])).toEqual([
      { round: 'a', employeePointValue: 80, residentPointValue: 40, settlement: 5, budget: 10 },
      { round: 'b', employeePointValue: 90, residentPointValue: 45, settlement: 6, budget: 10 },
    ]);
  });
});

describe('axis ranges', () => {
  it('takes the extent of finite values, with 0 when asked', () => {
    expect(extentOf([3, NaN, 5, 4])).toEqual([3, 5]);
    expect(extentOf([3, 5], true)).toEqual([0, 5]);
    expect(extentOf([])).toBeNull();
  });
  it('pads both ends except an end at 0', () => {
    expect(padded([-10, 10], 0.1)).toEqual([-12, 12]);
    expect(padded([0, 10], 0.1)).toEqual([0, 11]);
    expect(padded([5, 5], 0.1)).toEqual([4.95, 5.05]);
  });
  it('holds a range while the data fit and fill a third of it, else makes a new one with room', () => {
    const first = holdRange(undefined, [-100, 100]);
    expect(first).toEqual([-140, 140]);
    expect(holdRange(first, [-120, 90])).toBe(first);
    expect(holdRange(first, [-50, 50])).toBe(first);
    expect(holdRange(first, [-150, 90])).toEqual([-198, 138]);
    expect(holdRange(first, [-40, 40])).toEqual([-56, 56]);
    expect(holdRange([0, 120], [0, 100])).toEqual([0, 120]);
  });
});
