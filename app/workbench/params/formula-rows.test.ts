import { describe, expect, it } from 'vitest';
import type { RoundParams } from '@/worker/settlement/round';
import type { CatalogEntryWithVolume, HospitalTotal } from '@/server/services/dataset-queries';
import { previewFormula } from '@/app/lib/formula';
import {
  applyCoefficientFormula,
  applyWeightFormula,
  coefficientFormulaRules,
  drgFormulaTargets,
  hospitalFormulaTargets,
  weightFormulaRules,
} from './formula-rows';

function drg(code: string, mdc: string, weight: number | null, cases: number): CatalogEntryWithVolume {
  return { code, name: `DRG ${code}`, mdc, adrg: null, drgType: null, weight, benchmarkCost: 10_000, uniformPrice: false, perDiem: false, cases };
}

const catalog = [drg('FM19', 'MDCF', 3.3, 420), drg('FR29', 'MDCF', 1.25, 80), drg('FT29', 'MDCF', 1.0, 150), drg('ES35', 'MDCE', 0.38, 900)];
const round: RoundParams = { method: 'points', weights: { FT29: 1.2 } } as RoundParams;
const baseline: RoundParams = { method: 'points', weights: { FM19: 3.1 } } as RoundParams;
const costs = [{ code: 'FM19', meanCost: 41_000, cv: 0.5 }];

describe('a DRG row as a formula reads it', () => {
  it('holds the round’s effective values, the data’s cost figures and the baseline’s weight', () => {
    const [fm19, , ft29] = drgFormulaTargets(catalog, round, baseline, costs);
    expect(fm19).toEqual({
      key: 'FM19',
      current: 3.3,
      row: { code: 'FM19', name: 'DRG FM19', mdc: 'MDCF', weight: 3.3, benchmark_cost: 10_000, uniform_price: false, cases: 420, mean_cost: 41_000, cv: 0.5, base_weight: 3.1 },
    });
    // FT29 settles at the round's 1.2; the baseline has no override, so its weight is the catalog's 1.0
    expect(ft29!.row).toMatchObject({ weight: 1.2, base_weight: 1, mean_cost: null, cv: null });
  });

  it('§D example applied: where mdc == "MDCF" and cases > 100, set weight * 1.03', () => {
    const preview = previewFormula('mdc == "MDCF" and cases > 100', 'weight * 1.03', drgFormulaTargets(catalog, round, baseline, costs), weightFormulaRules(true));
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    // FM19 3.3 × 1.03 = 3.399; FT29 1.2 × 1.03 = 1.236; FR29 has 80 cases, ES35 is MDCE
    expect(preview.value.changes).toEqual([
      { key: 'FM19', before: 3.3, after: 3.399 },
      { key: 'FT29', before: 1.2, after: 1.236 },
    ]);
    expect(applyWeightFormula(round, preview.value, catalog)).toEqual({ method: 'points', weights: { FT29: 1.236, FM19: 3.399 } });
  });

  it('a new weight equal to the catalog’s removes the override; a weight out of bounds is refused', () => {
    const targets = drgFormulaTargets(catalog, round, baseline, costs);
    const back = previewFormula('code == "FT29"', 'base_weight', targets, weightFormulaRules(true));
    expect(back.ok && applyWeightFormula(round, back.value, catalog)).toEqual({ method: 'points' });
    const tooHeavy = previewFormula('', 'weight * 100', targets, weightFormulaRules(true));
    expect(tooHeavy.ok ? null : tooHeavy.issue).toEqual({ code: 'outOfRange', field: 'set', row: 'FM19', detail: '330 ∉ (0, 100]' });
  });

  it('mean_cost and cv are not ready until the cost figures have come', () => {
    const preview = previewFormula('cv > 0.4', 'weight', drgFormulaTargets(catalog, round, baseline, null), weightFormulaRules(false));
    expect(preview.ok ? null : preview.issue.code).toBe('notReady');
  });
});

function hospital(code: string, level: number, coefficient: number | null, cases: number): HospitalTotal {
  return { code, name: `医院${code}`, level, type: '综合', district: '城区', coefficient, evaluationScore: 90, cases, totalCost: cases * 10_000 };
}

describe('a hospital row as a formula reads it', () => {
  const hospitals = [hospital('H001', 3, null, 5000), hospital('H002', 2, null, 1200), hospital('H003', 2, 0.88, 800), hospital('H004', 2, null, 300)];
  const params = { method: 'points', level_coefficients: { '1': 0.7, '2': 0.85, '3': 1 }, hospital_coefficients: { H004: 0.9 } } as RoundParams;
  const settled = new Map([
    ['H001', { cmi: 1.3, paymentCostRatio: 0.85 }],
    ['H002', { cmi: 0.9, paymentCostRatio: 0.87 }],
    ['H003', { cmi: 0.8, paymentCostRatio: 0.93 }],
    ['H004', { cmi: 0.7, paymentCostRatio: 0.8 }],
  ]);

  it('§D example applied: where level == 2 and payment_cost_ratio < 0.9, set min(coefficient + 0.02, 1)', () => {
    const targets = hospitalFormulaTargets(hospitals, params, { method: 'points' } as RoundParams, settled);
    expect(targets[3]!.row).toMatchObject({ coefficient: 0.9, base_coefficient: 0.85, cmi: 0.7, payment_cost_ratio: 0.8, level: 2 });
    const preview = previewFormula('level == 2 and payment_cost_ratio < 0.9', 'min(coefficient + 0.02, 1)', targets, coefficientFormulaRules(true));
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    // H002: level coefficient 0.85 + 0.02 = 0.87 (not 0.8699999999999999); H004: its override 0.9 + 0.02 = 0.92; H003's ratio is 0.93
    expect(preview.value.changes).toEqual([
      { key: 'H002', before: 0.85, after: 0.87 },
      { key: 'H004', before: 0.9, after: 0.92 },
    ]);
    expect(applyCoefficientFormula(params, preview.value, hospitals)).toEqual({ ...params, hospital_coefficients: { H004: 0.92, H002: 0.87 } });
  });

  it('cmi and payment_cost_ratio wait for the settlement; a coefficient equal to the file’s removes the override', () => {
    const waiting = previewFormula('cmi > 1', 'coefficient', hospitalFormulaTargets(hospitals, params, null, null), coefficientFormulaRules(false));
    expect(waiting.ok ? null : waiting.issue).toEqual({ code: 'notReady', field: 'where', name: 'cmi' });
    const withOverride = { ...params, hospital_coefficients: { H003: 0.95 } } as RoundParams;
    const back = previewFormula('code == "H003"', '0.88', hospitalFormulaTargets(hospitals, withOverride, null, settled), coefficientFormulaRules(true));
    expect(back.ok && applyCoefficientFormula(withOverride, back.value, hospitals)).toEqual({ method: 'points', level_coefficients: { '1': 0.7, '2': 0.85, '3': 1 } });
  });
});
