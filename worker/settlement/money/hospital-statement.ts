/**
 * 年度清算单 — a hospital's year-end statement in one pool (SETTLEMENT.md §4.3), read from the engine's result.
 * Money is in whole fen: the engine's rounded report (§4.5) where it has the figure, else derived from it in
 * integer arithmetic, so that every line of the statement adds up exactly:
 *   revenue − deduction − cap excess = B;  B ≥ C: surplus kept = B − C;  C > B: overspend = C − B;
 *   S = B + sharing + incentive;  F = S − patient pay (basis "fund": F = S);  clearing = F − pre-paid.
 * Ratios (overspend rate, evaluation coefficient, payment/cost) are unrounded, from unrounded figures (§4.5 step 4).
 */
import { largestRemainder, roundPoints } from './rounding';
import type { SettlementSummary } from '../result';
import { POOLS, type Pool } from '../types';

export interface PoolStatement {
  pool: Pool;
  /** 点数, to 4 decimals */
  points: number;
  /** 点值 (点数法) or rate ÷ base_points (费率法): yuan per point, unrounded */
  yuanPerPoint: number;
  /** 病组收入 points × yuan per point, derived: B + deduction + cap excess */
  revenueFen: number;
  /** 审核扣减 */
  deductionFen: number;
  /** 结余留用上限扣回: surplus above surplus_cap × C, returned to the fund */
  surplusCapExcessFen: number;
  /** B — base revenue after deductions and the surplus cap */
  baseRevenueFen: number;
  /** C — actual cost on the basis of the point value */
  actualCostFen: number;
  /** C − B when C > B, else 0 */
  overspendFen: number;
  /** o = (C − B) ÷ B when C > B (+∞ when B ≤ 0); null without overspend */
  overspendRate: number | null;
  /** 结余留用 B − C when B ≥ C, else 0 */
  surplusKeptFen: number;
  /** 合理超支分担, paid from the reserve */
  sharingFen: number;
  /** 考核系数 */
  evalCoefficient: number;
  /** 激励返还 (质量保证金返还) */
  incentiveFen: number;
  /** S = B + sharing + incentive */
  settlementFen: number;
  /** 个人负担 */
  patientPayFen: number;
  /** F = S − patient pay (basis "fund": F = S) */
  fundPaymentFen: number;
  /** Σ monthly pre-payments */
  prepaidFen: number;
  /** F − pre-paid: positive, the bureau pays; negative, it recovers */
  clearingFen: number;
  /** settlement ÷ C */
  paymentCostRatio: number;
}

/** Rows of pool `p` that are reported (at least one case), in hospital_code order (the order of §4.5's ties). */
export function reportedPoolRows(result: SettlementSummary, p: number): Int32Array {
  const count = result.hospitalCodes.length;
  const rows: number[] = [];
  for (const h of result.hospitalOrder) if (result.rows.hasCases[p * count + h] === 1) rows.push(p * count + h);
  return Int32Array.from(rows);
}

/**
 * What the surplus cap took back from each row of pool `p`, in whole fen, rounded like the report's columns
 * (largest remainder, §4.5 step 1): the column sums to the pool's cap excess rounded to the fen, as `returned` has it.
 */
export function surplusCapExcessFen(result: SettlementSummary, p: number): Float64Array {
  const out = new Float64Array(result.rows.points.length);
  largestRemainder(result.rows.surplusCapExcess, reportedPoolRows(result, p), out);
  return out;
}

/** C of a row in whole fen: total cost, or on the fund basis total cost − patient pay (both rounded, §4.3 step 2). */
function actualCostFen(result: SettlementSummary, row: number): number {
  const { rounded } = result;
  return result.basis === 'fund' ? rounded.totalCost[row]! - rounded.patientPay[row]! : rounded.totalCost[row]!;
}

/** o = (C − B) ÷ B from the unrounded figures; +∞ when B ≤ 0; null when C ≤ B. */
export function overspendRateOf(result: SettlementSummary, row: number): number | null {
  const b = result.rows.baseRevenue[row]!;
  const c = result.rows.actualCost[row]!;
  if (!(c > b)) return null;
  return b > 0 ? (c - b) / b : Number.POSITIVE_INFINITY;
}

/** The statement of row `row` (pool `pool`), given its cap excess in fen. */
function statementOfRow(result: SettlementSummary, pool: Pool, row: number, capExcessFen: number): PoolStatement {
  const { rows, rounded } = result;
  const baseRevenueFen = rounded.baseRevenue[row]!;
  const deductionFen = rounded.deduction[row]!;
  const cost = actualCostFen(result, row);
  return {
    pool,
    points: roundPoints(rows.points[row]!),
    yuanPerPoint: rows.yuanPerPoint[row]!,
    revenueFen: baseRevenueFen + deductionFen + capExcessFen,
    deductionFen,
    surplusCapExcessFen: capExcessFen,
    baseRevenueFen,
    actualCostFen: cost,
    overspendFen: Math.max(0, cost - baseRevenueFen),
    overspendRate: overspendRateOf(result, row),
    surplusKeptFen: Math.max(0, baseRevenueFen - cost),
    sharingFen: rounded.sharing[row]!,
    evalCoefficient: rows.evalCoefficient[row]!,
    incentiveFen: rounded.incentive[row]!,
    settlementFen: rounded.settlement[row]!,
    patientPayFen: rounded.patientPay[row]!,
    fundPaymentFen: rounded.fundPayment[row]!,
    prepaidFen: rounded.prepaid[row]!,
    clearingFen: rounded.clearing[row]!,
    paymentCostRatio: rows.paymentCostRatio[row]!,
  };
}

/** The hospital's statement in each pool where it has cases (职工 first). */
export function hospitalStatements(result: SettlementSummary, code: string): PoolStatement[] {
  const h = result.hospitalCodes.indexOf(code);
  if (h < 0) return [];
  const count = result.hospitalCodes.length;
  const out: PoolStatement[] = [];
  POOLS.forEach((pool, p) => {
    const row = p * count + h;
    if (result.rows.hasCases[row] !== 1) return;
    out.push(statementOfRow(result, pool, row, surplusCapExcessFen(result, p)[row]!));
  });
  return out;
}

/** A hospital's statements in the pools where it has cases. */
export type HospitalStatements = Partial<Record<Pool, PoolStatement>>;

/** Every hospital's statements, by hospital code: the impact table's optional columns read these. */
export type StatementIndex = Map<string, HospitalStatements>;

export function statementIndex(result: SettlementSummary): StatementIndex {
  const index: StatementIndex = new Map();
  POOLS.forEach((pool, p) => {
    const capExcess = surplusCapExcessFen(result, p);
    const count = result.hospitalCodes.length;
    for (const row of reportedPoolRows(result, p)) {
      const code = result.hospitalCodes[row - p * count]!;
      const entry = index.get(code) ?? {};
      entry[pool] = statementOfRow(result, pool, row, capExcess[row]!);
      index.set(code, entry);
    }
  });
  return index;
}
