/**
 * 变动归因 (ANALYSIS.md §A): each hospital's change from round `from` to round `to`, split over the five lever
 * families by Shapley values over the 32 mixed rounds. The settlements can be shared between workers
 * (`splitMasks`, `settleSubsets` in each, `combineDecomposition` on the page) or run in one thread (`decompose`).
 * Only the subsets of the families that differ are settled (a family the rounds share changes nothing), and
 * R_∅ and R_all are the two rounds themselves.
 */
import type { SettlementEngine, SettlementSummary } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import { changedFamilies } from './families';
import { combineDecomposition, type SubsetValues } from './combine';
import type { Decomposition } from './decomposition-json';
import { PASS_FAMILIES, settleMixed, subsetsOf } from './mixed-settlements';
import type { AnalysisTables } from './tables';

export type { Decomposition, DecompositionRow, DecompositionTotal, DrgWeightsPart, Figures, LevelTotal, PartsOfFigures } from './decomposition-json';
export { interactionOf } from './decomposition-json';
export { combineDecomposition, type SubsetValues } from './combine';
export { weightsByDrg } from './weights-by-drg';

/** Settles the mixed rounds R_mask (§A.2), sharing tallies and keeping the engine's classes; values per row. */
export function settleSubsets(engine: SettlementEngine, from: RoundParams, to: RoundParams, masks: readonly number[]): SubsetValues[] {
  const out: SubsetValues[] = [];
  settleMixed(engine, from, to, masks, false, (mask, result) => {
    out.push({ mask, settlement: result.rows.settlement, fundPayment: result.rows.fundPayment });
  });
  return out;
}

/**
 * The masks each of `workers` workers settles: the subsets of `changed` (changedFamilies; default all five)
 * other than ∅ and `changed` (the two rounds' own results). Masks with the same pass families (weights,
 * coefficients, case rules) stay in one worker, which tallies once for them; each worker gets a run of them
 * in settle order, so that it keeps its classes from one tally to the next. Some lists may be empty.
 */
export function splitMasks(workers: number, changed = 31): number[][] {
  const count = Math.max(1, Math.floor(workers));
  const masks = subsetsOf(changed).filter((mask) => mask !== 0 && mask !== changed);
  const groups: number[][] = [];
  for (const mask of masks) {
    const last = groups[groups.length - 1];
    if (last && (last[0]! & PASS_FAMILIES) === (mask & PASS_FAMILIES)) last.push(mask);
    else groups.push([mask]);
  }
  // a tally costs about as much as eight money steps (docs/benchmarks.md): balance passes first
  const cost = (group: number[]) => 8 + group.length;
  const total = groups.reduce((sum, group) => sum + cost(group), 0);
  const out: number[][] = Array.from({ length: count }, () => []);
  let worker = 0;
  let done = 0;
  for (const group of groups) {
    if (worker < count - 1 && done >= ((worker + 1) * total) / count) worker++;
    out[worker]!.push(...group);
    done += cost(group);
  }
  return out;
}

/** The whole decomposition in one thread: every subset of the changed families, R_∅ and R_all among them. */
export function decompose(engine: SettlementEngine, tables: AnalysisTables, from: RoundParams, to: RoundParams): Decomposition {
  const changed = changedFamilies(from, to);
  const results = new Map<number, SettlementSummary>();
  settleMixed(engine, from, to, subsetsOf(changed), false, (mask, result) => results.set(mask, result));
  const subsets = [...results].map(([mask, result]) => ({ mask, settlement: result.rows.settlement, fundPayment: result.rows.fundPayment }));
  return combineDecomposition(results.get(0)!, results.get(changed)!, subsets, tables.hospitals, changed);
}
