import type { Db } from '@/db/client';
import { CASE_CLASSES, classifyCase, NORMAL, UNGROUPED, EXCLUDED, type CaseClassName } from '@/worker/settlement/rules/classes';
import { buildDrgRules } from '@/worker/settlement/rules/drg-rules';
import { casePoints, coefficientTable, pointRulesOf } from '@/worker/settlement/rules/points';
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
import { NO_DRG, POOLS } from '@/worker/settlement/types';
import { settlementData } from './settlement-data';
import { DomainError } from './errors';
import { OUTLIER_CLASSES, type OutlierClass, type OutlierQuery, type OutlierSort } from './outlier-query';

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

/** One page of a hospital's outlier cases, and how many there are in all. */
export interface OutlierPage {
  /** the outlier cases of the class asked for (all classes when none), over all pages */
  total: number;
  /** the hospital's outlier cases of each class, whatever the filter */
  classCounts: Record<OutlierClass, number>;
  offset: number;
  rows: CaseExplanation[];
}

/** The round's rules as the settlement pass applies them, and the hospital's cases in data set order. */
function hospitalCasesOf(db: Db, datasetId: number, params: RoundParams, hospitalCode: string) {
  const { data } = settlementData(db, datasetId);
  const hospital = data.hospitals.findIndex((x) => x.code === hospitalCode);
  if (hospital < 0) throw new DomainError('NOT_FOUND', `hospital ${hospitalCode} is not in data set ${datasetId}`);
  const round = resolveRound(params);
  const rules = buildDrgRules(data.catalog, round);
  const window = { excludeLosMax: round.exclude_los_max, excludeLosMin: round.exclude_los_min };
  // the hospital's case ids in the order of the case columns (both follow the cases table's id)
  const caseIds = db.$client
    .prepare('SELECT case_id FROM cases WHERE dataset_id = ? AND hospital_code = ? ORDER BY id')
    .pluck()
    .all(datasetId, hospitalCode) as string[];
  return { data, hospital, round, rules, window, caseIds };
}

type HospitalCases = ReturnType<typeof hospitalCasesOf>;

/** An outlier case: its index in the case columns, its ordinal among the hospital's cases, its class code. */
interface Outlier {
  index: number;
  ordinal: number;
  caseClass: number;
}

/** Every case of the hospital the round does not pay as a normal case, classified as the settlement pass does. */
function outliersOf({ data, hospital, rules, window }: HospitalCases): Outlier[] {
  const c = data.cases;
  const outliers: Outlier[] = [];
  let ordinal = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.hospital[i] !== hospital) continue;
    const caseClass = classifyCase(rules, window, c.drg[i]!, c.los[i]!, c.totalCost[i]!, c.specialReview[i]!);
    if (caseClass !== NORMAL) outliers.push({ index: i, ordinal, caseClass });
    ordinal++;
  }
  return outliers;
}

/** Explains one outlier case: DRG, cost against the benchmark, and its points under the round. */
function explain(cases: HospitalCases, coefficients: Float64Array, pointRules: ReturnType<typeof pointRulesOf>, o: Outlier): CaseExplanation {
  const { data, hospital, rules, caseIds } = cases;
  const c = data.cases;
  const i = o.index;
  const d = c.drg[i]!;
  const grouped = o.caseClass !== UNGROUPED && o.caseClass !== EXCLUDED;
  const benchmark = d !== NO_DRG && rules.benchmarkCost[d] ? rules.benchmarkCost[d]! : null;
  const coefficient = coefficients[(d !== NO_DRG ? rules.uniformPrice[d]! : 0) * data.hospitals.length + hospital]!;
  return {
    caseId: caseIds[o.ordinal] ?? '',
    drgCode: d !== NO_DRG ? rules.codes[d]! : '',
    drgName: d !== NO_DRG ? (data.catalog[d]?.name ?? null) : null,
    month: c.month[i]!,
    pool: POOLS[c.pool[i]!]!,
    caseClass: CASE_CLASSES[o.caseClass]!,
    totalCost: c.totalCost[i]!,
    benchmarkCost: benchmark,
    costRatio: benchmark ? c.totalCost[i]! / benchmark : null,
    los: c.los[i]!,
    points: grouped
      ? casePoints(o.caseClass, rules.basePoints[d]!, coefficient, c.totalCost[i]!, rules.benchmarkCost[d]!, rules.highMultiple[d]!, pointRules)
      : o.caseClass === EXCLUDED ? 0 : null,
  };
}

/** The figure a sort compares; cases without it (no benchmark, ungrouped points) go last either way. */
function sortFigure(sort: OutlierSort, row: CaseExplanation, ordinal: number): number | null {
  switch (sort) {
    case 'case':
      return ordinal;
    case 'month':
      return row.month;
    case 'los':
      return row.los;
    case 'totalCost':
      return row.totalCost;
    case 'costRatio':
      return row.costRatio;
    case 'points':
      return row.points;
  }
}

/**
 * One page of the cases of a hospital that a round does not pay as normal cases (高倍率, 低倍率, 特例单议, 未入组,
 * 不纳入), classified with the same rules as the settlement pass, with the true count of all of them. A hospital's
 * own detail: the endpoint a hospital representative's role will be limited to.
 */
export function hospitalOutlierCases(db: Db, datasetId: number, params: RoundParams, hospitalCode: string, query: OutlierQuery): OutlierPage {
  const cases = hospitalCasesOf(db, datasetId, params, hospitalCode);
  const coefficients = coefficientTable(cases.data.hospitals, cases.round);
  const pointRules = pointRulesOf(cases.round);
  const outliers = outliersOf(cases);
  const classCounts = Object.fromEntries(OUTLIER_CLASSES.map((k) => [k, 0])) as Record<OutlierClass, number>;
  for (const o of outliers) classCounts[CASE_CLASSES[o.caseClass] as OutlierClass]++;
  const wanted = query.caseClass === null ? outliers : outliers.filter((o) => CASE_CLASSES[o.caseClass] === query.caseClass);
  const page = (list: { outlier: Outlier; row?: CaseExplanation }[]) =>
    list.slice(query.offset, query.offset + query.limit).map((x) => x.row ?? explain(cases, coefficients, pointRules, x.outlier));
  if (query.sort === 'case' && !query.descending) {
    return { total: wanted.length, classCounts, offset: query.offset, rows: page(wanted.map((outlier) => ({ outlier }))) };
  }
  // a sort by a figure explains every case of the filter (a few thousand at most per hospital), then orders them
  const sign = query.descending ? -1 : 1;
  const explained = wanted.map((outlier) => {
    const row = explain(cases, coefficients, pointRules, outlier);
    return { outlier, row, figure: sortFigure(query.sort, row, outlier.ordinal) };
  });
  explained.sort((a, b) => {
    if (a.figure === null || b.figure === null) return a.figure === b.figure ? a.outlier.ordinal - b.outlier.ordinal : a.figure === null ? 1 : -1;
    return sign * (a.figure - b.figure) || a.outlier.ordinal - b.outlier.ordinal;
  });
  return { total: wanted.length, classCounts, offset: query.offset, rows: page(explained) };
}
