'use client';
import { useCallback, useMemo } from 'react';
import type { RoundParams } from '@/worker/settlement/round';
import type { FormulaPreview } from '@/app/lib/formula';
import { outcomesByHospital } from '../compare/impact';
import { useParamsEditing } from './EditContext';
import { FormulaEdit } from './FormulaEdit';
import { useFormulaSources } from './FormulaSources';
import { applyCoefficientFormula, coefficientFormulaRules, hospitalFormulaTargets } from './formula-rows';

const EXAMPLES = { where: 'level == 2 and payment_cost_ratio < 0.9', set: 'min(coefficient + 0.02, 1)' };

/** 公式批量调整 of the hospital coefficients: every hospital a row, the coefficient it settles at what `set` gives. */
export function CoefficientFormula() {
  const { hospitals, current } = useParamsEditing();
  const sources = useFormulaSources();
  const settlement = sources?.settlement ?? null;
  const settled = useMemo(() => (settlement ? outcomesByHospital(settlement) : null), [settlement]);
  const baseline = sources?.baseline ?? null;
  const targets = useCallback(() => hospitalFormulaTargets(hospitals, current(), baseline, settled), [hospitals, current, baseline, settled]);
  const rules = useMemo(() => coefficientFormulaRules(settled !== null), [settled]);
  const names = useMemo(() => new Map(hospitals.map((h) => [h.code, h.name])), [hospitals]);
  const apply = useCallback((round: RoundParams, preview: FormulaPreview) => applyCoefficientFormula(round, preview, hospitals), [hospitals]);
  return <FormulaEdit target="coefficient" targets={targets} rules={rules} apply={apply} nameOf={(code) => names.get(code) ?? ''} examples={EXAMPLES} />;
}
