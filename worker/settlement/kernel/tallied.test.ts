/**
 * The money step on a tally (tallied.ts): `settleTally(tally(p), q)` is `settle(q)` bit for bit whenever q
 * differs from p only in money-only keys, however often and in whatever order a tally is settled; a change the
 * pass reads is refused; a scaled tally with every factor 1 is the tally itself.
 */
import { describe, expect, it } from 'vitest';
import { createSettlementEngine, MONEY_ONLY_KEYS, parseRoundParams, scaleTally, transferables, type RoundParams } from '../index';
import { bitDifferences } from '../testing/bits';
import { syntheticCity, syntheticRound } from '../testing/synthetic';

function parsed(params: unknown): RoundParams {
  const result = parseRoundParams(params);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.params;
}

const data = syntheticCity({ seed: 11, hospitals: 20, drgs: 70, cases: 6000 });
const base = parsed({ ...syntheticRound(data), evaluation_scores: { [data.hospitals[0]!.code]: 75 } });
const rows = 2 * data.hospitals.length;

/** One edit of each money-only key (and a few together). */
const moneyEdits: [string, RoundParams][] = [
  ['budget', { ...base, budget: { employee: 5e6, resident: 4e6 } }],
  ['reserve ratio', { ...base, reserve_ratio: 0.1 }],
  ['fund basis', { ...base, point_value_basis: 'fund' }],
  ['fixed monthly point value, prepay ratio', { ...base, monthly_point_value: { employee: 9.5 }, prepay_ratio: 0.8 }],
  ['sharing bands, surplus cap', { ...base, sharing_bands: [{ over_max: 0.05, fund_share: 0.9 }, { over_max: null, fund_share: 0.2 }], surplus_cap: 0.1 }],
  ['eval bands and scores', { ...base, eval_bands: [{ min_score: 80, coef: 1 }, { min_score: 0, coef: 0.5 }], evaluation_scores: { [data.hospitals[1]!.code]: 60 } }],
  ['费率法 with rates by level', parsed({ method: 'rate', budget: base.budget, rate: { employee: 9000, resident: 7000 }, rate_by_level: { resident: { 3: 8000 } } })],
].map(([name, params]) => [name as string, parsed(params)]);

describe('the money step on a tally', () => {
  it('lists the money-only keys: every §6 key the pass does not read', () => {
    expect([...MONEY_ONLY_KEYS].sort()).toEqual(
      ['budget', 'eval_bands', 'evaluation_scores', 'method', 'monthly_point_value', 'point_value_basis', 'prepay_ratio', 'rate', 'rate_by_level', 'reserve_ratio', 'sharing_bands', 'surplus_cap'].sort(),
    );
  });

  it('gives settle()’s result bit for bit, for the tallied round and for each money-only edit, with and without cells', () => {
    const engine = createSettlementEngine(data);
    const reference = createSettlementEngine(data, { caseByCase: true });
    const tallied = engine.tally(base);
    for (const [name, params] of [['the tallied round', base] as [string, RoundParams], ...moneyEdits]) {
      expect(bitDifferences(engine.settleTally(tallied, params), reference.settle(params)), name).toEqual([]);
      expect(bitDifferences(engine.settleTally(tallied, params, false), reference.settle(params, undefined, false)), `${name}, no cells`).toEqual([]);
    }
  });

  it('leaves the tally as it is: settled twice, or with other money params and back, or its result transferred, the same bits', () => {
    const engine = createSettlementEngine(data);
    const tallied = engine.tally(base);
    const first = engine.settleTally(tallied, base);
    const kept = structuredClone(first);
    for (const [, params] of moneyEdits) engine.settleTally(tallied, params, false);
    // a worker transfers its results: the tally's own arrays must not go with them
    structuredClone(first, { transfer: transferables(first) });
    engine.settle(parsed({ ...base, low_multiple: 0.3 })); // the engine passes another round meanwhile
    expect(bitDifferences(engine.settleTally(tallied, base), kept)).toEqual([]);
  });

  it('refuses params that the pass reads, naming them, and a tally of another engine', () => {
    const engine = createSettlementEngine(data);
    const tallied = engine.tally(base);
    expect(() => engine.settleTally(tallied, { ...base, low_multiple: 0.3 })).toThrow(/low_multiple/);
    expect(() => engine.settleTally(tallied, { ...base, base_points: 200, ungrouped_ratio: 0.5 })).toThrow(/base_points, ungrouped_ratio/);
    expect(() => createSettlementEngine(data).settleTally(tallied, base)).toThrow(/another/);
    expect(() => engine.settleTally({ params: base }, base)).toThrow(/engine\.tally/);
    // the same effective round written another way is no change
    expect(() => engine.settleTally(tallied, { ...base, weights: {}, ungrouped_ratio: 0.9 })).not.toThrow();
  });
});

describe('a scaled tally', () => {
  const engine = createSettlementEngine(data);
  const tallied = engine.tally(base);

  it('with every factor 1, row and month, gives the tally’s settlement bit for bit', () => {
    const ones = new Float64Array(rows).fill(1);
    const expected = engine.settle(base);
    expect(bitDifferences(engine.settleTally(scaleTally(tallied, ones), base), expected)).toEqual([]);
    expect(bitDifferences(engine.settleTally(scaleTally(tallied, ones, new Float64Array(12).fill(1)), base), expected)).toEqual([]);
  });

  it('scales volume linearly: twice the cases and twice the budget keep the point value, double the settlement', () => {
    const before = engine.settleTally(tallied, base);
    const doubled = parsed({ ...base, budget: { employee: 2 * base.budget!.employee!, resident: 2 * base.budget!.resident! } });
    const after = engine.settleTally(scaleTally(tallied, new Float64Array(rows).fill(2)), doubled);
    for (const p of [0, 1]) {
      expect(after.pools[p]!.pointValue).toBeCloseTo(before.pools[p]!.pointValue, 9);
      expect(after.pools[p]!.points / before.pools[p]!.points).toBeCloseTo(2, 12);
      expect(after.pools[p]!.cityAverageCost).toBeCloseTo(before.pools[p]!.cityAverageCost, 6);
    }
    after.rows.settlement.forEach((settlement, row) => expect(settlement).toBeCloseTo(2 * before.rows.settlement[row]!, 4));
  });

  it('scales one row and one month alone, leaving the tally as it was', () => {
    const factors = new Float64Array(rows).fill(1);
    factors[3] = 1.5;
    const months = new Float64Array(12).fill(1);
    months[0] = 0;
    const before = engine.settleTally(tallied, base);
    const after = engine.settleTally(scaleTally(tallied, factors, months), base);
    expect(after.months.points[3 * 12]).toBe(0);
    // within the ungrouped points, which follow the pool's new city_avg_cost
    expect(after.months.points[3 * 12 + 1]! / before.months.points[3 * 12 + 1]!).toBeCloseTo(1.5, 4);
    expect(after.months.points[4 * 12 + 1]! / before.months.points[4 * 12 + 1]!).toBeCloseTo(1, 4);
    expect(after.rows.points[3]! / before.rows.points[3]!).toBeGreaterThan(1.3);
    expect(bitDifferences(engine.settleTally(tallied, base), before)).toEqual([]);
  });

  it('refuses factors of the wrong length or sign', () => {
    expect(() => scaleTally(tallied, new Float64Array(rows - 1))).toThrow(/rowFactor/);
    expect(() => scaleTally(tallied, new Float64Array(rows).fill(-1))).toThrow(/rowFactor/);
    expect(() => scaleTally(tallied, new Float64Array(rows).fill(1), new Float64Array(11))).toThrow(/monthFactor/);
  });
});
