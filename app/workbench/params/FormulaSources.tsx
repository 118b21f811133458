'use client';
/**
 * What a formula edit reads beyond the round being edited (ANALYSIS.md §D): the data set (for the DRGs' cost
 * figures), the baseline round (`base_weight`, `base_coefficient`) and the edited round's settlement (`cmi`,
 * `payment_cost_ratio`). The workbench provides it; without it (another page using the editor) those names have
 * no value. A context of its own, so the tables do not re-render when a settlement finishes.
 */
import { createContext, useContext } from 'react';
import type { RoundParams } from '@/worker/settlement/round';
import type { SettledRound } from '../compare/impact';

export interface FormulaSources {
  datasetId: number;
  /** the workbench's baseline round (基线) */
  baseline: RoundParams | null;
  /** the edited round's settlement, when it is of the parameters shown (null while a rerun is under way) */
  settlement: SettledRound | null;
}

const FormulaSourcesContext = createContext<FormulaSources | null>(null);

export const FormulaSourcesProvider = FormulaSourcesContext.Provider;

export function useFormulaSources(): FormulaSources | null {
  return useContext(FormulaSourcesContext);
}
