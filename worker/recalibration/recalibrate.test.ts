/**
 * ANALYSIS.md §C worked by hand on HAND_CITY (hand-example.ts), defaults: --trim iqr (K 1.5), --min-cases 10,
 * --blend 1, no cap, --recentre total_points.
 *
 * Used cases (§C.1): A 12, B 10, C 4 — the LOS-excluded, special, zero-cost, 床日, weightless and ungrouped cases
 * are not used.
 * A sorted: 1000 … 2000 (step 100), 9000; n = 12. QUARTILE.INC: Q1 at h = 11 × 0.25 = 2.75 → 1200 + 0.75 × 100
 * = 1275; Q3 at h = 8.25 → 1800 + 0.25 × 100 = 1825; IQR 550; bounds 1275 − 825 = 450 and 1825 + 825 = 2650:
 * 9000 is cut. Kept 11, Σ 16500, trimmed mean 1500; mean 25500 / 12 = 2125; median (h = 5.5) 1550;
 * CV √(1 100 000 / 11) / 1500 = 316.228 / 1500 = 0.210819.
 * B sorted 2600 2700 2800 2900 3000 3000 3100 3200 3300 3400: Q1 2825, Q3 3175, IQR 350, bounds 2300 – 3700:
 * all kept, trimmed mean 3000, median 3000.
 * C: 4 kept < 10 → few_cases, keeps w2 = 0.2.
 * M = (16500 + 30000) / (11 + 10) = 2214.2857; raw A = 1500 / M = 21/31 = 0.677419, raw B = 42/31 = 1.354839.
 * total_points: Σ current = 12 × 0.5 + 10 × 1.2 + 4 × 0.2 = 18.8; Σ w2 = 12 × 21/31 + 10 × 42/31 + 0.8 = 22.477419;
 * s = 1457/1742 = 0.836395. New: A 0.566590 → 0.5666, B 1.133180 → 1.1332, C 0.167279 → 0.1673.
 * Change: A +13.3 % (flag), B −5.6 %, C −16.4 % (flag). Benchmarks: A 2125.00, B 3000.00, C keeps 700.
 */
import { describe, expect, it } from 'vitest';
import { parseRoundParams } from '@/worker/settlement';
import { handData } from '@/worker/settlement/testing/hand';
import { COSTS_A, HAND_CITY, HAND_ROUND } from './hand-example';
import { DEFAULT_OPTIONS, type RecalibrationOptions } from './options';
import { quantileInc } from './quantile';
import { recalibrate, type RecalibrationRow } from './recalibrate';
import { recalibratedRoundParams } from './new-round';
import { roundWeight } from './weights';

const params = (() => {
  const parsed = parseRoundParams(HAND_ROUND);
  if (!parsed.ok) throw new Error('hand round');
  return parsed.params;
})();
const data = handData(HAND_CITY);
const run = (options: Partial<RecalibrationOptions> = {}) => recalibrate(data, params, { ...DEFAULT_OPTIONS, ...options });
const rowOf = (rows: RecalibrationRow[], code: string) => rows.find((r) => r.drg_code === code)!;

