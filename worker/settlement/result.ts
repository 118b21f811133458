/**
 * Results of a settlement run. The engine keeps everything as typed arrays (transferable from the worker
 * without copying); `toContractResult` makes the SETTLEMENT.md §7 result.json from them.
 *
 * Indexing: a "row" is one hospital in one pool, `row = pool × H + hospital` (hospital = index into
 * `hospitalCodes`, pool = POOL_INDEX). Per-month arrays are `row × 12 + month − 1`; per-DRG arrays
 * `pool × D + drg`; per hospital × DRG figures are sparse (`HospitalDrgResults`). Unrounded money is in yuan; rounded money
 * (`rounded`) is in whole fen.
 */
import { CASE_CLASSES, type CaseClassName } from './rules/classes';
import { fenOf, roundPoints, yuanOf } from './rounding';
import { POOLS, type Pool } from './types';
import type { Method, PointValueBasis } from './round';

/** Figures of one pool (统筹基金). Unrounded unless named `*Fen`. */
export interface PoolResult {
  pool: Pool;
  budget: number;
  /** 调剂金 R = reserve_ratio × budget */
  reserve: number;
  /** D = budget − R (点数法) */
  distributable: number;
  /** Σ points of the pool's paid cases */
  points: number;
  /** Σ patient_pay of the pool's paid cases */
  patientPay: number;
  /** city_avg_cost: mean total cost of grouped, non-excluded cases (§3 ungrouped) */
  cityAverageCost: number;
  /** 点值 (点数法; 0 in 费率法 or without points) */
  pointValue: number;
  /** 月度预结算点值 per month (点数法; zeros in 费率法) */
  monthlyPointValue: Float64Array;
  /** Σ overspend shares before the reserve limit, and the factor applied (≤ 1) */
  sharingWanted: number;
  sharingScale: number;
  /** what is left of the reserve after sharing: the incentive deposits */
  reserveLeft: number;
  /** Σ what the surplus cap took back */
  surplusCapExcess: number;
  /** unrounded money that returns to the fund (§4.5 step 3 before rounding) */
  returned: number;
  /** §7 totals, whole fen */
  budgetFen: number;
  reserveFen: number;
  sharingFen: number;
  incentiveFen: number;
  returnedFen: number;
  settlementFen: number;
  fundPaymentFen: number;
  deductionFen: number;
  prepaidFen: number;
}

/** Per hospital × pool figures (index `row`). */
export interface RowResults {
  /** 1 when the hospital has at least one case in the pool (the row is reported) */
  hasCases: Uint8Array;
  /** case counts by class, 6 per row in CASE_CLASSES order */
  caseCounts: Int32Array;
  points: Float64Array;
  /** Σ RW of grouped cases; CMI = weightSum ÷ grouped cases */
  weightSum: Float64Array;
  cmi: Float64Array;
  /** Σ total_cost / patient_pay / deduction of paid (non-excluded) cases */
  totalCost: Float64Array;
  patientPay: Float64Array;
  deduction: Float64Array;
  /** Σ total_cost of excluded cases */
  excludedCost: Float64Array;
  /** yuan per point: the point value (点数法) or rate ÷ base_points (费率法) */
  yuanPerPoint: Float64Array;
  /** points × yuanPerPoint */
  revenue: Float64Array;
  /** B after the surplus cap (§4.3 step 1, 3) */
  baseRevenue: Float64Array;
  surplusCapExcess: Float64Array;
  /** C (§4.3 step 2), on the basis of the point value */
  actualCost: Float64Array;
  sharing: Float64Array;
  evalCoefficient: Float64Array;
  incentive: Float64Array;
  settlement: Float64Array;
  fundPayment: Float64Array;
  prepaid: Float64Array;
  clearing: Float64Array;
  paymentCostRatio: Float64Array;
}

/** The §7 money columns of each row, in whole fen, rounded as in §4.5. */
export interface RoundedRows {
  totalCost: Float64Array;
  patientPay: Float64Array;
  deduction: Float64Array;
  baseRevenue: Float64Array;
  sharing: Float64Array;
  incentive: Float64Array;
  prepaid: Float64Array;
  settlement: Float64Array;
  fundPayment: Float64Array;
  clearing: Float64Array;
}

/** Per hospital × pool × month (index `row × 12 + month − 1`). */
export interface MonthResults {
  points: Float64Array;
  patientPay: Float64Array;
  /** the provisional yuan per point of the month (monthly point value, or rate ÷ base_points) */
  yuanPerPoint: Float64Array;
  /** fund share of the month before prepay_ratio and the floor at 0 */
  fundShare: Float64Array;
  prepaid: Float64Array;
}

/** Grouped paid cases by DRG: per pool (`pool × D + drg`), or per cell of `HospitalDrgResults`. */
export interface DrgResults {
  cases: Float64Array;
  points: Float64Array;
  /** points × yuan per point (before deductions) */
  revenue: Float64Array;
  totalCost: Float64Array;
}

/**
 * Grouped paid cases per hospital × pool × DRG, for the DRGs that occur in the row: row r's cells are
 * k = start[r] … start[r + 1] − 1, of DRG `drg[k]` (`drg[k]` = number of DRGs: cases without a DRG, whose
 * figures stay 0 here — ungrouped cases are counted in the rows).
 */
export interface HospitalDrgResults extends DrgResults {
  start: Int32Array;
  drg: Uint16Array;
}

export interface SettlementResult {
  method: Method;
  basis: PointValueBasis;
  hospitalCodes: string[];
  drgCodes: string[];
  /** hospital indices in hospital_code order (the order of rows in reports and of rounding ties) */
  hospitalOrder: Int32Array;
  pools: PoolResult[];
  rows: RowResults;
  rounded: RoundedRows;
  months: MonthResults;
  drgs: DrgResults;
  hospitalDrgs: HospitalDrgResults;
}

