/**
 * The recalibration finds known weights again (ANALYSIS.md §C): a city whose costs are generated from them
 * (testing/known-weights.ts) — weight × M × lognormal noise, 2 % wild costs, LOS-excluded and special-review
 * cases at wild costs — recalibrated from perturbed current weights (× 0.7 … 1.3), IQR trimming, total_points.
 *
 * Tolerance: with σ = 0.3 the kept costs' CV is ≈ 0.29, so a DRG's trimmed mean over n kept cases has a relative
 * standard error ≈ 0.29 / √n; the bounds drawn from the same cases add about a fifth to it (measured: the SD of
 * the errors over 703 DRGs at n ≈ 145 is 2.7–3.0 % for seeds 5–7, where 0.29 / √145 = 2.4 %), and the pooled M
 * and s add well under 0.5 %. At n ≈ 390 that is ≈ 1.7 %: 7 % is ≈ 4 standard errors for every one of 40 DRGs
 * (the seeded draw is fixed; a fresh one would fail with probability ≈ 0.3 %), and the median error stays
 * under 2 %.
 * The trim's bias (the mean of a lognormal cut at its upper tail) is the same factor in every DRG, so the
 * raw weights are proportional to the known ones and re-centring removes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { describeWithShared, SHARED_DATA_DIR } from '@/worker/settlement/testing/shared';
import { DEFAULT_OPTIONS } from './options';
import { recalibrate } from './recalibrate';
import { knownWeightsCity } from './testing/known-weights';

const ROUND = { method: 'points' } as const;

function relativeErrors(newWeights: readonly number[], known: Float64Array): number[] {
  return newWeights.map((w, d) => Math.abs(w / known[d]! - 1));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe('recalibration recovers known weights', () => {
  // 40 DRGs from 0.2 to 12 (log-spaced)
  const weights = Array.from({ length: 40 }, (_, d) => Math.round(0.2 * Math.pow(60, d / 39) * 1e4) / 1e4);
  const city = knownWeightsCity({ weights, casesPerDrg: 400, noise: 0.3, seed: 11 });

  it('IQR trimming, total_points: every weight within 7 %, the median within 2 %', () => {
    const result = recalibrate(city.data, ROUND, DEFAULT_OPTIONS);
    expect(result.rows.map((r) => r.cases)).toEqual(Array.from(city.usedCases));
    const errors = relativeErrors(result.rows.map((r) => r.new_weight), city.known);
    expect(Math.max(...errors)).toBeLessThan(0.07);
    expect(median(errors)).toBeLessThan(0.02);
    // the wild costs are cut: every DRG keeps fewer cases than it uses
    expect(result.rows.every((r) => r.kept < r.cases)).toBe(true);
  });

  it('the current (perturbed) weights are far from the known ones: the recovery is not a copy', () => {
    const current = relativeErrors(city.data.catalog.map((d) => d.weight!), city.known);
    expect(median(current)).toBeGreaterThan(0.08);
  });

  it.each([
    // the wild costs are 2 % of the cases: a percentile trim must cut more than that
  ['pct:5:95', { kind: 'pct', lo: 5, hi: 95 }],
    ['logsd:2', { kind: 'logsd', k: 2 }],
  ] as const)('%s recovers them as well', (_, trim) => {
    const result = recalibrate(city.data, ROUND, { ...DEFAULT_OPTIONS, trim });
    const errors = relativeErrors(result.rows.map((r) => r.new_weight), city.known);
    expect(Math.max(...errors)).toBeLessThan(0.07);
  });

  it('without trimming the wild costs pull the weights about: IQR trimming is what recovers them', () => {
    const untrimmed = recalibrate(city.data, ROUND, { ...DEFAULT_OPTIONS, trim: { kind: 'none' } });
    const trimmed = recalibrate(city.data, ROUND, DEFAULT_OPTIONS);
    const spread = (rows: typeof trimmed.rows) => Math.max(...relativeErrors(rows.map((r) => r.new_weight), city.known));
    expect(spread(untrimmed.rows)).toBeGreaterThan(spread(trimmed.rows));
  });
});

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

const HARBIN = path.join(SHARED_DATA_DIR, 'harbin_2023_2024_drg_weights.csv');

describeWithShared('recalibration recovers the real Harbin 2023–2024 weights (../shared/data)', HARBIN, () => {
  it('703 weights from 0.1 to 36: each within 10 %, the median within 3 %', () => {
    const weights = readCsv(HARBIN)
      .map((r) => Number(r.weight_rw))
      .filter((w) => Number.isFinite(w) && w > 0);
    expect(weights.length).toBeGreaterThan(700);
    // 300 cases per DRG (211 k): standard error ≈ 1.2 × 0.29 / √290 ≈ 2 %; 10 % ≈ 5 standard errors over 703 DRGs
    const city = knownWeightsCity({ weights, casesPerDrg: 300, noise: 0.3, seed: 5 });
    const result = recalibrate(city.data, ROUND, DEFAULT_OPTIONS);
    const errors = relativeErrors(result.rows.map((r) => r.new_weight), city.known);
    expect(Math.max(...errors)).toBeLessThan(0.1);
    expect(median(errors)).toBeLessThan(0.03);
  });
});
