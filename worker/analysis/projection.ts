/**
 * 下年度预测: next year's settlement from this year's cases, each case reweighted by a factor (no synthetic
 * resampling). The round is tallied once with next year's weights (CMI drift), the tally's rows are scaled
 * (`scaleTally`: volume growth by level × by pool, the month profile, and the cost growth — below), and the
 * money step runs on it with next year's budgets.
 *
 * Cost growth c = 1 + cost_growth scales every case's cost, patient payment and deduction, and every benchmark
 * cost with them, so that no case changes class and its points stay (docs/analysis.md). It is carried as one more
 * row factor: a tally whose rows are scaled by c holds c × the costs and c × the points. Point values are then
 * 1/c of next year's (their point sums are c × next year's) and every hospital's points × point value, B, C,
 * sharing, incentive, settlement and fund payment are next year's exactly, so the reported point values are
 * multiplied back by c. In 费率法 a payment is points × rate, so the rates (and fixed monthly point values) are
 * divided by c to pay next year's points at this year's rates.
 */
import { scaleTally, type SettlementEngine, type SettlementSummary } from '@/worker/settlement';
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { withLever } from './levers';
import type { AnalysisTables } from './tables';

export interface ProjectionInput {
  /** level ('1', '2', '3') → growth of its hospitals' case volume (0.06 = +6 %); a level left out: 0 */
  volume_growth_by_level: Record<string, number>;
  /** pool → growth of its case volume; multiplies with the level's */
  volume_growth_by_pool: Record<Pool, number>;
  /** growth of every case's cost (and of patient payments, deductions and benchmark costs, so classes stay) */
  cost_growth: number;
  /** drift of the case mix: every DRG's weight × (1 + cmi_drift) */
  cmi_drift: number;
  /** pool → growth of its budget */
  budget_growth: Record<Pool, number>;
  /** 12 relative weights of next year's months: month t's cases × 12·w_t ÷ Σw (equal weights: no change) */
  month_profile?: number[];
  /** 点值通缩 warning when the projected point value falls by more than this share (0.05 = 5 %) */
  deflation_threshold: number;
}

export interface ProjectedYear {
  /** 点值 (0 in 费率法) */
  point_value: number;
  /** 月度预结算点值, 12 (zeros in 费率法) */
  monthly: number[];
  /** budget − Σ fund payments, reported figures (yuan, to the fen) */
  fund_balance: number;
}

export interface ProjectedPool {
  pool: Pool;
  this_year: ProjectedYear;
  projected: ProjectedYear;
  /** projected ÷ this year's point value − 1 (0 in 费率法) */
  change: number;
  deflation: boolean;
}

export interface ExposedRow {
  hospital_code: string;
  pool: Pool;
  this_year_settlement: number;
  projected_settlement: number;
  change: number;
  /** change ÷ this year's settlement (0 when that is 0) */
  change_ratio: number;
}

export interface Projection {
  pools: ProjectedPool[];
  /** every hospital × pool row, largest fall of settlement (ratio) first */
  exposed: ExposedRow[];
}

export interface ProjectionInputError {
  field: string;
  message_zh: string;
  message_en: string;
}

/** Growth of −100 % or less would leave nothing to scale: each rate must be finite and > −1. */
function growthErrors(field: string, value: number | undefined, errors: ProjectionInputError[]): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= -1) {
    errors.push({ field, message_zh: `${field}：增长率须为大于 −100% 的有限数，而不是 ${String(value)}`, message_en: `${field}: a growth rate must be a finite number above −100 %, not ${String(value)}` });
  }
}

/** What is wrong with a projection's input (empty: nothing). */
export function projectionInputErrors(input: ProjectionInput): ProjectionInputError[] {
  const errors: ProjectionInputError[] = [];
  for (const [level, value] of Object.entries(input.volume_growth_by_level)) {
    if (!['1', '2', '3'].includes(level)) errors.push({ field: `volume_growth_by_level.${level}`, message_zh: `未知的医院等级 “${level}”（应为 1、2、3）`, message_en: `unknown hospital level "${level}" (1, 2 or 3)` });
    growthErrors(`volume_growth_by_level.${level}`, value, errors);
  }
  for (const pool of POOLS) {
    growthErrors(`volume_growth_by_pool.${pool}`, input.volume_growth_by_pool[pool], errors);
    growthErrors(`budget_growth.${pool}`, input.budget_growth[pool], errors);
  }
  growthErrors('cost_growth', input.cost_growth, errors);
  growthErrors('cmi_drift', input.cmi_drift, errors);
  if (!Number.isFinite(input.deflation_threshold) || input.deflation_threshold < 0) {
    errors.push({ field: 'deflation_threshold', message_zh: '通缩预警阈值须为非负有限数', message_en: 'the deflation threshold must be a finite number ≥ 0' });
  }
  const profile = input.month_profile;
  if (profile !== undefined && (profile.length !== 12 || profile.some((w) => !Number.isFinite(w) || w < 0) || !(profile.reduce((a, b) => a + b, 0) > 0))) {
    errors.push({ field: 'month_profile', message_zh: '月度分布须为 12 个非负数，且合计大于 0', message_en: 'the month profile must be 12 numbers ≥ 0 with a positive sum' });
  }
  return errors;
}

