/**
 * The money step of a round (SETTLEMENT.md §4): from a tally of points, counts and costs (kernel/tally.ts) to the
 * point values or rates, revenue, monthly pre-payments, clearing, sharing, incentive, the statements and the
 * rounded report. It reads the tally and never writes it but for the revenue of its DRGs and cells
 * (`priceTally`): a caller that settles one tally more than once gives each run its own (kernel/tallied.ts `moneyViewOf`).
 */
import { clearRow, sharingScaleOf } from './clearing';
import { distributeIncentive, evalCoefficientOf, evaluationScoreOf } from './incentive';
import { monthlyPointValues, prepayments } from './monthly';
import { isTotalBasis, pointValueOf, poolPointsAndPatientPay, priceTally, reserveOf, yuanPerPointOfRows } from './point-value';
import { MONTHS, type PreparedCases } from '../kernel/prepare';
import type { MonthResults, PoolResult, RoundedRows, RowResults, SettlementSummary } from '../result';
import type { ResolvedRound } from '../round';
import { fenOf } from './rounding';
import { fillStatements, roundPoolRows } from './statement';
import { cityAverageCost, type Tally } from '../kernel/tally';
import { POOLS, type DataTables, type Hospital } from '../types';

/** Hospital indices in hospital_code order (plain code-unit comparison: the same in every engine). */
export function hospitalOrderOf(hospitals: readonly Hospital[]): Int32Array {
  const order = hospitals.map((_, h) => h);
  order.sort((a, b) => {
    const x = hospitals[a]!.code;
    const y = hospitals[b]!.code;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  return Int32Array.from(order);
}

function fenToYuan(fen: Float64Array): Float64Array {
  return fen.map((value) => value / 100);
}

/** Row figures that follow from the tally alone: counts, points, costs in yuan, C on the round's basis. */
function rowResultsOf(tally: Tally, data: DataTables, round: ResolvedRound): RowResults {
  const count = tally.points.length;
  const patientPay = fenToYuan(tally.patientPayFen);
  const totalCost = fenToYuan(tally.totalCostFen);
  const totalBasis = isTotalBasis(round);
  const evalCoefficient = new Float64Array(count);
  POOLS.forEach((_, p) => {
    data.hospitals.forEach((hospital, h) => {
      evalCoefficient[p * data.hospitals.length + h] = evalCoefficientOf(evaluationScoreOf(hospital, round), round.eval_bands);
    });
  });
  const zeros = () => new Float64Array(count);
  return {
    hasCases: tally.hasCases,
    caseCounts: tally.caseCounts,
    points: tally.points,
    weightSum: tally.weightSum,
    cmi: tally.cmi,
    totalCost,
    patientPay,
    deduction: fenToYuan(tally.deductionFen),
    excludedCost: fenToYuan(tally.excludedCostFen),
    yuanPerPoint: zeros(),
    revenue: zeros(),
    baseRevenue: zeros(),
    surplusCapExcess: zeros(),
    // §4.3 step 2: C on the basis of the point value
    actualCost: totalBasis ? totalCost : totalCost.map((cost, row) => cost - patientPay[row]!),
    sharing: zeros(),
    evalCoefficient,
    incentive: zeros(),
    settlement: zeros(),
    fundPayment: zeros(),
    prepaid: zeros(),
    clearing: zeros(),
    paymentCostRatio: zeros(),
  };
}

/** Rows of pool p that are reported (at least one case), in hospital_code order. */
function poolRowsOf(rows: RowResults, order: Int32Array, p: number): Int32Array {
  const hospitalCount = order.length;
  return Int32Array.from(Array.from(order, (h) => p * hospitalCount + h).filter((row) => rows.hasCases[row] === 1));
}

function emptyPool(round: ResolvedRound, p: number, tally: Tally): PoolResult {
  const pool = POOLS[p]!;
  const reserve = reserveOf(round, pool);
  const budget = round.budget[pool];
  const { points, patientPay } = poolPointsAndPatientPay(tally, p);
  const distributable = round.method === 'points' ? budget - reserve : 0;
  const totalBasis = isTotalBasis(round);
  const pointsMethod = round.method === 'points';
  return {
    pool,
    budget,
    reserve,
    distributable,
    points,
    patientPay,
    cityAverageCost: cityAverageCost(tally, p),
    pointValue: pointsMethod ? pointValueOf(totalBasis, distributable, patientPay, points) : 0,
    monthlyPointValue: pointsMethod
      ? monthlyPointValues(tally, p, round.monthly_point_value[pool], distributable, totalBasis)
      : new Float64Array(MONTHS),
    sharingWanted: 0,
    sharingScale: 1,
    reserveLeft: 0,
    surplusCapExcess: 0,
    returned: 0,
    budgetFen: fenOf(budget),
    reserveFen: fenOf(reserve),
    sharingFen: 0,
    incentiveFen: 0,
    returnedFen: 0,
    settlementFen: 0,
    fundPaymentFen: 0,
    deductionFen: 0,
    prepaidFen: 0,
  };
}

/** §4.3 steps 1–5 for one pool: B and the surplus cap, sharing from the reserve, incentive from what is left. */
function clearPool(summary: PoolResult, poolRows: Int32Array, rows: RowResults, round: ResolvedRound): void {
  for (const row of poolRows) {
    const cleared = clearRow(rows.revenue[row]!, rows.deduction[row]!, rows.actualCost[row]!, round.surplus_cap, round.sharing_bands);
    rows.baseRevenue[row] = cleared.baseRevenue;
    rows.surplusCapExcess[row] = cleared.surplusCapExcess;
    rows.sharing[row] = cleared.sharingWanted;
    summary.sharingWanted += cleared.sharingWanted;
    summary.surplusCapExcess += cleared.surplusCapExcess;
  }
  summary.sharingScale = sharingScaleOf(summary.sharingWanted, summary.reserve);
  let shared = 0;
  for (const row of poolRows) {
    rows.sharing[row] = rows.sharing[row]! * summary.sharingScale;
    shared += rows.sharing[row]!;
  }
  summary.reserveLeft = summary.sharingScale < 1 ? 0 : Math.max(0, summary.reserve - shared);
  distributeIncentive(poolRows, rows.baseRevenue, rows.evalCoefficient, summary.reserveLeft, rows.incentive);
}

/** §4.5: rounded columns and the pool's totals; `returned` reconciles the budget in 点数法. */
function closePool(summary: PoolResult, poolRows: Int32Array, rows: RowResults, rounded: RoundedRows, round: ResolvedRound): void {
  const sums = roundPoolRows(poolRows, rows, rounded, isTotalBasis(round));
  summary.sharingFen = sums.sharing;
  summary.incentiveFen = sums.incentive;
  summary.settlementFen = sums.settlement;
  summary.fundPaymentFen = sums.fundPayment;
  summary.deductionFen = sums.deduction;
  summary.prepaidFen = sums.prepaid;
  let fundPayment = 0;
  let deduction = 0;
  let sharing = 0;
  let incentive = 0;
  for (const row of poolRows) {
    fundPayment += rows.fundPayment[row]!;
    deduction += rows.deduction[row]!;
    sharing += rows.sharing[row]!;
    incentive += rows.incentive[row]!;
  }
  if (round.method === 'points') {
    summary.returned = summary.budget - fundPayment - deduction;
    summary.returnedFen = summary.budgetFen - sums.fundPayment - sums.deduction;
  } else {
    summary.returned = summary.reserve - sharing - incentive + summary.surplusCapExcess;
    summary.returnedFen = summary.reserveFen - sums.sharing - sums.incentive + fenOf(summary.surplusCapExcess);
  }
}

function allocateMonths(rows: number): MonthResults {
  const size = rows * MONTHS;
  return { points: new Float64Array(size), patientPay: new Float64Array(size), yuanPerPoint: new Float64Array(size), fundShare: new Float64Array(size), prepaid: new Float64Array(size) };
}

function allocateRounded(rows: number): RoundedRows {
  const z = () => new Float64Array(rows);
  return { totalCost: z(), patientPay: z(), deduction: z(), baseRevenue: z(), sharing: z(), incentive: z(), prepaid: z(), settlement: z(), fundPayment: z(), clearing: z() };
}

/** Money of a tallied run: point values, revenue, pre-payments, clearing and the rounded report. */
export function settlePools(data: DataTables, cases: PreparedCases, round: ResolvedRound, tally: Tally, cells: boolean): SettlementSummary {
  const hospitalCount = data.hospitals.length;
  const totalBasis = isTotalBasis(round);
  const order = hospitalOrderOf(data.hospitals);
  const rows = rowResultsOf(tally, data, round);
  const pools = POOLS.map((_, p) => emptyPool(round, p, tally));
  rows.yuanPerPoint.set(yuanPerPointOfRows(round, data.hospitals, Float64Array.from(pools, (s) => s.pointValue)));
  priceTally(tally, cases.rowCellStart, cases.cellDrg, rows.yuanPerPoint, rows.revenue);
  const months = allocateMonths(rows.points.length);
  const monthPrice =
    round.method === 'points'
      ? (row: number, t: number) => pools[Math.floor(row / hospitalCount)]!.monthlyPointValue[t]!
      : (row: number) => rows.yuanPerPoint[row]!;
  rows.prepaid.set(prepayments(tally, monthPrice, totalBasis, round.prepay_ratio, months));
  const poolRows = pools.map((_, p) => poolRowsOf(rows, order, p));
  pools.forEach((summary, p) => clearPool(summary, poolRows[p]!, rows, round));
  fillStatements(rows, totalBasis);
  const rounded = allocateRounded(rows.points.length);
  pools.forEach((summary, p) => closePool(summary, poolRows[p]!, rows, rounded, round));
  return {
    method: round.method,
    basis: totalBasis ? 'total' : 'fund',
    hospitalCodes: data.hospitals.map((h) => h.code),
    drgCodes: data.catalog.map((d) => d.code),
    hospitalOrder: order,
    pools,
    rows,
    rounded,
    months,
    drgs: tally.drgs,
    hospitalDrgs: cells ? { ...tally.cells, start: cases.rowCellStart.slice(), drg: cases.cellDrg.slice() } : null,
  };
}

