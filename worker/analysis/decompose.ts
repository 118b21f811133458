/**
 * 变动归因 (ANALYSIS.md §A): each hospital's change from round `from` to round `to`, split over the five lever
 * families by Shapley values over the 32 mixed rounds. The settlements can be shared between workers
 * (`splitMasks`, `settleSubsets` in each, `combineDecomposition` on the page) or run in one thread (`decompose`).
 */
import type { SettlementEngine, SettlementResult } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import type { Hospital, Pool } from '@/worker/settlement/types';
import type { Decomposition, DrgWeightsPart } from './decomposition-json';
import type { AnalysisTables } from './tables';

export type { Decomposition, DecompositionRow, DecompositionTotal, DrgWeightsPart, Figures, LevelTotal, PartsOfFigures } from './decomposition-json';
export { interactionOf } from './decomposition-json';

/** v(T) of §A.3 for every row (pool × H + hospital, as in SettlementResult), unrounded yuan. */
export interface SubsetValues {
  mask: number;
  settlement: Float64Array;
  fundPayment: Float64Array;
}

/** Settles the mixed rounds R_mask (§A.2) in an order that keeps the engine's classes; values per row. */
export function settleSubsets(engine: SettlementEngine, from: RoundParams, to: RoundParams, masks: readonly number[]): SubsetValues[] {
  void engine, from, to, masks;
  throw new Error('not implemented yet');
}

/**
 * The masks each of `workers` workers settles: subsets of `changed` (the families that differ, changedFamilies;
 * default all five), grouped so that each worker's mixed rounds share most of their passes over the cases.
 */
export function splitMasks(workers: number, changed?: number): number[][] {
  void workers, changed;
  throw new Error('not implemented yet');
}

/**
 * §A.3–§A.5 from the two rounds' results and the values of the mixed rounds (at least every subset of the
 * changed families; a mask not given counts as its subset of the changed families).
 */
export function combineDecomposition(
  fromResult: SettlementResult,
  toResult: SettlementResult,
  subsets: readonly SubsetValues[],
  hospitals: readonly Hospital[],
): Decomposition {
  void fromResult, toResult, subsets, hospitals;
  throw new Error('not implemented yet');
}

/** The whole decomposition in one thread. */
export function decompose(engine: SettlementEngine, tables: AnalysisTables, from: RoundParams, to: RoundParams): Decomposition {
  void engine, tables, from, to;
  throw new Error('not implemented yet');
}

/** One hospital's `weights` part of `settlement` drilled down to its DRGs (docs/analysis.md), largest |part| first. */
export function weightsByDrg(
  engine: SettlementEngine,
  tables: AnalysisTables,
  from: RoundParams,
  to: RoundParams,
  hospitalCode: string,
  pool: Pool,
): DrgWeightsPart[] {
  void engine, tables, from, to, hospitalCode, pool;
  throw new Error('not implemented yet');
}
