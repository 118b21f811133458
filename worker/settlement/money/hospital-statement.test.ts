import { describe, expect, it } from 'vitest';
import { settle } from '../index';
import { CLEARING_FIXTURES, RULE_FIXTURES } from '../fixtures';
import { CATALOG, levelThreeHospitals } from '../fixtures/city';
import { handData, type HandCity } from '../testing/hand';
import type { RoundParams } from '../round';
import { hospitalStatements, statementIndex, type PoolStatement } from './hospital-statement';

function fixture(name: string) {
  const found = CLEARING_FIXTURES.find((f) => f.name.startsWith(name));
  if (!found) throw new Error(`no fixture ${name}`);
  return settle(handData(found.city), found.round);
}

function statementOf(result: ReturnType<typeof settle>, code: string): PoolStatement {
  const [statement] = hospitalStatements(result, code);
  if (!statement) throw new Error(`no statement of ${code}`);
  return statement;
}

describe("a hospital's year-end statement", () => {
  it('费率法 with a surplus cap: revenue − cap excess = B, surplus kept, overspend shared, S, F, clearing', () => {
    const result = fixture('费率法 surplus_cap');
    // worker/settlement/fixtures/clearing.ts: rate 10000 per RW, one A case each at 8000, 9600, 12000, cap 5 %
    // H1: revenue 10000 > 8000 × 1.05 → B 8400, 1600 back; kept 400; incentive 1183.10 → S = F = 9583.10;
    // pre-paid 0.9 × 10000 = 9000 → clearing 583.10
    expect(statementOf(result, 'H1')).toMatchObject({
      pool: 'employee', points: 100, yuanPerPoint: 100,
      revenueFen: 1_000_000, deductionFen: 0, surplusCapExcessFen: 160_000, baseRevenueFen: 840_000, actualCostFen: 800_000,
      overspendFen: 0, overspendRate: null, surplusKeptFen: 40_000, sharingFen: 0, evalCoefficient: 1, incentiveFen: 118_310,
      settlementFen: 958_310, patientPayFen: 0, fundPaymentFen: 958_310, prepaidFen: 900_000, clearingFen: 58_310,
    });
    // H2: 10000 ≤ 9600 × 1.05: nothing back, 400 kept
    expect(statementOf(result, 'H2')).toMatchObject({ surplusCapExcessFen: 0, baseRevenueFen: 1_000_000, surplusKeptFen: 40_000 });
    // H3: O = 2000, o = 0.2 → 50 % = 1000; S = 10000 + 1000 + 1408.45
    const h3 = statementOf(result, 'H3');
    expect(h3).toMatchObject({ overspendFen: 200_000, surplusKeptFen: 0, sharingFen: 100_000, incentiveFen: 140_845, settlementFen: 1_240_845, clearingFen: 340_845 });
    expect(h3.overspendRate).toBeCloseTo(0.2, 12);
  });

  it('点数法: deductions lower B, the overspend rate is (C − B) ÷ B', () => {
    const statement = statementOf(fixture('点数法: deductions'), 'H1');
    // pv 95, 100 points → revenue 9500; deduction 500 → B 9000; C 10000 → O 1000, o = 1/9 → 50 % = 500
    expect(statement).toMatchObject({ revenueFen: 950_000, deductionFen: 50_000, baseRevenueFen: 900_000, overspendFen: 100_000, sharingFen: 50_000, incentiveFen: 7_297, fundPaymentFen: 957_297 });
    expect(statement.yuanPerPoint).toBeCloseTo(95, 12);
    expect(statement.overspendRate).toBeCloseTo(1 / 9, 12);
  });

  it('on the fund basis C is total cost − patient pay, and F = S', () => {
    const city: HandCity = {
      hospitals: levelThreeHospitals(2),
      catalog: CATALOG,
      cases: [
        { hospital: 'H1', drg: 'A', cost: 10000, pay: 2000 },
        { hospital: 'H2', drg: 'A', cost: 12000, pay: 1000 },
      ],
    };
    const round: RoundParams = { method: 'points', point_value_basis: 'fund', budget: { employee: 20000 } };
    const result = settle(handData(city), round);
    // D = 19000, pv = 19000 / 200 = 95 → B = 9500 each. H1: C = 8000 → kept 1500. H2: C = 11000 → O = 1500,
    // o = 15.8 % → 50 % = 750. Left 1000 − 750 = 250 → 125 each. F1 = 9625, F2 = 9500 + 750 + 125 = 10375.
    expect(statementOf(result, 'H1')).toMatchObject({ actualCostFen: 800_000, surplusKeptFen: 150_000, settlementFen: 962_500, fundPaymentFen: 962_500, patientPayFen: 200_000 });
    expect(statementOf(result, 'H2')).toMatchObject({ actualCostFen: 1_100_000, overspendFen: 150_000, sharingFen: 75_000, incentiveFen: 12_500, fundPaymentFen: 1_037_500 });
  });

  it('adds up to the fen on every line, for every hospital of every hand-checked city', () => {
    for (const f of RULE_FIXTURES) {
      const result = settle(handData(f.city), f.round);
      for (const [code, pools] of statementIndex(result)) {
        for (const s of Object.values(pools)) {
          const where = `${f.name} ${code} ${s.pool}`;
          expect(s.revenueFen - s.deductionFen - s.surplusCapExcessFen, where).toBe(s.baseRevenueFen);
          expect(s.baseRevenueFen + s.overspendFen - s.surplusKeptFen, where).toBe(s.actualCostFen);
          expect(s.overspendFen * s.surplusKeptFen, where).toBe(0);
          expect(s.baseRevenueFen + s.sharingFen + s.incentiveFen, where).toBe(s.settlementFen);
          expect(s.settlementFen - (result.basis === 'fund' ? 0 : s.patientPayFen), where).toBe(s.fundPaymentFen);
          expect(s.fundPaymentFen - s.prepaidFen, where).toBe(s.clearingFen);
          for (const fen of [s.revenueFen, s.surplusCapExcessFen, s.baseRevenueFen, s.sharingFen, s.incentiveFen, s.prepaidFen]) expect(Number.isInteger(fen), where).toBe(true);
        }
      }
    }
  });

  it('has no statement in a pool without cases, nor for an unknown hospital', () => {
    const result = fixture('费率法 surplus_cap');
    expect(hospitalStatements(result, 'H1').map((s) => s.pool)).toEqual(['employee']);
    expect(hospitalStatements(result, 'H9')).toEqual([]);
  });
});
