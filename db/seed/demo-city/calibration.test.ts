/**
 * The default city lands near the figures of a real city (the targets), and its catalog's weight
 * distribution near the Harbin CHS-DRG table when ../shared/data is present (read here only, never by the
 * generator).
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_DRG } from '@/worker/settlement/types';
import { generateDemoCity, planDemoCity, type DemoCity } from './index';
import { cityStats, quantile, type CityStats } from './stats';
import { DEFAULT_EXCLUDE_LOS_MAX, DEFAULT_EXCLUDE_LOS_MIN } from './default-rules';
import { describeWithShared, SHARED_DATA_DIR } from '@/worker/settlement/testing/shared';

let city: DemoCity;
let stats: CityStats;

beforeAll(() => {
  city = generateDemoCity();
  stats = cityStats(city.bundle);
});

describe('default demo city', () => {
  it('has ≈360 000 cases in 170 hospitals, ≈28 % of them employee cases', () => {
    expect(stats.cases).toBe(360_000);
    expect(stats.hospitalsByLevel).toEqual({ 1: 125, 2: 35, 3: 10 });
    expect(stats.employeeShare).toBeGreaterThan(0.26);
    expect(stats.employeeShare).toBeLessThan(0.3);
  });

  it('has CMI ≈ 1.28 / 0.80 / 0.52 by level, measured on its own cases', () => {
    expect(stats.cmiByLevel[3]).toBeCloseTo(1.28, 1);
    expect(stats.cmiByLevel[2]).toBeCloseTo(0.8, 1);
    expect(stats.cmiByLevel[1]).toBeCloseTo(0.52, 1);
  });

  it('costs ≈ 8 000 yuan per case', () => {
    expect(stats.costPerCase).toBeGreaterThan(7_600);
    expect(stats.costPerCase).toBeLessThan(8_400);
  });

  it('has 3–4 % high-cost and ≈ 7 % low-cost cases by the default thresholds', () => {
    expect(stats.highShare).toBeGreaterThan(0.028);
    expect(stats.highShare).toBeLessThan(0.045);
    expect(stats.lowShare).toBeGreaterThan(0.055);
    expect(stats.lowShare).toBeLessThan(0.085);
  });

  it('has ≈ 1 % ungrouped, a few % excluded, a few hundred special-review cases', () => {
    expect(stats.ungroupedShare).toBeGreaterThan(0.007);
    expect(stats.ungroupedShare).toBeLessThan(0.013);
    expect(stats.excludedByStayShare).toBeGreaterThan(0.01);
    expect(stats.excludedByStayShare).toBeLessThan(0.05);
    expect(stats.excludedShare).toBeLessThan(0.07);
    expect(stats.specialReviewCases).toBeGreaterThan(150);
    expect(stats.specialReviewCases).toBeLessThan(600);
  });

  it('has a February trough and a December peak', () => {
    const mean = stats.cases / 12;
    const feb = stats.casesByMonth[1]!;
    const dec = stats.casesByMonth[11]!;
    expect(feb).toBe(Math.min(...stats.casesByMonth));
    expect(dec).toBe(Math.max(...stats.casesByMonth));
    expect(feb).toBeLessThan(mean);
    expect(dec).toBeGreaterThan(mean);
  });

  it('charges patients ≈ 25 % (employee) and ≈ 42 % (resident) of cost, less at lower levels', () => {
    expect(stats.patientShare.employee).toBeCloseTo(0.25, 1);
    expect(stats.patientShare.resident).toBeCloseTo(0.42, 1);
    for (const pool of ['employee', 'resident'] as const) {
      const byLevel = stats.patientShareByLevel[pool];
      expect(byLevel[1]).toBeLessThan(byLevel[2]);
      expect(byLevel[2]).toBeLessThan(byLevel[3]);
    }
  });

  it('deducts a few hundred yuan from a few % of cases', () => {
    expect(stats.deductionShare).toBeGreaterThan(0.02);
    expect(stats.deductionShare).toBeLessThan(0.05);
    expect(stats.meanDeduction).toBeGreaterThan(150);
    expect(stats.meanDeduction).toBeLessThan(800);
  });

  it('pays every level in line with its costs under last year’s coefficients', () => {
    for (const level of [1, 2, 3] as const) {
      expect(stats.paymentCostIndexByLevel[level]).toBeGreaterThan(0.9);
      expect(stats.paymentCostIndexByLevel[level]).toBeLessThan(1.1);
    }
  });

  it('keeps money in fen and every case inside the §5 ranges', () => {
    const c = city.bundle.cases;
    const fen = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;
    for (let i = 0; i < c.count; i++) {
      if (!fen(c.totalCost[i]!) || !fen(c.patientPay[i]!) || !fen(c.deduction[i]!)) throw new Error(`case ${i} not in fen`);
      if (c.patientPay[i]! > c.totalCost[i]! || c.totalCost[i]! <= 0 || c.los[i]! < 1) throw new Error(`case ${i} out of range`);
      if (c.month[i]! < 1 || c.month[i]! > 12) throw new Error(`case ${i} month`);
    }
    expect(new Set(c.caseId).size).toBe(c.count);
  });

  it('sets each benchmark to the group’s mean paid cost, and fair weights ≈ mean ÷ city mean', () => {
    const { catalog } = planDemoCity();
    const c = city.bundle.cases;
    const sum = new Float64Array(catalog.entries.length);
    const n = new Float64Array(catalog.entries.length);
    let citySum = 0;
    let cityCount = 0;
    for (let i = 0; i < c.count; i++) {
      const d = c.drg[i]!;
      if (d === NO_DRG || c.los[i]! <= DEFAULT_EXCLUDE_LOS_MAX || c.los[i]! >= DEFAULT_EXCLUDE_LOS_MIN) continue;
      sum[d] = sum[d]! + c.totalCost[i]!;
      n[d] = n[d]! + 1;
      citySum += c.totalCost[i]!;
      cityCount++;
    }
    const cityMean = citySum / cityCount;
    city.bundle.catalog.forEach((entry, d) => {
      if (n[d]! === 0) return;
      expect(entry.benchmarkCost).toBeCloseTo(sum[d]! / n[d]!, 1);
      if (n[d]! >= 1_000) expect(sum[d]! / n[d]! / cityMean / catalog.fairWeight[d]!).toBeGreaterThan(0.85);
      if (n[d]! >= 1_000) expect(sum[d]! / n[d]! / cityMean / catalog.fairWeight[d]!).toBeLessThan(1.15);
    });
  });
});

const realWeights = path.join(SHARED_DATA_DIR, 'harbin_2023_2024_drg_weights.csv');

describeWithShared('against the real Harbin weight table', realWeights, () => {
  it('has weight quantiles within 30 % of the real ones', () => {
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(realWeights, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const real = rows.map((r) => Number(r.weight_rw)).filter((w) => Number.isFinite(w) && w > 0);
    const ours = city.bundle.catalog.map((e) => e.weight!);
    for (const p of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      const ratio = quantile(ours, p) / quantile(real, p);
      expect(ratio, `quantile ${p}`).toBeGreaterThan(0.7);
      expect(ratio, `quantile ${p}`).toBeLessThan(1.3);
    }
    expect(Math.max(...ours) / Math.max(...real)).toBeCloseTo(1, 0);
  });
});
