/**
 * Properties of SETTLEMENT.md §4.4 on random cities (seeded), on the demo city and under transformations that
 * must not change the result: money reconciles to the fen, statements and columns add up, the order of the
 * cases does not matter, points scale with base_points, a uniform coefficient change leaves 点数法 money alone.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '@/db/seed/demo-city';
import { parseRoundParams, settle, toContractResult, type ContractResult, type RoundParams } from './index';
import { contractMismatches } from './testing/contract-check';
import { handData } from './testing/hand';
import { caseCountTotal, invariantViolations } from './testing/invariants';
import { seededRandom, syntheticCity, syntheticRound } from './testing/synthetic';
import { allocateCaseColumns, type SettlementData } from './types';
import { CATALOG } from './fixtures/city';

const SEEDS = [1, 2, 3, 17, 2024];

function randomCity(seed: number): SettlementData {
  return syntheticCity({ seed, hospitals: 30, drgs: 120, cases: 6000 });
}

/** Rounds that exercise every branch of the money rules on a synthetic city. */
function roundsFor(data: SettlementData): [string, RoundParams][] {
  const budget = syntheticRound(data).budget!;
  const tight = { employee: Math.round(budget.employee! * 0.75), resident: Math.round(budget.resident! * 0.75) };
  const rate = { employee: 9000, resident: 8000 };
  return [
    ['点数法 total basis', { method: 'points', budget }],
    ['点数法 fund basis', { method: 'points', point_value_basis: 'fund', budget }],
    [
      '点数法 with surplus cap, open sharing band, fixed monthly value, scores overridden',
      {
        method: 'points',
        budget,
        surplus_cap: 0.05,
        reserve_ratio: 0.1,
        sharing_bands: [
          { over_max: 0.1, fund_share: 0.7 },
          { over_max: null, fund_share: 0.2 },
        ],
        monthly_point_value: { employee: 85 },
        evaluation_scores: { H001: 10, H002: 75 },
      },
    ],
    [
      '点数法 fund basis, tight budget, small reserve (sharing pro-rated)',
      { method: 'points', point_value_basis: 'fund', budget: tight, reserve_ratio: 0.01, sharing_bands: [{ over_max: null, fund_share: 0.5 }] },
    ],
    ['点数法 with a LOS window cutting into the usual stays', { method: 'points', budget, exclude_los_max: 4, exclude_los_min: 25 }],
    ['费率法 with budget and a level rate', { method: 'rate', rate, rate_by_level: { resident: { '1': 7000 } }, budget }],
    ['费率法 with a generous rate and surplus cap 0', { method: 'rate', rate: { employee: 12000, resident: 11000 }, budget, surplus_cap: 0 }],
    ['费率法 without budget', { method: 'rate', rate }],
  ];
}

/** The same cases in another order: every column permuted together. */
function shuffled(data: SettlementData, seed: number): SettlementData {
  const random = seededRandom(seed);
  const n = data.cases.count;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cases = allocateCaseColumns(n);
  const columns = ['hospital', 'drg', 'month', 'pool', 'totalCost', 'patientPay', 'deduction', 'los', 'specialReview'] as const;
  for (const name of columns) {
    const from = data.cases[name];
    const to = cases[name];
    order.forEach((i, k) => (to[k] = from[i]!));
  }
  return { ...data, cases };
}

const moneyFields = ['total_cost', 'patient_pay', 'base_revenue', 'deduction', 'sharing', 'incentive', 'settlement', 'fund_payment'] as const;

/** Rows where two results report different money (fields given), as readable lines. */
function moneyDifferences(a: ContractResult, b: ContractResult, fields: readonly (keyof ContractResult['hospitals'][number])[], toleranceFen = 0): string[] {
  const out: string[] = [];
  a.hospitals.forEach((row, i) => {
    const other = b.hospitals[i]!;
    for (const field of fields) {
      const x = row[field] as number;
      const y = other[field] as number;
      if (Math.abs(Math.round(x * 100) - Math.round(y * 100)) > toleranceFen) out.push(`${row.pool}/${row.hospital_code} ${field}: ${x} vs ${y}`);
    }
  });
  return out;
}

