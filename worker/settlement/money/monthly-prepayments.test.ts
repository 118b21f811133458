import { describe, expect, it } from 'vitest';
import { settle } from '../index';
import { CATALOG, levelThreeHospitals } from '../fixtures/city';
import { handData, type HandCity } from '../testing/hand';
import { apportionFen, monthlyPrepayments } from './monthly-prepayments';

describe('monthly pre-payments', () => {
  it('apportions a total in fen by largest remainder, ties to the earlier month', () => {
    // floors 100, 200, 300 (remainders .5, .4, .1): one fen left → the first
    expect(apportionFen([1.005, 2.004, 3.001], 601)).toEqual([101, 200, 300]);
    // equal remainders: the earlier ones first
    expect(apportionFen([0.335, 0.335, 0.335], 102)).toEqual([34, 34, 34]);
    expect(apportionFen([1 / 3, 1 / 3, 1 / 3], 100)).toEqual([34, 33, 33]);
  });

  it('gives 12 months with the month point value, and pre-payments that sum to the statement', () => {
    const city: HandCity = {
      hospitals: levelThreeHospitals(2),
      catalog: CATALOG,
      cases: [
        { hospital: 'H1', drg: 'A', cost: 10000, pay: 1000, month: 1 },
        { hospital: 'H1', drg: 'A', cost: 10000, pay: 1000, month: 3 },
        { hospital: 'H2', drg: 'A', cost: 10000, month: 3 },
        { hospital: 'H2', drg: 'A', cost: 10000, pay: 500, month: 3, pool: 'resident' },
      ],
    };
    const result = settle(handData(city), { method: 'points', budget: { employee: 60000, resident: 12000 } });
    const months = monthlyPrepayments(result, 'H1', 'employee');
    expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // D = 57000, D / 12 = 4750. Month 1: (4750 + 1000) / 100 points = 57.5 → fund share 5750 − 1000 = 4750,
    // pre-paid 0.9 × 4750 = 4275. Month 3: (4750 + 1000) / 200 = 28.75 → H1 2875 − 1000 = 1875 → 1687.50
    expect(months[0]).toMatchObject({ points: 100, yuanPerPoint: 57.5, revenue: 5750, patientPay: 1000, fundShare: 4750, prepaidFen: 427_500 });
    expect(months[1]).toMatchObject({ points: 0, prepaidFen: 0 });
    expect(months[2]).toMatchObject({ points: 100, yuanPerPoint: 28.75, fundShare: 1875, prepaidFen: 168_750 });
    const h = result.hospitalCodes.indexOf('H1');
    expect(months.reduce((s, m) => s + m.prepaidFen, 0)).toBe(result.rounded.prepaid[h]);
    expect(monthlyPrepayments(result, 'H1', 'resident')).toEqual([]);
    expect(monthlyPrepayments(result, 'H2', 'resident')).toHaveLength(12);
  });
});
