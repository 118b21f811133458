import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity, planDemoCity, type DemoCity } from './index';
import { LAST_YEAR_RULES } from './default-rules';
import { SCENARIO_ROUNDS, applyOverrides, paidFundSpending } from './rounds';

let city: DemoCity;
beforeAll(() => {
  city = generateDemoCity({ cases: 60_000 });
});

describe('applyOverrides', () => {
  const parent = { method: 'points', weights: { FM19: 3.4, GB25: 2 }, high_bands: [{ rw_max: null, multiple: 2 }], budget: { employee: 100, resident: 200 } };

  it('merges map keys entry by entry and removes entries set to null', () => {
    const child = applyOverrides(parent, { weights: { FM19: 3.1, GB25: null, ES31: 0.9 }, budget: { resident: 210 } });
    expect(child.weights).toEqual({ FM19: 3.1, ES31: 0.9 });
    expect(child.budget).toEqual({ employee: 100, resident: 210 });
  });

  it('replaces every other key whole, arrays included, and leaves the parent untouched', () => {
    const child = applyOverrides(parent, { high_bands: [{ rw_max: 1, multiple: 3 }], method: 'rate' });
    expect(child.high_bands).toEqual([{ rw_max: 1, multiple: 3 }]);
    expect(child.method).toBe('rate');
    expect(parent.method).toBe('points');
    expect(parent.weights).toEqual({ FM19: 3.4, GB25: 2 });
  });
});

describe('demo rounds', () => {
  it('starts from last year’s locked rules with budgets = the year’s fund spending in 万元', () => {
    const round0 = city.rounds[0]!;
    expect(round0.status).toBe('locked');
    expect(round0.params).toMatchObject({ method: 'points', point_value_basis: 'total', level_coefficients: { 1: 0.75, 2: 0.9, 3: 1.0 } });
    expect(round0.params.high_bands).toEqual(LAST_YEAR_RULES.high_bands);
    const spending = paidFundSpending(city.bundle);
    const budget = round0.params.budget as Record<string, number>;
    for (const pool of ['employee', 'resident'] as const) {
      expect(budget[pool]! % 10_000).toBe(0);
      expect(Math.abs(budget[pool]! - spending[pool])).toBeLessThanOrEqual(5_000);
    }
  });

  it('follows round 0 with the example rounds, drafts or proposals, each built on the one before', () => {
    expect(city.rounds.map((r) => r.name)).toEqual([city.rounds[0]!.name, ...SCENARIO_ROUNDS.map((r) => r.name)]);
    for (const round of city.rounds.slice(1)) expect(['draft', 'proposed']).toContain(round.status);
    for (let i = 1; i < city.rounds.length; i++) {
      const parent = city.rounds[i - 1]!.params;
      const child = city.rounds[i]!.params;
      for (const key of Object.keys(parent)) if (!(key in SCENARIO_ROUNDS[i - 1]!.params) && key !== 'budget') expect(child[key]).toEqual(parent[key]);
    }
  });

  it('re-weights in round 1 exactly the drifted DRGs, back to their fair weights', () => {
    const { catalog } = planDemoCity();
    const weights = city.rounds[1]!.params.weights as Record<string, number>;
    const drifted = catalog.entries.filter((_, d) => catalog.drifted[d]).map((e) => e.code);
    expect(Object.keys(weights).sort()).toEqual(drifted.sort());
    catalog.entries.forEach((e, d) => {
      if (catalog.drifted[d]) expect(weights[e.code]).toBe(catalog.fairWeight[d]);
    });
  });

  it('raises the budgets of round 3 by 3 % and 2 % over round 2, in 万元', () => {
    const before = city.rounds[2]!.params.budget as Record<string, number>;
    const after = city.rounds[3]!.params.budget as Record<string, number>;
    expect(after.employee).toBe(Math.round((before.employee! * 1.03) / 10_000) * 10_000);
    expect(after.resident).toBe(Math.round((before.resident! * 1.02) / 10_000) * 10_000);
  });

  it('names only hospitals and DRGs that exist in the city', () => {
    const hospitals = new Set(city.bundle.hospitals.map((h) => h.code));
    const drgs = new Set(city.bundle.catalog.map((e) => e.code));
    for (const round of city.rounds) {
      const p = round.params;
      for (const key of ['weights', 'benchmark_costs']) for (const code of Object.keys((p[key] as object) ?? {})) expect(drgs.has(code)).toBe(true);
      for (const code of (p.uniform_price_drgs as string[] | undefined) ?? []) expect(drgs.has(code)).toBe(true);
      for (const key of ['hospital_coefficients', 'evaluation_scores']) for (const code of Object.keys((p[key] as object) ?? {})) expect(hospitals.has(code)).toBe(true);
    }
  });

  it('keeps the catalog’s uniform-price groups in round 3’s list and fills in scores that were missing', () => {
    const uniform = city.bundle.catalog.filter((e) => e.uniformPrice).map((e) => e.code);
    expect(city.rounds[3]!.params.uniform_price_drgs).toEqual(expect.arrayContaining(uniform));
    const scores = city.rounds[2]!.params.evaluation_scores as Record<string, number>;
    for (const code of Object.keys(scores)) expect(city.bundle.hospitals.find((h) => h.code === code)!.evaluationScore).toBeNull();
  });
});