describe.each(SEEDS)('random city, seed %i', (seed) => {
  const data = randomCity(seed);

  it.each(roundsFor(data))('%s: reconciles to the fen, statements and columns add up', (_, round) => {
    const result = settle(data, round);
    expect(invariantViolations(result)).toEqual([]);
    expect(caseCountTotal(result)).toBe(data.cases.count);
  });

  it.each(roundsFor(data))('%s: shuffling the cases gives byte-identical result.json', (_, round) => {
    const before = JSON.stringify(toContractResult(settle(data, round)));
    const after = JSON.stringify(toContractResult(settle(shuffled(data, seed + 1000), round)));
    expect(after === before).toBe(true);
  });

  it('moving a LOS limit over stays that do not occur changes nothing (the engine may take another path)', () => {
    // no stay of 3–6 days and none of 25–59: exclude_los_max 2 or 6, exclude_los_min 60 or 25 exclude the same cases
    const los = data.cases.los.map((days) => (days >= 3 && days <= 6 ? 7 : days >= 25 && days < 60 ? 24 : days));
    const gapped = { ...data, cases: { ...data.cases, los } };
    const budget = syntheticRound(data).budget!;
    const usual = JSON.stringify(toContractResult(settle(gapped, { method: 'points', budget })));
    for (const window of [{ exclude_los_max: 6 }, { exclude_los_min: 25 }, { exclude_los_max: 6, exclude_los_min: 25 }]) {
      expect(JSON.stringify(toContractResult(settle(gapped, { method: 'points', budget, ...window }))) === usual, JSON.stringify(window)).toBe(true);
    }
  });

  it('doubling base_points doubles every hospital’s points and changes no money (点数法 and 费率法)', () => {
    for (const [, round] of roundsFor(data).filter(([, r]) => r.monthly_point_value === undefined)) {
      const single = toContractResult(settle(data, round));
      const double = toContractResult(settle(data, { ...round, base_points: 200 }));
      single.hospitals.forEach((row, i) => {
        // each figure is rounded to 4 decimals, so 2 × rounded and rounded(2 ×) differ by at most 0.0001
        expect(Math.abs(double.hospitals[i]!.points - 2 * row.points)).toBeLessThanOrEqual(1.0001e-4 * Math.max(1, row.points));
      });
      // ×2 is exact in binary: the annual money is identical. Monthly points are summed in fixed point (2⁻⁸ and
      // 2⁻⁴⁰ parts), which does not commute with ×2 exactly, so pre-payments may move by a fen.
      expect(moneyDifferences(single, double, moneyFields)).toEqual([]);
      expect(moneyDifferences(single, double, ['prepaid', 'clearing'], 1)).toEqual([]);
      if (round.method === 'points') {
        (['employee', 'resident'] as const).forEach((pool) => expect(double.point_value[pool]).toBeCloseTo(single.point_value[pool]! / 2, 9));
      }
    }
  });
});

/**
 * A uniform coefficient change in 点数法 (every level coefficient, file coefficient and uniform coefficient × c)
 * scales the points of a case only when every part of them carries k. By default three parts do not: ungrouped
 * points (cost / city average, no coefficient), special cases (at cost, no coefficient) and the high-cost add-on
 * and the low-cost points (× k only with high_extra_times_coef / low_times_coef). Those parts keep their
 * weight while the rest scales, so the point value does not move in proportion and money shifts between
 * hospitals (see the hand example below). The property therefore holds on a city without special cases, with
 * ungrouped_ratio 0 and both *_times_coef on — then Σ points × c and the point value ÷ c, and money is unchanged.
 */
