/**
 * 下年度预测: zero growth reproduces this year's settlement exactly; reweighting equals settling the reweighted
 * cases (a volume growth of 100 % is every case twice, a cost growth of 100 % every cost and benchmark doubled),
 * so volume growth scales linearly where it should; the deflation warning and the input checks.
 */
import { describe, expect, it } from 'vitest';
import { createSettlementEngine, type RoundParams } from '@/worker/settlement';
import { syntheticCity, syntheticRound } from '@/worker/settlement/testing/synthetic';
import { allocateCaseColumns, type SettlementData } from '@/worker/settlement/types';
import { project, projectionInputErrors, type ProjectionInput } from './projection';

const data = syntheticCity({ seed: 8, hospitals: 30, drgs: 120, cases: 8000 });
const pointsRound = syntheticRound(data);
const ROUNDS: [string, RoundParams][] = [
  ['点数法', pointsRound],
  ['点数法 fund basis, surplus cap', { ...pointsRound, point_value_basis: 'fund', surplus_cap: 0.05 }],
  ['费率法 with budget', { method: 'rate', rate: { employee: 9000, resident: 8000 }, rate_by_level: { resident: { '1': 7000 } }, budget: pointsRound.budget! }],
];

const NONE: ProjectionInput = {
  volume_growth_by_level: {},
  volume_growth_by_pool: { employee: 0, resident: 0 },
  cost_growth: 0,
  cmi_drift: 0,
  budget_growth: { employee: 0, resident: 0 },
  deflation_threshold: 0.05,
};

/** The data set with case i repeated `times(i)` times (0: left out). */
function reweighted(source: SettlementData, times: (i: number) => number): SettlementData {
  const picks: number[] = [];
  for (let i = 0; i < source.cases.count; i++) for (let k = 0; k < times(i); k++) picks.push(i);
  const cases = allocateCaseColumns(picks.length);
  for (const key of Object.keys(cases) as (keyof typeof cases)[]) {
    if (key === 'count') continue;
    const column = cases[key] as unknown as number[];
    const from = source.cases[key] as unknown as ArrayLike<number>;
    picks.forEach((i, j) => (column[j] = from[i]!));
  }
  return { ...source, cases };
}

/** Every cost, patient payment, deduction and benchmark cost × 2 (exact in fen). */
function costsDoubled(source: SettlementData): SettlementData {
  const cases = { ...source.cases, totalCost: source.cases.totalCost.map((x) => 2 * x), patientPay: source.cases.patientPay.map((x) => 2 * x), deduction: source.cases.deduction.map((x) => 2 * x) };
  return { ...source, catalog: source.catalog.map((d) => ({ ...d, benchmarkCost: d.benchmarkCost === null ? null : 2 * d.benchmarkCost })), cases };
}

/** The projection against `direct`, the reweighted data set settled as it is. */
function expectSameAsDirect(params: RoundParams, input: ProjectionInput, direct: SettlementData, relative = 1e-11, settlementRelative = 0) {
  const projection = project(createSettlementEngine(data), data, params, input);
  const settled = createSettlementEngine(direct).settle(params);
  projection.pools.forEach((pool, p) => {
    if (settled.pools[p]!.pointValue === 0) expect(pool.projected.point_value).toBe(0);
    else expect(Math.abs(pool.projected.point_value / settled.pools[p]!.pointValue - 1)).toBeLessThan(relative);
  });
  for (const row of projection.exposed) {
    const h = data.hospitals.findIndex((hospital) => hospital.code === row.hospital_code);
    const r = (row.pool === 'employee' ? 0 : 1) * data.hospitals.length + h;
    // the same money, up to the order of sums: within a few fen
    expect(Math.abs(row.projected_settlement - settled.rounded.settlement[r]! / 100)).toBeLessThanOrEqual(Math.max(0.05, settled.rows.settlement[r]! * settlementRelative));
  }
}

