import { describe, expect, it } from 'vitest';
import type { ContractHospitalRow } from '@/worker/settlement/result';
import { change, headline, impactRows, outcomesByHospital, shiftByLevel, type SettledRound } from './impact';

const counts = (normal: number, high = 0) => ({ normal, high, low: 0, special: 0, ungrouped: 0, excluded: 0 });
function row(code: string, pool: 'employee' | 'resident', settlement: number, totalCost: number, cmi: number, n: number): ContractHospitalRow {
  return {
    hospital_code: code, pool, cases: counts(n), points: settlement / 100, cmi, total_cost: totalCost, patient_pay: 0,
    base_revenue: settlement - 15, deduction: 0, sharing: 10, incentive: 5, settlement, fund_payment: settlement * 0.7,
    prepaid: 0, clearing: settlement * 0.7, payment_cost_ratio: settlement / totalCost,
  };
}
function round(rows: SettledRound['hospitals']): SettledRound {
  return {
    point_value: { employee: 100, resident: 90 },
    totals: { employee: { budget: 1000, reserve: 50, sharing: 20, incentive: 10, returned: 0, settlement: 900 }, resident: { budget: 500, reserve: 25, sharing: 5, incentive: 0, returned: 0, settlement: 450 } },
    hospitals: rows,
  };
}
const hospitals = [
  { code: 'H1', name: 'A', level: 3, district: null, type: null },
  { code: 'H2', name: 'B', level: 1, district: null, type: null },
];

describe('hospital impact', () => {
  it('adds both pools of a hospital and weights CMI by grouped cases', () => {
    const out = outcomesByHospital(round([row('H1', 'employee', 1000, 800, 2, 1), row('H1', 'resident', 500, 400, 1, 3)]));
    const h1 = out.get('H1')!;
    expect(h1.settlement).toBe(1500);
    expect(h1.cases.normal).toBe(4);
    // CMI = (2×1 + 1×3) / 4 = 1.25; ratio = 1500 / 1200 = 1.25
    expect(h1.cmi).toBeCloseTo(1.25, 12);
    expect(h1.paymentCostRatio).toBeCloseTo(1.25, 12);
  });

  it('counts gainers and losers against the baseline and finds the largest of each', () => {
    const base = round([row('H1', 'employee', 1000, 800, 2, 1), row('H2', 'employee', 300, 300, 0.5, 2)]);
    const next = round([row('H1', 'employee', 950, 800, 2, 1), row('H2', 'employee', 380, 300, 0.5, 2)]);
    const rows = impactRows(hospitals, base, [next]);
    const h = headline(rows, next, 0);
    expect([h.gaining, h.losing]).toEqual([1, 1]);
    expect(h.largestGain).toEqual({ code: 'H2', yuan: 80 });
    expect(h.largestLoss).toEqual({ code: 'H1', yuan: -50 });
    // settlement 900 + 450; reserve used = sharing 20 + 5 + incentive 10
    expect([h.settlement, h.budget, h.reserveUsed]).toEqual([1350, 1500, 35]);
    // fund payments are 0.7 × settlement in this fixture: 0.7 × (950 + 380)
    expect(h.fundPayment).toBeCloseTo(931, 9);
    expect(shiftByLevel(rows, 0)).toEqual([
      { level: 3, yuan: -50, baseline: 1000 },
      { level: 1, yuan: 80, baseline: 300 },
    ]);
  });

  it('reports a change ratio only when the old figure is not zero', () => {
    expect(change(200, 150)).toEqual({ yuan: -50, ratio: -0.25 });
    expect(Number.isNaN(change(0, 10).ratio)).toBe(true);
  });
});