describe('uniform coefficient change in 点数法', () => {
  function coefficientRound(data: SettlementData, c: number, basis: 'total' | 'fund'): RoundParams {
    const scaled = (k: number) => Math.round(k * c * 1e12) / 1e12;
    const hospitalCoefficients: Record<string, number> = {};
    for (const h of data.hospitals) if (h.coefficient !== null) hospitalCoefficients[h.code] = scaled(h.coefficient);
    return {
      method: 'points',
      point_value_basis: basis,
      budget: syntheticRound(data).budget!,
      ungrouped_ratio: 0,
      low_times_coef: true,
      high_extra_times_coef: true,
      level_coefficients: { '1': scaled(0.7), '2': scaled(0.85), '3': scaled(1) },
      uniform_coefficient: scaled(1),
      hospital_coefficients: hospitalCoefficients,
    };
  }

  function withoutSpecialCases(data: SettlementData): SettlementData {
    return { ...data, cases: { ...data.cases, specialReview: new Uint8Array(data.cases.count) } };
  }

  it.each(SEEDS.flatMap((seed) => (['total', 'fund'] as const).map((basis) => [seed, basis] as const)))(
    'seed %i, basis %s: coefficients × 2 and × 1.1 leave every hospital’s money unchanged',
    (seed, basis) => {
      const data = withoutSpecialCases(randomCity(seed));
      const base = toContractResult(settle(data, coefficientRound(data, 1, basis)));
      const doubled = toContractResult(settle(data, coefficientRound(data, 2, basis)));
      // × 2 is exact: identical annual money (pre-payments: see the base_points property)
      expect(moneyDifferences(base, doubled, moneyFields)).toEqual([]);
      expect(moneyDifferences(base, doubled, ['prepaid', 'clearing'], 1)).toEqual([]);
      // × 1.1 is not exact in binary: the unrounded money agrees to ~1e-12, the rounded figures to a fen
      const other = toContractResult(settle(data, coefficientRound(data, 1.1, basis)));
      expect(moneyDifferences(base, other, [...moneyFields, 'prepaid', 'clearing'], 1)).toEqual([]);
      base.hospitals.forEach((row, i) => expect(other.hospitals[i]!.points).toBeCloseTo(row.points * 1.1, 2));
    },
  );

  it('ungrouped points carry no coefficient: doubling every coefficient moves money to the hospital with grouped cases', () => {
    const city = {
      hospitals: [
        { code: 'H1', level: 3 as const },
        { code: 'H2', level: 3 as const },
      ],
      catalog: CATALOG,
      cases: [
        { hospital: 'H1', drg: 'A', cost: 10000 },
        { hospital: 'H2', drg: '', cost: 10000 },
      ],
    };
    const data = handData(city);
    // k = 1: H1 100 points, H2 10000 / 10000 × 90 = 90; D = 19000, pv = 19000 / 190 = 100 → 10000, 9000
    const before = toContractResult(settle(data, { method: 'points', budget: { employee: 20000 } }));
    expect(contractMismatches(before, { point_value: { employee: 100 }, hospitals: [{ hospital_code: 'H1', pool: 'employee', base_revenue: 10000 }, { hospital_code: 'H2', pool: 'employee', base_revenue: 9000 }] })).toEqual([]);
    // k = 2: H1 200, H2 still 90; pv = 19000 / 290 = 65.5172…; H1 200 × pv = 13103.448, H2 90 × pv = 5896.552
    // (fen: T = 1900000, floors 1310344 + 589655, the extra fen to H1's .83) → 13103.45, 5896.55
    const after = toContractResult(settle(data, { method: 'points', budget: { employee: 20000 }, level_coefficients: { '3': 2 } }));
    expect(contractMismatches(after, { point_value: { employee: 19000 / 290 }, hospitals: [{ hospital_code: 'H1', pool: 'employee', base_revenue: 13103.45 }, { hospital_code: 'H2', pool: 'employee', base_revenue: 5896.55 }] })).toEqual([]);
  });
});

describe('demo city (db/seed/demo-city)', () => {
  it('every example round of a 50 000-case city reconciles, adds up and ignores the case order', () => {
    const city = generateDemoCity({ cases: 50_000 });
    const shuffledData = shuffled(city.bundle, 7);
    for (const round of city.rounds) {
      const parsed = parseRoundParams(round.params);
      if (!parsed.ok) throw new Error(`${round.name}: ${JSON.stringify(parsed.errors)}`);
      const result = settle(city.bundle, parsed.params);
      expect(invariantViolations(result), round.name).toEqual([]);
      expect(JSON.stringify(toContractResult(settle(shuffledData, parsed.params))) === JSON.stringify(toContractResult(result)), round.name).toBe(true);
    }
  });

  it('round 0 of the full-size city settles with its budget reconciled to the fen', () => {
    const city = generateDemoCity();
    const parsed = parseRoundParams(city.rounds[0]!.params);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const result = settle(city.bundle, parsed.params);
    expect(invariantViolations(result)).toEqual([]);
    const contract = toContractResult(result);
    for (const pool of ['employee', 'resident'] as const) {
      const rows = contract.hospitals.filter((h) => h.pool === pool);
      const fen = (yuan: number) => Math.round(yuan * 100);
      const paid = rows.reduce((sum, h) => sum + fen(h.fund_payment) + fen(h.deduction), 0);
      expect(paid + fen(contract.totals[pool]!.returned)).toBe(fen(contract.totals[pool]!.budget));
      expect(contract.totals[pool]!.budget).toBeGreaterThan(0);
    }
  });
});
