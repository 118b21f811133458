import type { Db } from '@/db/client';
import { buildDrgRules, CASE_CLASSES, classifyCase, NORMAL, UNGROUPED, EXCLUDED, type CaseClassName } from '@/worker/settlement/classify';
import { casePoints, coefficientTable, pointRulesOf } from '@/worker/settlement/points';
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
import { NO_DRG, POOLS } from '@/worker/settlement/types';
import { settlementData } from './settlement-data';
import { DomainError } from './errors';

/** One case of a hospital that is not paid as a normal case, with why (its class) and its points. */
export interface CaseExplanation {
  caseId: string;
  drgCode: string;
  drgName: string | null;
  month: number;
  pool: string;
  caseClass: CaseClassName;
  totalCost: number;
  benchmarkCost: number | null;
  /** total cost ÷ the DRG's benchmark cost */
  costRatio: number | null;
  los: number;
  /** points of the case (null for ungrouped: they depend on the pool's city average cost) */
  points: number | null;
}

/**
 * The cases of one hospital that a round does not pay as normal cases (高倍率, 低倍率, 特例单议, 未入组, 不纳入),
 * classified with the same rules as the settlement pass. A hospital's own detail: the endpoint a hospital
 * representative's role will be limited to.
 */
export function hospitalOutlierCases(db: Db, datasetId: number, params: RoundParams, hospitalCode: string, limit = 2000): CaseExplanation[] {
  const { data } = settlementData(db, datasetId);
  const h = data.hospitals.findIndex((x) => x.code === hospitalCode);
  if (h < 0) throw new DomainError('NOT_FOUND', `hospital ${hospitalCode} is not in data set ${datasetId}`);
  const round = resolveRound(params);
  const rules = buildDrgRules(data.catalog, round);
  const window = { excludeLosMax: round.exclude_los_max, excludeLosMin: round.exclude_los_min };
  const coefficients = coefficientTable(data.hospitals, round);
  const pointRules = pointRulesOf(round);
  const caseIds = db.$client
    .prepare('SELECT case_id FROM cases WHERE dataset_id = ? AND hospital_code = ? ORDER BY id')
    .pluck()
    .all(datasetId, hospitalCode) as string[];
  const c = data.cases;
  const out: CaseExplanation[] = [];
  let k = 0;
  for (let i = 0; i < c.count && out.length < limit; i++) {
    if (c.hospital[i] !== h) continue;
    const caseId = caseIds[k++] ?? '';
    const d = c.drg[i]!;
    const caseClass = classifyCase(rules, window, d, c.los[i]!, c.totalCost[i]!, c.specialReview[i]!);
    if (caseClass === NORMAL) continue;
    const grouped = caseClass !== UNGROUPED && caseClass !== EXCLUDED;
    const benchmark = d !== NO_DRG && rules.benchmarkCost[d] ? rules.benchmarkCost[d]! : null;
    const coefficient = coefficients[(d !== NO_DRG ? rules.uniformPrice[d]! : 0) * data.hospitals.length + h]!;
    out.push({
      caseId,
      drgCode: d !== NO_DRG ? rules.codes[d]! : '',
      drgName: d !== NO_DRG ? data.catalog[d]?.name ?? null : null,
      month: c.month[i]!,
      pool: POOLS[c.pool[i]!]!,
      caseClass: CASE_CLASSES[caseClass]!,
      totalCost: c.totalCost[i]!,
      benchmarkCost: benchmark,
      costRatio: benchmark ? c.totalCost[i]! / benchmark : null,
      los: c.los[i]!,
      points: grouped
        ? casePoints(caseClass, rules.basePoints[d]!, coefficient, c.totalCost[i]!, rules.benchmarkCost[d]!, rules.highMultiple[d]!, pointRules)
        : caseClass === EXCLUDED ? 0 : null,
    });
  }
  return out;
}
