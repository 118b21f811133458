'use client';
import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RoundParams } from '@/worker/settlement/round';
import type { FormulaPreview } from '@/app/lib/formula';
import { useTRPC } from '../../lib/trpc';
import { useParamsEditing } from './EditContext';
import { FormulaEdit } from './FormulaEdit';
import { useFormulaSources } from './FormulaSources';
import { applyWeightFormula, drgFormulaTargets, weightFormulaRules } from './formula-rows';

const EXAMPLES = { where: 'mdc == "MDCF" and cases > 100', set: 'weight * 1.03' };

/** 公式批量调整 of the weights: every catalog DRG a row, its weight what `set` gives. */
export function WeightFormula() {
  const trpc = useTRPC();
  const { catalog, current } = useParamsEditing();
  const sources = useFormulaSources();
  const costs = useQuery(trpc.datasets.drgCostStats.queryOptions({ datasetId: sources?.datasetId ?? 0 }, { enabled: !!sources, staleTime: Infinity }));
  const costFigures = costs.data ?? null;
  const baseline = sources?.baseline ?? null;
  const targets = useCallback(() => drgFormulaTargets(catalog, current(), baseline, costFigures), [catalog, current, baseline, costFigures]);
  const rules = useMemo(() => weightFormulaRules(costFigures !== null), [costFigures]);
  const names = useMemo(() => new Map(catalog.map((d) => [d.code, d.name])), [catalog]);
  const apply = useCallback((round: RoundParams, preview: FormulaPreview) => applyWeightFormula(round, preview, catalog), [catalog]);
  return <FormulaEdit target="weight" targets={targets} rules={rules} apply={apply} nameOf={(code) => names.get(code) ?? ''} examples={EXAMPLES} />;
}