describe('projection', () => {
  it.each(ROUNDS)('%s: zero growth reproduces this year’s settlement exactly', (_, params) => {
    const projection = project(createSettlementEngine(data), data, params, NONE);
    for (const pool of projection.pools) {
      expect(pool.projected).toEqual(pool.this_year);
      expect(pool.change).toBe(0);
      expect(pool.deflation).toBe(false);
    }
    expect(projection.exposed.every((row) => row.change === 0 && row.projected_settlement === row.this_year_settlement)).toBe(true);
    expect(projection.exposed.length).toBeGreaterThan(30);
  });

  it.each(ROUNDS)('%s: volume growth of 100 % in both pools = every case twice', (_, params) => {
    expectSameAsDirect(params, { ...NONE, volume_growth_by_pool: { employee: 1, resident: 1 } }, reweighted(data, () => 2));
  });

  it.each(ROUNDS)('%s: volume growth of 100 % at level 3 = the 三级 hospitals’ cases twice', (_, params) => {
    const level3 = (i: number) => data.hospitals[data.cases.hospital[i]!]!.level === 3;
    expectSameAsDirect(params, { ...NONE, volume_growth_by_level: { '3': 1 } }, reweighted(data, (i) => (level3(i) ? 2 : 1)));
  });

  it.each(ROUNDS)('%s: cost growth of 100 % = every cost and benchmark cost doubled', (_, params) => {
    expectSameAsDirect(params, { ...NONE, cost_growth: 1 }, costsDoubled(data));
  });

  it('volume growth scales linearly: 费率法 without budget pays every hospital × (1 + g)', () => {
    const params: RoundParams = { method: 'rate', rate: { employee: 9000, resident: 8000 } };
    const projection = project(createSettlementEngine(data), data, params, { ...NONE, volume_growth_by_pool: { employee: 0.06, resident: 0.06 } });
    for (const row of projection.exposed) expect(row.projected_settlement).toBeCloseTo(row.this_year_settlement * 1.06, 1);
  });

  it('点数法 (fund basis): volume growth g lowers the point value to 1/(1 + g); budget grown alike keeps it', () => {
    const params: RoundParams = { ...pointsRound, point_value_basis: 'fund' };
    const grown = project(createSettlementEngine(data), data, params, { ...NONE, volume_growth_by_pool: { employee: 0.08, resident: 0.08 } });
    for (const pool of grown.pools) {
      expect(pool.projected.point_value).toBeCloseTo(pool.this_year.point_value / 1.08, 10);
      expect(pool.deflation).toBe(true);
    }
    const funded = project(createSettlementEngine(data), data, params, { ...NONE, volume_growth_by_pool: { employee: 0.08, resident: 0.08 }, budget_growth: { employee: 0.08, resident: 0.08 } });
    for (const pool of funded.pools) expect(pool.projected.point_value).toBeCloseTo(pool.this_year.point_value, 10);
    for (const row of funded.exposed) expect(row.projected_settlement).toBeCloseTo(row.this_year_settlement * 1.08, 1);
  });

  it('CMI drift scales every weight; an equal month profile changes nothing', () => {
    const drifted = project(createSettlementEngine(data), data, pointsRound, { ...NONE, cmi_drift: 0.1, deflation_threshold: 0.2 });
    for (const pool of drifted.pools) {
      expect(pool.change).toBeLessThan(-0.05);
      expect(pool.deflation).toBe(false);
    }
    const flat = project(createSettlementEngine(data), data, pointsRound, { ...NONE, month_profile: Array(12).fill(3) });
    for (const pool of flat.pools) expect(pool.projected).toEqual(pool.this_year);
  });

  // close, not exact: scaleTally scales a row's grouped costs and case counts by its points-weighted month factor,
  // so the pools' city_avg_cost (the ungrouped cases' points) and C are near the reweighted cases' (and C, through
  // the overspend bands' jumps, can move a hospital's sharing a lot): the point values are compared
  it('a month profile moves volume between months: January twice, December none ≈ those cases settled so', () => {
    const profile = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    const month = (i: number) => data.cases.month[i]!;
    const direct = reweighted(data, (i) => (month(i) === 1 ? 2 : month(i) === 12 ? 0 : 1));
    expectSameAsDirect(pointsRound, { ...NONE, month_profile: profile }, direct, 1e-3, Infinity);
    const projection = project(createSettlementEngine(data), data, pointsRound, { ...NONE, month_profile: profile });
    const settled = createSettlementEngine(direct).settle(pointsRound);
    projection.pools.forEach((pool, p) => {
      for (let t = 0; t < 11; t++) expect(Math.abs(pool.projected.monthly[t]! / settled.pools[p]!.monthlyPointValue[t]! - 1)).toBeLessThan(1e-3);
      expect(pool.projected.monthly[0]).toBeLessThan(pool.this_year.monthly[0]!);
    });
  });

  it('fund balance is the budget less the fund payments; the most exposed come first', () => {
    const projection = project(createSettlementEngine(data), data, pointsRound, { ...NONE, volume_growth_by_level: { '1': 0.3 } });
    const settled = createSettlementEngine(data).settle(pointsRound);
    expect(projection.pools[0]!.this_year.fund_balance).toBe((settled.pools[0]!.budgetFen - settled.pools[0]!.fundPaymentFen) / 100);
    const ratios = projection.exposed.map((row) => row.change_ratio);
    expect(ratios).toEqual([...ratios].sort((a, b) => a - b));
    expect(ratios[0]).toBeLessThan(0);
  });

  it('refuses growth of −100 % or less, a bad month profile, an unknown level', () => {
    const errors = projectionInputErrors({ ...NONE, cost_growth: -1, volume_growth_by_level: { '4': 0.1 }, month_profile: [1, 2] });
    expect(errors.map((e) => e.field)).toEqual(['volume_growth_by_level.4', 'cost_growth', 'month_profile']);
    expect(() => project(createSettlementEngine(data), data, pointsRound, { ...NONE, cost_growth: Number.NaN })).toThrow(/cost_growth/);
  });
});
