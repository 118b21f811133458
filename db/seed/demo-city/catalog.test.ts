import { describe, expect, it } from 'vitest';
import { planCatalog } from './catalog';
import { loadCitySettings } from './settings';
import { quantile } from './stats';

const catalog = planCatalog(loadCitySettings());
const entries = catalog.entries;
const weights = entries.map((e) => e.weight!);

describe('demo-city catalog', () => {
  it('has about 630 DRGs with unique CHS-DRG-style codes', () => {
    expect(entries.length).toBeGreaterThanOrEqual(600);
    expect(entries.length).toBeLessThanOrEqual(660);
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.code).toMatch(/^[A-Z][A-Z][1-9][1359]$/);
      expect(e.mdc).toBe(`MDC${e.code[0]}`);
      expect(e.adrg).toBe(e.code.slice(0, 3));
    }
  });

  it('uses A–J for surgical, K–Q for procedure and R–Z for medical ADRGs', () => {
    const range = { surgical: /^[A-J]$/, procedure: /^[K-Q]$/, medical: /^[R-Z]$/ };
    for (const e of entries) expect(e.code[1]).toMatch(range[e.drgType!]);
  });

  it('names each DRG after its ADRG with the severity suffix', () => {
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    for (const e of entries) {
      const severity = e.code[3];
      if (severity === '9') expect(e.name).not.toMatch(/合并症或并发症$/);
      if (severity === '1') expect(e.name).toMatch(/，伴严重合并症或并发症$/);
      if (severity === '3') expect(e.name).toMatch(/，伴(一般)?合并症或并发症$/);
      if (severity === '5') expect(e.name).toMatch(/，不伴(严重)?合并症或并发症$/);
    }
  });

  it('has a few uniform-price groups (normal delivery among them) and a few per-diem psychiatric groups', () => {
    const uniform = entries.filter((e) => e.uniformPrice);
    const perDiem = entries.filter((e) => e.perDiem);
    expect(uniform.map((e) => e.name)).toContain('阴道分娩');
    expect(uniform.length).toBeGreaterThanOrEqual(3);
    expect(perDiem.length).toBeGreaterThanOrEqual(2);
    for (const e of perDiem) expect(e.mdc).toBe('MDCT');
  });

  it('spreads weights like a real CHS-DRG table (median ≈ 0.86, surgical ≈ 2, medical ≈ 0.6, 0.2–36)', () => {
    const ofType = (t: string) => entries.filter((e) => e.drgType === t).map((e) => e.weight!);
    expect(quantile(weights, 0.5)).toBeGreaterThan(0.76);
    expect(quantile(weights, 0.5)).toBeLessThan(0.96);
    expect(quantile(ofType('surgical'), 0.5)).toBeGreaterThan(1.7);
    expect(quantile(ofType('surgical'), 0.5)).toBeLessThan(2.4);
    expect(quantile(ofType('medical'), 0.5)).toBeGreaterThan(0.52);
    expect(quantile(ofType('medical'), 0.5)).toBeLessThan(0.7);
    expect(Math.min(...weights)).toBeGreaterThan(0.12);
    expect(Math.min(...weights)).toBeLessThan(0.3);
    expect(Math.max(...weights)).toBeGreaterThan(30);
    expect(Math.max(...weights)).toBeLessThan(40);
  });

  it('lets history drift the weights of a few groups, each by 10 % or more', () => {
    const drifted = entries.filter((_, d) => catalog.drifted[d]);
    expect(drifted.length).toBeGreaterThan(15);
    expect(drifted.length / entries.length).toBeLessThan(0.1);
    entries.forEach((e, d) => {
      const ratio = e.weight! / catalog.fairWeight[d]!;
      if (catalog.drifted[d]) expect(Math.abs(ratio - 1)).toBeGreaterThan(0.1);
      else expect(ratio).toBe(1);
    });
  });

  it('has a case-volume prior summing to 1, lighter groups more frequent', () => {
    expect(catalog.volume.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const light = entries.reduce((sum, e, d) => sum + (e.weight! < 1 ? catalog.volume[d]! : 0), 0);
    expect(light).toBeGreaterThan(0.6);
  });
});