/** Next year's round: weights × (1 + drift), budgets grown; rates and fixed monthly values ÷ c (the cost factor). */
function projectedRound(params: RoundParams, tables: AnalysisTables, input: ProjectionInput, costFactor: number): RoundParams {
  const weighted = input.cmi_drift === 0 ? params : withLever({ kind: 'weights_scale', id: 'weights_scale' }, params, tables, 1 + input.cmi_drift);
  const next = structuredClone(weighted);
  const round = resolveRound(params);
  if (POOLS.some((pool) => (input.budget_growth[pool] ?? 0) !== 0)) {
    next.budget = Object.fromEntries(POOLS.map((pool) => [pool, round.budget[pool] * (1 + (input.budget_growth[pool] ?? 0))]));
  }
  if (costFactor !== 1) {
    const divided = <T extends Record<string, number | null | undefined>>(values: T | undefined): T | undefined =>
      values && (Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'number' ? value / costFactor : value])) as T);
    if (next.rate) next.rate = divided(next.rate)!;
    if (next.rate_by_level) next.rate_by_level = Object.fromEntries(Object.entries(next.rate_by_level).map(([pool, levels]) => [pool, divided(levels)]));
    if (next.monthly_point_value) next.monthly_point_value = divided(next.monthly_point_value)!;
  }
  return next;
}

/** Per row (pool × H + hospital): volume growth of its level and pool, times the cost factor. */
function rowFactors(tables: AnalysisTables, input: ProjectionInput, costFactor: number): Float64Array {
  const hospitalCount = tables.hospitals.length;
  const factors = new Float64Array(POOLS.length * hospitalCount);
  POOLS.forEach((pool, p) => {
    tables.hospitals.forEach((hospital, h) => {
      const level = 1 + (input.volume_growth_by_level[String(hospital.level)] ?? 0);
      factors[p * hospitalCount + h] = level * (1 + (input.volume_growth_by_pool[pool] ?? 0)) * costFactor;
    });
  });
  return factors;
}

function yearOf(result: SettlementSummary, p: number, pointValueFactor: number): ProjectedYear {
  const pool = result.pools[p]!;
  return {
    point_value: pool.pointValue * pointValueFactor,
    monthly: Array.from(pool.monthlyPointValue, (value) => value * pointValueFactor),
    fund_balance: (pool.budgetFen - pool.fundPaymentFen) / 100,
  };
}

function exposedRows(thisYear: SettlementSummary, projected: SettlementSummary): ExposedRow[] {
  const hospitalCount = thisYear.hospitalCodes.length;
  const out: ExposedRow[] = [];
  POOLS.forEach((pool, p) => {
    for (const h of thisYear.hospitalOrder) {
      const row = p * hospitalCount + h;
      if (thisYear.rows.hasCases[row] !== 1) continue;
      const before = thisYear.rounded.settlement[row]!;
      const after = projected.rounded.settlement[row]!;
      out.push({
        hospital_code: thisYear.hospitalCodes[h]!,
        pool,
        this_year_settlement: before / 100,
        projected_settlement: after / 100,
        change: (after - before) / 100,
        change_ratio: before !== 0 ? (after - before) / before : 0,
      });
    }
  });
  return out.sort((a, b) => a.change_ratio - b.change_ratio || a.change - b.change || (a.hospital_code < b.hospital_code ? -1 : 1));
}

/** Next year's settlement of `params` under `input` against this year's. Throws on input projectionInputErrors refuses. */
export function project(engine: SettlementEngine, tables: AnalysisTables, params: RoundParams, input: ProjectionInput): Projection {
  const errors = projectionInputErrors(input);
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.message_zh} / ${e.message_en}`).join('; '));
  const costFactor = 1 + input.cost_growth;
  const thisYear = engine.settle(params, undefined, false);
  const next = projectedRound(params, tables, input, costFactor);
  const profile = input.month_profile;
  const total = profile?.reduce((a, b) => a + b, 0) ?? 0;
  const monthFactor = profile ? Float64Array.from(profile, (w) => (12 * w) / total) : undefined;
  const scaled = scaleTally(engine.tally(next), rowFactors(tables, input, costFactor), monthFactor);
  const projected = engine.settleTally(scaled, next, false);
  const pointsMethod = params.method === 'points';
  const pools = POOLS.map((pool, p): ProjectedPool => {
    const before = yearOf(thisYear, p, 1);
    const after = yearOf(projected, p, costFactor);
    const change = pointsMethod && before.point_value !== 0 ? after.point_value / before.point_value - 1 : 0;
    return { pool, this_year: before, projected: after, change, deflation: change < -input.deflation_threshold };
  });
  return { pools, exposed: exposedRows(thisYear, projected) };
}
