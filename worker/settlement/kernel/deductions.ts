/**
 * 审核扣减 (SETTLEMENT.md §4.3) of a round by row: the deductions of paid cases only — an excluded case is
 * not settled by DRG, so neither is its deduction (§2.1).
 */
import { isExcluded } from '../rules/classes';
import type { PassRules } from '../rules/round-rules';
import type { PreparedCases } from './prepare';

/**
 * Σ deductions (fen) of paid cases into `rowDeductionFen` (zero on entry). When `coreFits` (no core case
 * excluded), the core cases' sums prepared per row and the edge cases one by one; otherwise every case.
 */
export function addPaidDeductions(cases: PreparedCases, rules: PassRules, rowDeductionFen: Float64Array, coreFits: boolean): void {
  if (coreFits) rowDeductionFen.set(cases.rowCoreDeductionFen);
  const { deductionRow, deductionLos, deductionDrg, deductionFen } = cases;
  const { excludeLosMax, excludeLosMin } = rules;
  const kind = rules.drgs.kind;
  for (let j = coreFits ? cases.edgeDeductionStart : 0; j < deductionFen.length; j++) {
    if (isExcluded(kind[deductionDrg[j]!]!, deductionLos[j]!, excludeLosMax, excludeLosMin)) continue;
    rowDeductionFen[deductionRow[j]!]! += deductionFen[j]!;
  }
}
