/**
 * 纳入测算的病例 (ANALYSIS.md §C.1): the cases grouped into a catalog DRG with a weight that the round classifies
 * as not excluded, without special review, with a cost above 0 — both pools together — gathered DRG by DRG,
 * each DRG's costs sorted (quantiles read them in place).
 */
import type { ResolvedRound } from '@/worker/settlement/round';
import type { DrgEntry, SettlementData } from '@/worker/settlement/types';

/**
 * SETTLEMENT.md §2.1: a case the round excludes from DRG settlement (不纳入DRG结算) — a stay this short or this
 * long, or a 床日 DRG. The engine's own test; written here on the resolved round's values because the engine
 * exposes no per-case class (see docs/recalibration.md).
 */
export function isExcludedByRound(los: number, perDiem: boolean, round: Pick<ResolvedRound, 'exclude_los_max' | 'exclude_los_min'>): boolean {
  return los <= round.exclude_los_max || los >= round.exclude_los_min || perDiem;
}

/** 现行权重: the round's override, else the catalog's; null when the DRG has none (its cases are not used). */
export function currentWeightOf(drg: DrgEntry, round: Pick<ResolvedRound, 'weights'>): number | null {
  const weight = round.weights[drg.code] ?? drg.weight;
  return weight !== null && weight > 0 ? weight : null;
}

/** 现行次均费用: the round's override, else the catalog's (null: none). */
export function currentBenchmarkOf(drg: DrgEntry, round: Pick<ResolvedRound, 'benchmark_costs'>): number | null {
  const cost = round.benchmark_costs[drg.code] ?? drg.benchmarkCost;
  return cost !== null && cost > 0 ? cost : null;
}

/** The used costs of every catalog DRG: DRG d's are `costs[start[d] … start[d + 1] − 1]`, ascending. */
export interface UsedCosts {
  drgCount: number;
  start: Int32Array;
  /** yuan, each a whole number of fen (fen / 100, as the engine reads a cost) */
  costs: Float64Array;
  /** current weight of each DRG (0: none — its cases are not used) */
  currentWeight: Float64Array;
}

/** Whole fen of a cost in yuan, half away from zero (costs are positive here). */
function fenOfCost(yuan: number): number {
  return Math.floor(yuan * 100 + 0.5);
}

/**
 * Gathers the used costs of `data` under `round`: one pass to count per DRG, one to place, then each DRG's
 * stretch sorted in place. Costs are taken to the fen as the engine takes them (digits below the fen are
 * rounded away), so that sums of costs are exact sums of whole fen.
 */
export function gatherUsedCosts(data: SettlementData, round: ResolvedRound): UsedCosts {
  const drgCount = data.catalog.length;
  const currentWeight = Float64Array.from(data.catalog, (drg) => currentWeightOf(drg, round) ?? 0);
  const perDiem = Uint8Array.from(data.catalog, (drg) => (drg.perDiem ? 1 : 0));
  const { count, drg, los, totalCost, specialReview } = data.cases;
  const caseDrg = new Int32Array(count).fill(-1);
  const start = new Int32Array(drgCount + 1);
  for (let i = 0; i < count; i++) {
    const d = drg[i]!;
    // an empty or unknown code (NO_DRG) is ≥ drgCount
    if (d >= drgCount || currentWeight[d] === 0 || specialReview[i] === 1 || fenOfCost(totalCost[i]!) <= 0) continue;
    if (isExcludedByRound(los[i]!, perDiem[d] === 1, round)) continue;
    caseDrg[i] = d;
    start[d + 1]!++;
  }
  for (let d = 0; d < drgCount; d++) start[d + 1]! += start[d]!;
  const costs = new Float64Array(start[drgCount]!);
  const next = start.slice(0, drgCount);
  for (let i = 0; i < count; i++) {
    const d = caseDrg[i]!;
    if (d < 0) continue;
    costs[next[d]!++] = fenOfCost(totalCost[i]!) / 100;
  }
  for (let d = 0; d < drgCount; d++) costs.subarray(start[d]!, start[d + 1]!).sort();
  return { drgCount, start, costs, currentWeight };
}
