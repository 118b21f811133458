import { describe, expect, it } from 'vitest';
import { previewFormula, type FormulaTarget } from './formula';

const DRG_NAMES = ['code', 'name', 'mdc', 'weight', 'benchmark_cost', 'uniform_price', 'cases', 'mean_cost', 'cv', 'base_weight'];
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const weightRules = { names: DRG_NAMES, round: round4, refuse: (w: number) => (w > 0 ? null : '≤ 0') };

function drg(code: string, mdc: string, weight: number | null, cases: number, more: Partial<Record<string, number | boolean | null>> = {}): FormulaTarget {
  const row = { code, name: `DRG ${code}`, mdc, weight, benchmark_cost: 10_000, uniform_price: false, cases, mean_cost: 9_800, cv: 0.4, base_weight: weight, ...more };
  return { key: code, current: weight, row };
}

const drgs = [drg('FM19', 'MDCF', 3.3, 420), drg('FR29', 'MDCF', 1.25, 80), drg('ES35', 'MDCE', 0.38, 900), drg('FN13', 'MDCF', 2.0, 101, { cv: null }), drg('QY00', 'MDCF', null, 500)];

describe('formula edits on DRG rows', () => {
  it('§D example: where mdc == "MDCF" and cases > 100, set weight * 1.03 (rounded to 4 decimals)', () => {
    const result = previewFormula('mdc == "MDCF" and cases > 100', 'weight * 1.03', drgs, weightRules);
    // FM19: 3.3 × 1.03 = 3.399; FN13: 2 × 1.03 = 2.06; FR29 has 80 cases; ES35 is MDCE; QY00 has no weight
    expect(result).toEqual({
      ok: true,
      value: {
        where: 'mdc == "MDCF" and cases > 100',
        set: 'weight * 1.03',
        changes: [
          { key: 'FM19', before: 3.3, after: 3.399 },
          { key: 'FN13', before: 2, after: 2.06 },
        ],
        skipped: 1,
      },
    });
  });

  it('a blank where chooses every row that has a value; the set may use functions and the ternary', () => {
    const result = previewFormula('', 'cases >= 400 ? round(weight * 0.95, 2) : max(weight, 1)', drgs, weightRules);
    // FM19: 3.3 × 0.95 = 3.135 → 3.14 (round to 2); FR29: max(1.25, 1); ES35: 0.38 × 0.95 = 0.361 → 0.36; FN13: max(2, 1)
    expect(result.ok && result.value.changes.map((c) => [c.key, c.after])).toEqual([
      ['FM19', 3.14],
      ['FR29', 1.25],
      ['ES35', 0.36],
      ['FN13', 2],
    ]);
  });

  it('a row without a value for a name the condition reads is not chosen', () => {
    const result = previewFormula('cv < 0.5', 'weight', drgs, weightRules);
    expect(result.ok && result.value.changes.map((c) => c.key)).toEqual(['FM19', 'FR29', 'ES35']);
  });

  it('refuses, naming the row, a set that needs a value the row lacks, and a new weight ≤ 0', () => {
    expect(previewFormula('', 'weight * cv', drgs, weightRules)).toEqual({ ok: false, issue: { code: 'noValue', field: 'set', row: 'FN13', name: 'cv' } });
    expect(previewFormula('mdc == "MDCE"', 'weight - 0.38', drgs, weightRules)).toEqual({ ok: false, issue: { code: 'outOfRange', field: 'set', row: 'ES35', detail: '≤ 0' } });
  });

  it('refuses a formula that reads a value not known yet, whatever the rows', () => {
    const rules = { ...weightRules, unavailable: new Set(['cv', 'mean_cost']) };
    expect(previewFormula('cv > 1', 'weight', drgs, rules)).toEqual({ ok: false, issue: { code: 'notReady', field: 'where', name: 'cv' } });
    expect(previewFormula('', 'weight * 1.01', drgs, rules).ok).toBe(true);
  });

    it('compares flags and texts: not uniform_price and mdc != "MDCF"', () => {
    const mixed = [...drgs, drg('GB19', 'MDCG', 1.5, 10, { uniform_price: true })];
    const result = previewFormula('not uniform_price and mdc != "MDCF"', 'weight + 0.1', mixed, weightRules);
    // ES35 only (GB19 is uniform-priced): 0.38 + 0.1 = 0.48
    expect(result.ok && result.value.changes).toEqual([{ key: 'ES35', before: 0.38, after: 0.48 }]);
  });
});

const HOSPITAL_NAMES = ['code', 'name', 'level', 'district', 'type', 'coefficient', 'base_coefficient', 'evaluation_score', 'cases', 'cmi', 'payment_cost_ratio'];
const coefficientRules = { names: HOSPITAL_NAMES, round: round4, refuse: (c: number) => (c > 0 ? null : '≤ 0') };

function hospital(code: string, level: number, coefficient: number, ratio: number | null): FormulaTarget {
  const row = { code, name: `医院 ${code}`, level, district: '城区', type: '综合', coefficient, base_coefficient: coefficient, evaluation_score: 90, cases: 1000, cmi: 1, payment_cost_ratio: ratio };
  return { key: code, current: coefficient, row };
}

describe('formula edits on hospital rows', () => {
  it('§D example: where level == 2 and payment_cost_ratio < 0.9, set min(coefficient + 0.02, 1)', () => {
    const hospitals = [hospital('H001', 3, 1, 0.8), hospital('H002', 2, 0.85, 0.88), hospital('H003', 2, 0.99, 0.7), hospital('H004', 2, 0.85, 0.95), hospital('H005', 2, 0.85, null)];
    const result = previewFormula('level == 2 and payment_cost_ratio < 0.9', 'min(coefficient + 0.02, 1)', hospitals, coefficientRules);
    // H002: 0.85 + 0.02 = 0.87; H003: min(1.01, 1) = 1; H001 is level 3, H004's ratio 0.95, H005 has none
    expect(result.ok && result.value.changes).toEqual([
      { key: 'H002', before: 0.85, after: 0.87 },
      { key: 'H003', before: 0.99, after: 1 },
    ]);
  });
});
