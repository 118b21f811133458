/**
 * 全市该DRG次均费用: each group's benchmark cost is the mean total cost of its cases that DRG settlement
 * would pay (grouped, stay inside last year's limits); a group with no such case keeps its expected cost.
 */
import { NO_DRG, type CaseTable, type DrgEntry } from '@/worker/settlement/types';
import { DEFAULT_EXCLUDE_LOS_MAX, DEFAULT_EXCLUDE_LOS_MIN } from './default-rules';
import { toFen } from './money';

export function withBenchmarkCosts(entries: DrgEntry[], cases: CaseTable, expectedGroupCost: Float64Array): DrgEntry[] {
  const sum = new Float64Array(entries.length);
  const count = new Float64Array(entries.length);
  for (let i = 0; i < cases.count; i++) {
    const d = cases.drg[i]!;
    const los = cases.los[i]!;
    if (d === NO_DRG || los <= DEFAULT_EXCLUDE_LOS_MAX || los >= DEFAULT_EXCLUDE_LOS_MIN) continue;
    sum[d] = sum[d]! + cases.totalCost[i]!;
    count[d] = count[d]! + 1;
  }
  return entries.map((entry, d) => ({
    ...entry,
    benchmarkCost: toFen(count[d]! > 0 ? sum[d]! / count[d]! : expectedGroupCost[d]!),
  }));
}