describe('QUARTILE.INC', () => {
  it('interpolates between the closest ranks as Excel does', () => {
    const sorted = Float64Array.from(COSTS_A).sort();
    expect(quantileInc(sorted, 0, 12, 0.25)).toBe(1275);
    expect(quantileInc(sorted, 0, 12, 0.75)).toBe(1825);
    expect(quantileInc(sorted, 0, 12, 0.5)).toBe(1550);
    expect(quantileInc(sorted, 0, 12, 0)).toBe(1000);
    expect(quantileInc(sorted, 0, 12, 1)).toBe(9000);
    // Excel: QUARTILE.INC({1,2,3,4}, 1) = 1.75, PERCENTILE.INC({1,2,3,4}, 0.1) = 1.3
    expect(quantileInc(Float64Array.of(1, 2, 3, 4), 0, 4, 0.25)).toBe(1.75);
    expect(quantileInc(Float64Array.of(1, 2, 3, 4), 0, 4, 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileInc(Float64Array.of(7), 0, 1, 0.25)).toBe(7);
  });
});

describe('the hand-worked IQR example (defaults)', () => {
  const result = run();

  it('uses the cases §C.1 names and no other', () => {
    expect(result.rows.map((r) => [r.drg_code, r.cases])).toEqual([['A', 12], ['B', 10], ['C', 4], ['D', 0]]);
    expect(result.summary.usedCases).toBe(26);
  });

  it('trims A at Q1 − 1.5·IQR and Q3 + 1.5·IQR, keeps all of B', () => {
    const a = rowOf(result.rows, 'A');
    expect([a.lower, a.upper, a.kept]).toEqual([450, 2650, 11]);
    expect([a.mean, a.median, a.trimmed_mean]).toEqual([2125, 1550, 1500]);
    expect(a.cv).toBeCloseTo(Math.sqrt(100000) / 1500, 12);
    const b = rowOf(result.rows, 'B');
    expect([b.lower, b.upper, b.kept, b.trimmed_mean, b.median]).toEqual([2300, 3700, 10, 3000, 3000]);
  });

  it('raw weights against the pooled mean M, re-centred to the total points', () => {
    expect(result.summary.pooledMean).toBeCloseTo(46500 / 21, 9);
    expect(rowOf(result.rows, 'A').raw_weight).toBeCloseTo(21 / 31, 12);
    expect(rowOf(result.rows, 'B').raw_weight).toBeCloseTo(42 / 31, 12);
    expect(result.summary.scale).toBeCloseTo(1457 / 1742, 12);
    expect(result.rows.map((r) => [r.drg_code, r.current_weight, r.new_weight])).toEqual([
      ['A', 0.5, 0.5666],
      ['B', 1.2, 1.1332],
      ['C', 0.2, 0.1673],
      // no used case: keeps its weight, re-centred with the others
      ['D', 0.8, 0.6691],
    ]);
  });

  it('flags few cases, and changes over 10 %', () => {
    expect(result.rows.map((r) => [r.drg_code, r.flags])).toEqual([
      ['A', ['change_over_10pct']],
      ['B', []],
      ['C', ['few_cases', 'change_over_10pct']],
      ['D', ['few_cases', 'change_over_10pct']],
    ]);
    expect(rowOf(result.rows, 'A').change).toBeCloseTo(0.5666 / 0.5 - 1, 12);
  });

  it('new benchmark costs are the used cases’ mean to the fen; a DRG that is not eligible keeps its own', () => {
    expect(result.rows.map((r) => r.new_benchmark_cost)).toEqual([2125, 3000, 700, 1500]);
  });

  it('the new round lists every catalog DRG with a weight, and keeps the rest of the round', () => {
    const next = recalibratedRoundParams(params, result);
    expect(next.weights).toEqual({ A: 0.5666, B: 1.1332, C: 0.1673, D: 0.6691 });
    expect(next.benchmark_costs).toEqual({ A: 2125, B: 3000, C: 700, D: 1500 });
    expect(next.budget).toEqual(HAND_ROUND.budget);
    expect(parseRoundParams(next).ok).toBe(true);
  });

  it('city CMI and total points before and after', () => {
    expect(result.summary.totalWeightBefore).toBeCloseTo(18.8, 12);
    expect(result.summary.totalWeightAfter).toBeCloseTo(12 * 0.5666 + 10 * 1.1332 + 4 * 0.1673, 12);
    expect(result.summary.cmiBefore).toBeCloseTo(18.8 / 26, 12);
    expect(result.summary.totalPointsBefore).toBeCloseTo(1880, 9);
  });
});

describe('options worked by hand', () => {
  it('--recentre cmi1: Σ s·w2 ÷ used cases = 1 (s = 26 / 22.477419)', () => {
    const result = run({ recentre: 'cmi1' });
    expect(result.summary.scale).toBeCloseTo(26 / (672 / 31 + 0.8), 12);
    expect(result.rows.map((r) => r.new_weight)).toEqual([0.7836, 1.5672, 0.2313, 0.9254]);
  });

  it('--recentre none: the raw weights as they are', () => {
    expect(run({ recentre: 'none' }).rows.map((r) => r.new_weight)).toEqual([0.6774, 1.3548, 0.2, 0.8]);
  });

  it('--cap 0.1: A 0.6774 → 0.55, B 1.3548 → 1.32, then re-centred (s = 18.8 / 20.6)', () => {
    const result = run({ cap: 0.1 });
    expect(result.summary.scale).toBeCloseTo(18.8 / 20.6, 12);
    expect(result.rows.map((r) => r.new_weight)).toEqual([0.5019, 1.2047, 0.1825, 0.7301]);
  });

  it('--blend 0.5: halfway between raw and current (no re-centring)', () => {
    expect(run({ blend: 0.5, recentre: 'none' }).rows.map((r) => r.new_weight)).toEqual([0.5887, 1.2774, 0.2, 0.8]);
  });

  it('--min-cases 4: C becomes eligible and joins M', () => {
    const result = run({ minCases: 4, recentre: 'none' });
    // M = (16500 + 30000 + 2600) / 25 = 1964; C raw = 650 / 1964
    expect(result.summary.pooledMean).toBe(1964);
    expect(rowOf(result.rows, 'C').new_weight).toBe(roundWeight(650 / 1964));
    expect(rowOf(result.rows, 'C').flags).not.toContain('few_cases');
    expect(rowOf(result.rows, 'C').new_benchmark_cost).toBe(650);
  });
});

describe('each trim method', () => {
  it('pct:10:90 keeps A between P10 = 1110 and P90 = 1990: 1200 … 1900', () => {
    const a = rowOf(run({ trim: { kind: 'pct', lo: 10, hi: 90 } }).rows, 'A');
    expect([a.lower, a.upper, a.kept, a.trimmed_mean]).toEqual([1110, 1990, 8, 1550]);
  });

  it('logsd:K keeps |ln x − μ| ≤ K·σ: 100, 1000, 10000 have σ = ln 10 · √(2/3) = 0.816 ln 10', () => {
    const city = { ...HAND_CITY, cases: [100, 1000, 10000].map((cost) => ({ hospital: 'H1', drg: 'A', cost })) };
    const narrow = rowOf(recalibrate(handData(city), params, { ...DEFAULT_OPTIONS, trim: { kind: 'logsd', k: 1 } }).rows, 'A');
    expect([narrow.kept, narrow.trimmed_mean]).toEqual([1, 1000]);
    expect(narrow.lower).toBeCloseTo(1000 / Math.exp(Math.log(10) * Math.sqrt(2 / 3)), 9);
    const wide = rowOf(recalibrate(handData(city), params, { ...DEFAULT_OPTIONS, trim: { kind: 'logsd', k: 1.3 } }).rows, 'A');
    expect(wide.kept).toBe(3);
  });

  it('none keeps every case: A’s trimmed mean is its mean', () => {
    const a = rowOf(run({ trim: { kind: 'none' } }).rows, 'A');
    expect([a.kept, a.trimmed_mean, a.lower, a.upper]).toEqual([12, 2125, null, null]);
  });

  it('iqr:0 keeps only Q1 ≤ x ≤ Q3: 1300 … 1800', () => {
    const a = rowOf(run({ trim: { kind: 'iqr', k: 0 } }).rows, 'A');
    expect([a.lower, a.upper, a.kept]).toEqual([1275, 1825, 6]);
  });
});

describe('rounding and flags', () => {
  it('rounds half away from zero to 4 decimals (0.03125 → 0.0313, not 0.0312)', () => {
    expect(roundWeight(0.03125)).toBe(0.0313);
    expect(roundWeight(2.03125)).toBe(2.0313);
    expect(roundWeight(1.23444)).toBe(1.2344);
    expect(roundWeight(0.00001)).toBe(0.0001);
  });

  it('cv_over_1 when the kept costs vary more than their mean', () => {
    const costs = [100, 100, 100, 100, 100, 100, 100, 100, 5000, 5000, 5000];
    const city = { ...HAND_CITY, cases: costs.map((cost) => ({ hospital: 'H1', drg: 'B', cost })) };
    const b = rowOf(recalibrate(handData(city), params, { ...DEFAULT_OPTIONS, trim: { kind: 'none' } }).rows, 'B');
    expect(b.cv).toBeGreaterThan(1);
    expect(b.flags).toContain('cv_over_1');
  });

  it('a change of exactly 10 % is not over 10 %', () => {
    const city = { ...HAND_CITY, cases: COSTS_A.map((cost) => ({ hospital: 'H1', drg: 'A', cost })) };
    const a = rowOf(recalibrate(handData(city), params, { ...DEFAULT_OPTIONS, cap: 0.1, recentre: 'none' }).rows, 'A');
    expect(a.new_weight).toBe(0.55);
    expect(a.flags).toEqual([]);
  });
});
