/**
 * ANALYSIS.md §C.7: the new round — the round recalibrated from, with `weights` and `benchmark_costs` listing every
 * catalog DRG that has a weight (a DRG with neither a current nor a new benchmark cost is left out of
 * `benchmark_costs`: a round holds no empty one).
 */
import type { RoundParams } from '@/worker/settlement/round';
import type { Recalibration } from './recalibrate';

export function recalibratedRoundParams(params: RoundParams, recalibration: Pick<Recalibration, 'rows'>): RoundParams {
  const weights: Record<string, number> = {};
  const benchmarkCosts: Record<string, number> = {};
  for (const row of recalibration.rows) {
    weights[row.drg_code] = row.new_weight;
    if (row.new_benchmark_cost !== null) benchmarkCosts[row.drg_code] = row.new_benchmark_cost;
  }
  return { ...params, weights, benchmark_costs: benchmarkCosts };
}
