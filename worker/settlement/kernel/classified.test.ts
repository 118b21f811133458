/**
 * classified.ts: an engine that keeps a round's classes and prices later rounds on them must give, round after
 * round, exactly what an engine that classifies every case anew gives (pass.ts, `caseByCase`) — whichever way
 * each round is settled (classes reused, classified anew, or case by case) and in whatever order the rounds come.
 */
import { describe, expect, it } from 'vitest';
import { createSettlementEngine, parseRoundParams, type RoundParams, type SettleTimings } from '../index';
import { syntheticCity, syntheticRound } from '../testing/synthetic';

function parsed(params: RoundParams): RoundParams {
  const result = parseRoundParams(params);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.params;
}

describe('rounds priced on the previous round’s classes', () => {
  const data = syntheticCity({ seed: 7, hospitals: 25, drgs: 90, cases: 8000 });
  const base = syntheticRound(data);
  const firstDrg = data.catalog.find((d) => d.weight !== null && !d.perDiem)!;
  const unweighted = data.catalog.find((d) => d.weight === null && !d.perDiem);
  const lowered = { ...base, low_multiple: 0.6, benchmark_costs: { [firstDrg.code]: (firstDrg.benchmarkCost ?? 1000) * 1.3 } };
  const steps: [string, RoundParams, SettleTimings['classified']][] = [
    ['base round', base, 'one pass'],
    ['level coefficients changed: the same classes again, kept', { ...base, level_coefficients: { 1: 0.7, 2: 0.85, 3: 1.05 } }, 'new'],
    ['hospital override, budget and point-value basis changed', { ...base, hospital_coefficients: { [data.hospitals[0]!.code]: 1.4 }, point_value_basis: 'fund', budget: { employee: 9e6, resident: 8e6 } }, 'reused'],
    ['high add-on times coefficient, low without, other extra ratio', { ...base, high_extra_times_coef: true, low_times_coef: false, high_extra_ratio: 0.8 }, 'reused'],
    ['uniform price for one DRG, base points doubled', { ...base, uniform_price_drgs: [firstDrg.code], uniform_coefficient: 0.9, base_points: 200 }, 'reused'],
    ['费率法', { method: 'rate', rate: { employee: 9000, resident: 8000 } }, 'reused'],
    ['low multiple changed: new thresholds', { ...base, low_multiple: 0.6 }, 'one pass'],
    ['benchmark cost of one DRG changed', lowered, 'one pass'],
    ['LOS limits cutting into the core stays', { ...base, exclude_los_max: 4 }, 'case by case'],
    ['the classes of the last one-pass round again, kept', { ...lowered, level_coefficients: { 1: 0.9, 2: 0.9, 3: 0.9 } }, 'new'],
    ['a weight moved into another high-cost band', { ...base, weights: { [firstDrg.code]: 40 } }, 'one pass'],
    ['kept classes after a one pass', { ...lowered, level_coefficients: { 1: 0.8, 2: 0.9, 3: 1 } }, 'reused'],
    ...(unweighted
      ? ([
          ['a DRG without a catalog weight given one: its cells grouped', { ...lowered, weights: { [unweighted.code]: 1.2 } }, 'one pass'],
          ['kept classes after a one pass with other DRG kinds', lowered, 'reused'],
        ] as [string, RoundParams, SettleTimings['classified']][])
      : []),
    ['back to the base round', base, 'one pass'],
    ['and once more: kept', { ...base, level_coefficients: { 1: 0.75, 2: 0.9, 3: 1 } }, 'new'],
  ];

  it('gives every round bit for bit what the case-by-case pass gives, and reuses the classes when they still apply', () => {
    const engine = createSettlementEngine(data);
    const reference = createSettlementEngine(data, { caseByCase: true });
    expect(unweighted, 'the synthetic catalog has a DRG without weight').toBeDefined();
    const ways: SettleTimings['classified'][] = [];
    for (const [name, params, way] of steps) {
      const timings: SettleTimings = { pass: 0, money: 0 };
      const kept = engine.settle(parsed(params), timings);
      expect(kept, name).toEqual(reference.settle(parsed(params)));
      ways.push(timings.classified);
      expect(timings.classified, name).toBe(way);
    }
    expect(ways.filter((way) => way === 'reused').length).toBeGreaterThan(4);
  });

  it('without the hospital × DRG cells in the result, gives every round the same figures (the kept cells never carry over)', () => {
    const engine = createSettlementEngine(data);
    const reference = createSettlementEngine(data, { caseByCase: true });
    steps.forEach(([name, params], i) => {
      const expected = reference.settle(parsed(params));
      // every other round without its cells: the cells tallied into the engine's kept arrays, then fresh ones
      const cells = i % 2 === 1;
      const result = engine.settle(parsed(params), undefined, cells);
      if (cells) expect(result, name).toEqual(expected);
      else expect(result, name).toEqual({ ...expected, hospitalDrgs: null });
    });
    // a round with cells after rounds without them: its cells are its own, not the kept arrays
    const without = engine.settle(parsed(base), undefined, false);
    const withCells = engine.settle(parsed(base), undefined, true);
    expect(without.hospitalDrgs).toBeNull();
    expect(withCells).toEqual(reference.settle(parsed(base)));
    const again = engine.settle(parsed({ ...base, level_coefficients: { 1: 0.5, 2: 0.5, 3: 0.5 } }), undefined, false);
    expect(again.hospitalDrgs).toBeNull();
    expect(withCells).toEqual(reference.settle(parsed(base)));
  });

  it('reprices only the hospitals whose coefficient changed, and gives bit for bit the case-by-case result', () => {
    const engine = createSettlementEngine(data);
    const reference = createSettlementEngine(data, { caseByCase: true });
    const [first, second] = data.hospitals;
    const levelOf = (level: number) => data.hospitals.filter((h) => h.level === level && h.coefficient === null).length;
    const rowsOf = (hospitals: number) => 2 * hospitals; // both pools: every synthetic hospital has cases in each
    const levels = { 1: 0.7, 2: 0.85, 3: 1.05 };
    const everyRow = (n: number) => n === rowsOf(data.hospitals.length);
    const steps: [string, RoundParams, (rows: number) => boolean][] = [
      ['base round (one pass)', base, (n) => n === 0],
      ['classes kept: every row priced', { ...base, level_coefficients: levels }, everyRow],
      ['二级 coefficient edited: only 二级 hospitals without an own coefficient', { ...base, level_coefficients: { ...levels, 2: 0.95 } }, (n) => n === rowsOf(levelOf(2))],
      ['the same round again: nothing priced', { ...base, level_coefficients: { ...levels, 2: 0.95 } }, (n) => n === 0],
      ['one hospital override', { ...base, level_coefficients: { ...levels, 2: 0.95 }, hospital_coefficients: { [first!.code]: 1.4 } }, (n) => n === 2],
      ['another override, budget and basis changed too', { ...base, level_coefficients: { ...levels, 2: 0.95 }, hospital_coefficients: { [first!.code]: 1.4, [second!.code]: 0.6 }, point_value_basis: 'fund', budget: { employee: 9e6, resident: 8e6 } }, (n) => n === 2],
      ['a weight within its band: every row', { ...base, level_coefficients: { ...levels, 2: 0.95 }, hospital_coefficients: { [first!.code]: 1.4, [second!.code]: 0.6 }, weights: { [firstDrg.code]: (firstDrg.weight ?? 1) * 1.001 } }, everyRow],
      ['then a coefficient on those weights', { ...base, level_coefficients: { ...levels, 1: 0.65, 2: 0.95 }, hospital_coefficients: { [first!.code]: 1.4, [second!.code]: 0.6 }, weights: { [firstDrg.code]: (firstDrg.weight ?? 1) * 1.001 } }, (n) => n > 0 && !everyRow(n)],
      ['uniform coefficient: every row', { ...base, level_coefficients: levels, uniform_price_drgs: [firstDrg.code], uniform_coefficient: 0.9 }, everyRow],
      ['low add-on times coefficient: every row', { ...base, level_coefficients: levels, uniform_price_drgs: [firstDrg.code], uniform_coefficient: 0.9, low_times_coef: true }, everyRow],
      ['the uniform coefficient alone: every row', { ...base, level_coefficients: levels, uniform_price_drgs: [firstDrg.code], uniform_coefficient: 0.8, low_times_coef: true }, everyRow],
      ['费率法 with the same points: nothing priced', { ...base, method: 'rate', rate: { employee: 9000, resident: 8000 }, level_coefficients: levels, uniform_price_drgs: [firstDrg.code], uniform_coefficient: 0.8, low_times_coef: true }, (n) => n === 0],
      ['a one pass between', { ...base, low_multiple: 0.6 }, (n) => n === 0],
      ['back on the kept classes after it: every row', { ...base, level_coefficients: { ...levels, 3: 1.2 } }, everyRow],
      ['三级 edited', { ...base, level_coefficients: { ...levels, 3: 1.1 } }, (n) => n === rowsOf(levelOf(3))],
    ];
    for (const [name, params, rowsPriced] of steps) {
      const timings: SettleTimings = { pass: 0, money: 0 };
      const kept = engine.settle(parsed(params), timings);
      expect(kept, name).toEqual(reference.settle(parsed(params)));
      expect(timings.rowsPriced, name).toSatisfy(rowsPriced);
    }
    expect(levelOf(2)).toBeGreaterThan(0);
    expect(levelOf(2)).toBeLessThan(data.hospitals.length);
  });

  it('keeps a one-pass round’s classes on request, and the next round with them is priced on them', () => {
    const engine = createSettlementEngine(data);
    const reference = createSettlementEngine(data, { caseByCase: true });
    const levels = { 1: 0.7, 2: 0.85, 3: 1.05 };
    const way = (params: RoundParams) => {
      const timings: SettleTimings = { pass: 0, money: 0 };
      expect(engine.settle(parsed(params), timings)).toEqual(reference.settle(parsed(params)));
      return timings.classified;
    };
    expect(way(base)).toBe('one pass');
    expect(way({ ...base, level_coefficients: levels })).toBe('new');
    // other thresholds, the same points rules: the kept rows' points must not be taken for this round's
    const other = { ...base, level_coefficients: levels, low_multiple: 0.6 };
    expect(way(other)).toBe('one pass');
    expect(engine.keepClasses(parsed(other))).toBe(true);
    expect(engine.keepClasses(parsed(other))).toBe(false);
    expect(way(other)).toBe('reused');
    expect(way({ ...other, level_coefficients: { ...levels, 2: 0.95 } })).toBe('reused');
    // classes kept straight after a reused round, none passed in between
    const third = { ...other, low_multiple: 0.5 };
    expect(engine.keepClasses(parsed(third))).toBe(true);
    expect(way(third)).toBe('reused');
    expect(engine.keepClasses(parsed({ ...base, exclude_los_max: 4 }))).toBe(false); // case by case
  });

  it('reports the memory of the kept classes', () => {
    const engine = createSettlementEngine(data);
    expect(engine.classificationBytes).toBe(0);
    engine.settle(parsed(base));
    expect(engine.classificationBytes).toBe(0); // one round with these classes: not kept yet
    engine.settle(parsed(base));
    expect(engine.classificationBytes).toBeGreaterThan(0);
  });
});