/**
 * A result with or without its hospital × DRG cells: what the page receives from its worker, which sends the
 * cells (≈ 2–3 MB at 1 M cases) only when the page shows a hospital's DRGs.
 */
export type SettlementSummary = Omit<SettlementResult, 'hospitalDrgs'> & { hospitalDrgs: HospitalDrgResults | null };

/** Whether a summary carries its hospital × DRG cells: then it is a whole result. */
export function hasCells(result: SettlementSummary): result is SettlementResult {
  return result.hospitalDrgs !== null;
}

/** Every ArrayBuffer of a result, for a zero-copy postMessage transfer. */
export function transferables(result: SettlementSummary): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    result.hospitalOrder,
    ...result.pools.map((p) => p.monthlyPointValue),
    ...Object.values(result.rows),
    ...Object.values(result.rounded),
    ...Object.values(result.months),
    ...Object.values(result.drgs),
    ...(result.hospitalDrgs ? Object.values(result.hospitalDrgs) : []),
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}

// ---- §7 result.json ----

export type PoolRecord<T> = Partial<Record<Pool, T>>;

export interface ContractTotals {
  budget: number;
  reserve: number;
  sharing: number;
  incentive: number;
  returned: number;
  settlement: number;
}

export interface ContractHospitalRow {
  hospital_code: string;
  pool: Pool;
  cases: Record<CaseClassName, number>;
  points: number;
  cmi: number;
  total_cost: number;
  patient_pay: number;
  base_revenue: number;
  deduction: number;
  sharing: number;
  incentive: number;
  settlement: number;
  fund_payment: number;
  prepaid: number;
  clearing: number;
  payment_cost_ratio: number;
}

export interface ContractDrgRow {
  drg_code: string;
  cases: number;
  points: number;
  revenue: number;
  total_cost: number;
}

/** SETTLEMENT.md §7 `result.json`. */
export interface ContractResult {
  point_value: PoolRecord<number>;
  monthly_point_value: PoolRecord<number[]>;
  totals: PoolRecord<ContractTotals>;
  hospitals: ContractHospitalRow[];
  drgs: ContractDrgRow[];
}

function hospitalRow(result: SettlementSummary, pool: Pool, h: number, row: number): ContractHospitalRow {
  const { rows, rounded } = result;
  const cases = {} as Record<CaseClassName, number>;
  CASE_CLASSES.forEach((name, k) => (cases[name] = rows.caseCounts[row * CASE_CLASSES.length + k]!));
  const fen = (column: Float64Array) => yuanOf(column[row]!);
  return {
    hospital_code: result.hospitalCodes[h]!,
    pool,
    cases,
    points: roundPoints(rows.points[row]!),
    cmi: rows.cmi[row]!,
    total_cost: fen(rounded.totalCost),
    patient_pay: fen(rounded.patientPay),
    base_revenue: fen(rounded.baseRevenue),
    deduction: fen(rounded.deduction),
    sharing: fen(rounded.sharing),
    incentive: fen(rounded.incentive),
    settlement: fen(rounded.settlement),
    fund_payment: fen(rounded.fundPayment),
    prepaid: fen(rounded.prepaid),
    clearing: fen(rounded.clearing),
    payment_cost_ratio: rows.paymentCostRatio[row]!,
  };
}

/** §7 `drgs`: DRGs with at least one grouped paid case, both pools added, ordered by drg_code. */
function drgRows(result: SettlementSummary): ContractDrgRow[] {
  const drgCount = result.drgCodes.length;
  const out: ContractDrgRow[] = [];
  const order = result.drgCodes.map((code, d) => ({ code, d })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const { code, d } of order) {
    let cases = 0;
    let points = 0;
    let revenue = 0;
    let totalCost = 0;
    for (let pool = 0; pool < POOLS.length; pool++) {
      const i = pool * drgCount + d;
      cases += result.drgs.cases[i]!;
      points += result.drgs.points[i]!;
      revenue += result.drgs.revenue[i]!;
      totalCost += result.drgs.totalCost[i]!;
    }
    if (cases === 0) continue;
    out.push({ drg_code: code, cases, points: roundPoints(points), revenue: yuanOf(fenOf(revenue)), total_cost: yuanOf(fenOf(totalCost)) });
  }
  return out;
}

/** The §7 result.json of a run: money rounded as in §4.5, points to 4 decimals, values unrounded. */
export function toContractResult(result: SettlementSummary): ContractResult {
  const pointsMethod = result.method === 'points';
  const out: ContractResult = { point_value: {}, monthly_point_value: {}, totals: {}, hospitals: [], drgs: drgRows(result) };
  const hospitalCount = result.hospitalCodes.length;
  for (const summary of result.pools) {
    const pool = summary.pool;
    if (pointsMethod) {
      out.point_value[pool] = summary.pointValue;
      out.monthly_point_value[pool] = Array.from(summary.monthlyPointValue);
    }
    out.totals[pool] = {
      budget: yuanOf(summary.budgetFen),
      reserve: yuanOf(summary.reserveFen),
      sharing: yuanOf(summary.sharingFen),
      incentive: yuanOf(summary.incentiveFen),
      returned: yuanOf(summary.returnedFen),
      settlement: yuanOf(summary.settlementFen),
    };
  }
  result.pools.forEach((summary, poolIndex) => {
    for (const h of result.hospitalOrder) {
      const row = poolIndex * hospitalCount + h;
      if (result.rows.hasCases[row] === 1) out.hospitals.push(hospitalRow(result, summary.pool, h, row));
    }
  });
  return out;
}
