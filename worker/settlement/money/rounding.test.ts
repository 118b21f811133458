/** SETTLEMENT.md §4.5 rounding: hand-checked fixtures and the rounding functions themselves. */
import { describe, expect, it } from 'vitest';
import { ROUNDING_FIXTURES } from '../fixtures';
import { fenOf, largestRemainder, roundPoints } from './rounding';
import { contractMismatches } from '../testing/contract-check';
import { settleFixture } from '../testing/rule-fixture';

describe('hand-checked', () => {
  it.each(ROUNDING_FIXTURES.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
    expect(contractMismatches(settleFixture(fixture), fixture.expect)).toEqual([]);
  });
});

describe('fenOf: yuan to whole fen, half away from zero', () => {
  it('rounds halves away from zero on both sides', () => {
    // 3.125 and 0.125 are exact doubles: a true half fen
    expect([3.125, -3.125, 0.125, -0.125, 2.5, 0.004, -0.004, 0].map(fenOf)).toEqual([313, -313, 13, -13, 250, 0, -0, 0]);
  });
});

describe('roundPoints: 4 decimals, half away from zero', () => {
  it('rounds an exact half up in magnitude', () => {
    // 1/32 = 0.03125 and 3/64 = 0.046875 are exact doubles
    expect(roundPoints(0.03125)).toBe(0.0313);
    expect(roundPoints(-0.03125)).toBe(-0.0313);
    expect(roundPoints(1831.10984)).toBe(1831.1098);
    expect(roundPoints(100)).toBe(100);
  });
});

describe('largestRemainder', () => {
  const run = (yuan: number[], rows: number[] = yuan.map((_, i) => i)) => {
    const out = new Float64Array(yuan.length);
    largestRemainder(Float64Array.from(yuan), Int32Array.from(rows), out);
    return Array.from(out);
  };

  it('floors every figure, then gives the missing fen to the largest remainders', () => {
    // 1.006 + 2.004 + 3.007 = 6.017 → T = 602 fen; floors 100 + 200 + 300 = 600; remainders .6, .4, .7 →
    // the two missing fen go to rows 2 and 0
    expect(run([1.006, 2.004, 3.007])).toEqual([101, 200, 301]);
  });

  it('ties go to the row given first (the caller lists rows in hospital_code order)', () => {
    // 3 × 33.333… = 100 → T = 10000 fen, floors 9999: the single extra fen to the first listed row
    const third = 100 / 3;
    expect(run([third, third, third], [2, 0, 1])).toEqual([3333, 3333, 3334]);
  });

  it('sums to the unrounded total rounded to the fen, also for negative figures', () => {
    const yuan = [-10.004, 5.333, 7.777, -0.006];
    const fen = run(yuan);
    expect(fen.reduce((a, b) => a + b, 0)).toBe(fenOf(yuan.reduce((a, b) => a + b, 0)));
    fen.forEach((f, i) => expect(Math.abs(f - yuan[i]! * 100)).toBeLessThan(1));
  });

  it('leaves rows that take no part untouched', () => {
    const out = new Float64Array([7, 7, 7]);
    largestRemainder(Float64Array.from([1.234, 9, 2.345]), Int32Array.from([0, 2]), out);
    expect(Array.from(out)).toEqual([123, 7, 235]);
  });
});
