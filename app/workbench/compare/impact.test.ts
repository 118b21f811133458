import { describe, expect, it } from 'vitest';
import type { ContractHospitalRow } from '@/worker/settlement/result';
import { settle, toContractResult } from '@/worker/settlement/index';
import { CATALOG, levelThreeHospitals } from '@/worker/settlement/fixtures/city';
import { handData } from '@/worker/settlement/testing/hand';
import { change, headline, impactRows, outcomesByHospital, overBudgetPools, shiftByLevel, type SettledRound } from './impact';

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

describe('sums of money in whole fen', () => {
  it("adds a hospital's pools and the headline's totals in fen: no float noise", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats; in fen 10 + 20 = 30
    const rows = [row('H1', 'employee', 0.1, 0.1, 1, 1), row('H1', 'resident', 0.2, 0.2, 1, 1)];
    const result = round(rows);
    expect(outcomesByHospital(result).get('H1')?.settlement).toBe(0.3);
    expect(outcomesByHospital(result).get('H1')?.totalCost).toBe(0.3);
    const fund = headline(impactRows(hospitals, result, [result]), result, 0).fundPayment;
    // fund payments 0.07 + 0.14 (0.7 × settlement, rounded to the fen by fenOf)
    expect(fund).toBe(0.21);
    expect(change(0.1, 0.3).yuan).toBe(0.2);
    expect(shiftByLevel(impactRows(hospitals, result, [round([row('H1', 'employee', 0.4, 0.1, 1, 1)])]), 0)).toEqual([{ level: 3, yuan: 0.1, baseline: 0.3 }]);
  });

  it('flags the pools whose fund payments exceed their budget (费率法), with the excess; none within it', () => {
    // employee budget 1000: fund payments 0.7 × (1200 + 400) = 1120 → 120 above; resident 500: 0.7 × 300 = 210
    const over = round([row('H1', 'employee', 1200, 1000, 1, 1), row('H2', 'employee', 400, 400, 1, 1), row('H1', 'resident', 300, 300, 1, 1)]);
    const h = headline(impactRows(hospitals, over, [over]), over, 0);
    expect(h.overBudget).toEqual([{ pool: 'employee', fundPayment: 1120, budget: 1000, excess: 120 }]);
    // sharing 20 + 5, incentive 10 + 0
    expect([h.sharing, h.incentive, h.reserveUsed]).toEqual([25, 10, 35]);
    const within = round([row('H1', 'employee', 1000, 1000, 1, 1)]);
    expect(headline(impactRows(hospitals, within, [within]), within, 0).overBudget).toEqual([]);
    // a pool without a budget (费率法 without one) is never flagged
    const noBudget: SettledRound = { ...over, totals: { employee: { ...over.totals.employee!, budget: 0 } } };
    expect(headline(impactRows(hospitals, noBudget, [noBudget]), noBudget, 0).overBudget).toEqual([]);
  });
});

describe('费率法 against its budget', () => {
  it('the engine pays every case its rate: fund payments above the budget are flagged', () => {
    // 3 三级 hospitals, one A case each (10000 yuan per RW, RW 1, patient pays 1000): F = 9000 each before the
    // reserve; budget 20000 → reserve 1000, split as incentive by B → F = 9000 + 333.33… each, Σ 28000 → 8000 above
    const city = { hospitals: levelThreeHospitals(3), catalog: CATALOG, cases: [1, 2, 3].map((i) => ({ hospital: `H${i}`, drg: 'A', cost: 10000, pay: 1000 })) };
    const result = toContractResult(settle(handData(city), { method: 'rate', rate: { employee: 10000 }, budget: { employee: 20000 } }));
    expect(overBudgetPools(result)).toEqual([{ pool: 'employee', fundPayment: 28000, budget: 20000, excess: 8000 }]);
    const points = toContractResult(settle(handData(city), { method: 'points', budget: { employee: 20000 } }));
    expect(overBudgetPools(points)).toEqual([]);
  });
});
