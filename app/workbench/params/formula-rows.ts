/**
 * What a formula edit (ANALYSIS.md §D) reads and writes in the round's editor: the names of a DRG row and of a
 * hospital row, built from the catalog, the hospitals, the round being edited, the baseline round, the data's
 * cost figures and the edited round's settlement; and a preview turned back into the round's overrides. Pure;
 * only types of the formula module (mathjs is loaded when a formula is first previewed).
 */
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
import { BOUNDS, boundText, isWithin, type Bound } from '@/worker/settlement/bounds';
import type { CatalogEntryWithVolume, HospitalTotal } from '@/server/services/dataset-queries';
import type { FormulaPreview, FormulaRules, FormulaTarget } from '@/app/lib/formula';
import { getIn, setIn } from './paths';
import { coefficientRows, effectiveCoefficient } from './hospital-coefficients';
import { roundWeight, setWeightOverride, type WeightOverrides } from './weight-edits';
import { weightRows } from './weight-rows';

/** ANALYSIS.md §D: the names of a DRG row. */
export const DRG_FORMULA_NAMES = ['code', 'name', 'mdc', 'weight', 'benchmark_cost', 'uniform_price', 'cases', 'mean_cost', 'cv', 'base_weight'] as const;
/** ANALYSIS.md §D: the names of a hospital row. */
export const HOSPITAL_FORMULA_NAMES = ['code', 'name', 'level', 'district', 'type', 'coefficient', 'base_coefficient', 'evaluation_score', 'cases', 'cmi', 'payment_cost_ratio'] as const;

/** A DRG's cost figures of the data (server/services/drg-cost-stats.ts). */
export interface DrgCostFigures {
  code: string;
  meanCost: number | null;
  cv: number | null;
}

/** A hospital's figures in the edited round's settlement (both pools; app/workbench/compare/impact.ts). */
export interface SettledFigures {
  cmi: number;
  paymentCostRatio: number;
}

function outside(bound: Bound): (value: number) => string | null {
  return (value) => (isWithin(bound, value) ? null : `${value} ∉ ${boundText(bound)}`);
}

/**
 * Weights are kept to 4 decimals (weight-edits.ts); so are coefficients set by formula (0.85 + 0.02 is
 * 0.8699999999999999 in floating point). A new value must lie within the engine's bound (bounds.ts).
 */
export function weightFormulaRules(costsKnown: boolean): FormulaRules {
  return { names: DRG_FORMULA_NAMES, round: roundWeight, refuse: outside(BOUNDS.weight), unavailable: new Set(costsKnown ? [] : ['mean_cost', 'cv']) };
}

export function coefficientFormulaRules(settled: boolean): FormulaRules {
  return { names: HOSPITAL_FORMULA_NAMES, round: roundWeight, refuse: outside(BOUNDS.coefficient), unavailable: new Set(settled ? [] : ['cmi', 'payment_cost_ratio']) };
}

/** Each catalog DRG as a formula reads it: the values the edited round settles with; its weight is what `set` gives. */
export function drgFormulaTargets(
  catalog: readonly CatalogEntryWithVolume[],
  params: RoundParams,
  baseline: RoundParams | null,
  costs: readonly DrgCostFigures[] | null,
): FormulaTarget[] {
  const byCode = new Map(costs?.map((c) => [c.code, c]));
  const baseWeights = getIn(baseline, ['weights']) as WeightOverrides | undefined;
  return weightRows(catalog, params).map((r) => {
    const { drg } = r;
    const cost = byCode.get(drg.code);
    return {
      key: drg.code,
      current: r.weight,
      row: {
        code: drg.code,
        name: drg.name,
        mdc: drg.mdc,
        weight: r.weight,
        benchmark_cost: r.benchmarkCost,
        uniform_price: r.uniformPrice,
        cases: drg.cases,
        mean_cost: cost?.meanCost ?? null,
        cv: cost?.cv ?? null,
        base_weight: baseline ? (baseWeights?.[drg.code] ?? drg.weight) : null,
      },
    };
  });
}

/** Each hospital as a formula reads it; its coefficient (the one it settles at) is what `set` gives. */
export function hospitalFormulaTargets(
  hospitals: readonly HospitalTotal[],
  params: RoundParams,
  baseline: RoundParams | null,
  settled: ReadonlyMap<string, SettledFigures> | null,
): FormulaTarget[] {
  const baselineResolved = baseline ? resolveRound(baseline) : null;
  return coefficientRows(hospitals, params, resolveRound(params)).map((r) => {
    const { hospital } = r;
    const figures = settled?.get(hospital.code);
    return {
      key: hospital.code,
      current: r.coefficient,
      row: {
        code: hospital.code,
        name: hospital.name,
        level: hospital.level,
        district: hospital.district,
        type: hospital.type,
        coefficient: r.coefficient,
        base_coefficient: baseline ? effectiveCoefficient(hospital, baseline, baselineResolved).coefficient : null,
        evaluation_score: r.score,
        cases: hospital.cases,
        cmi: figures?.cmi ?? null,
        payment_cost_ratio: figures?.paymentCostRatio ?? null,
      },
    };
  });
}

/** The round with the preview's weights as overrides (one equal to the catalog's is removed, as a typed one is). */
export function applyWeightFormula(params: RoundParams, preview: FormulaPreview, catalog: readonly CatalogEntryWithVolume[]): RoundParams {
  const catalogWeight = new Map(catalog.map((d) => [d.code, d.weight]));
  let weights: Record<string, number> = { ...(getIn(params, ['weights']) as WeightOverrides | undefined) };
  for (const change of preview.changes) weights = setWeightOverride(weights, { code: change.key, catalogWeight: catalogWeight.get(change.key) ?? null }, change.after);
  return setIn(params, ['weights'], Object.keys(weights).length > 0 ? weights : undefined);
}

/** The round with the preview's coefficients as overrides (one equal to the hospital file's is removed). */
export function applyCoefficientFormula(params: RoundParams, preview: FormulaPreview, hospitals: readonly HospitalTotal[]): RoundParams {
  const fileCoefficient = new Map(hospitals.map((h) => [h.code, h.coefficient]));
  const overrides: Record<string, number> = { ...(getIn(params, ['hospital_coefficients']) as Record<string, number> | undefined) };
  for (const { key, after } of preview.changes) {
    if (after === fileCoefficient.get(key)) delete overrides[key];
    else overrides[key] = after;
  }
  return setIn(params, ['hospital_coefficients'], Object.keys(overrides).length > 0 ? overrides : undefined);
}
