/** SETTLEMENT.md §2: case classes, hand-checked (fixtures/classes.ts), and the fen thresholds of the pass. */
import { describe, expect, it } from 'vitest';
import { classifyCase } from './classes';
import { fenAbove, fenBelow, highMultipleOf } from './drg-rules';
import { CLASS_FIXTURES } from '../fixtures';
import { DEFAULTS, MAX_LOS_LIMIT, parseRoundParams } from '../round';
import { contractMismatches } from '../testing/contract-check';
import { settleFixture } from '../testing/rule-fixture';

describe('§2 case classes (hand-checked)', () => {
  it.each(CLASS_FIXTURES.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
    expect(contractMismatches(settleFixture(fixture), fixture.expect)).toEqual([]);
  });
});

describe('§2 thresholds', () => {
  it('high band: the first band with RW ≤ rw_max, the open band beyond', () => {
    const bands = DEFAULTS.high_bands;
    expect([0.5, 1, 1.0001, 3, 3.0001, 20].map((w) => highMultipleOf(w, bands))).toEqual([3, 3, 2, 2, 1.5, 1.5]);
  });

  it('a RW above every closed band has no high-cost multiple', () => {
    expect(highMultipleOf(5, [{ rw_max: 1, multiple: 3 }])).toBe(Number.POSITIVE_INFINITY);
  });

  it('cost > threshold ⇔ fen ≥ fenAbove(threshold); cost < threshold ⇔ fen ≤ fenBelow(threshold)', () => {
    // 3 × 10000 = 30000: the first fen above is 3000001. Thresholds are compared as doubles, like the spec's
    // formula evaluated in double precision: 0.4 × 1000.5 = 400.20000000000005, so 400.20 yuan is low
    expect(fenAbove(30000)).toBe(3000001);
    expect(fenBelow(4000)).toBe(399999);
    expect(0.4 * 1000.5).toBeGreaterThan(400.2);
    expect(fenBelow(0.4 * 1000.5)).toBe(40020);
    for (const threshold of [0.1 * 3, 1.5 * 26400, 0.4 * 69600, 2 * 9600.07, 1234.565]) {
      const above = fenAbove(threshold);
      const below = fenBelow(threshold);
      expect(above / 100 > threshold && !((above - 1) / 100 > threshold)).toBe(true);
      expect(below / 100 < threshold && !((below + 1) / 100 < threshold)).toBe(true);
    }
  });

  it('classifyCase (the reference used for explanations) follows the same order', () => {
    const rules = {
      count: 1,
      codes: ['A'],
      kind: Uint8Array.from([0, 2]),
      weight: Float64Array.from([1, 0]),
      benchmarkCost: Float64Array.from([10000, 0]),
      basePoints: Float64Array.from([100, 0]),
      highMultiple: Float64Array.from([3, 0]),
      highCostThreshold: Float64Array.from([30000, 0]),
      lowCostThreshold: Float64Array.from([4000, 0]),
      highCostFenMin: Float64Array.from([3000001, 0]),
      lowCostFenMax: Float64Array.from([399999, 0]),
      uniformPrice: Uint8Array.from([0, 0]),
    };
    const window = { excludeLosMax: 2, excludeLosMin: 60 };
    // [drg, los, cost, special] → class: normal 0, high 1, low 2, special 3, ungrouped 4, excluded 5
    const cases: [number, number, number, number, number][] = [
      [0, 2, 10000, 0, 5],
      [0, 60, 10000, 0, 5],
      [0, 3, 10000, 0, 0],
      [1, 10, 10000, 0, 4],
      [0xffff, 10, 10000, 1, 4],
      [0, 10, 50000, 1, 3],
      [0, 10, 30000, 0, 0],
      [0, 10, 30000.01, 0, 1],
      [0, 10, 4000, 0, 0],
      [0, 10, 3999.99, 0, 2],
    ];
    for (const [drg, los, cost, special, expected] of cases) expect(classifyCase(rules, window, drg, los, cost, special)).toBe(expected);
  });
});

describe('§2 LOS limits', () => {
  it('refuses limits beyond what the prepared cases can tell apart (stays are kept up to 2047 days)', () => {
    expect(parseRoundParams({ method: 'points', exclude_los_min: MAX_LOS_LIMIT }).ok).toBe(true);
    const refused = parseRoundParams({ method: 'points', exclude_los_min: 2048 });
    expect(refused).toEqual({ ok: false, errors: [{ path: 'exclude_los_min', reason: `must be at most ${MAX_LOS_LIMIT} days` }] });
    expect(parseRoundParams({ method: 'points', exclude_los_max: 2050, exclude_los_min: 3000 }).ok).toBe(false);
  });
});
