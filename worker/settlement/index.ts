/**
 * The settlement engine (SETTLEMENT.md): one round's full-year settlement of a data set.
 *
 *   cases grouped once per data set (prepare.ts)
 *   resolve the round → per-DRG and per-hospital rules → the cases' classes (§2), kept from the previous round
 *   while its DRG kinds, thresholds and LOS limits still apply, and their points (classified.ts; or one
 *   case-by-case pass, pass.ts, when the LOS limits cut into the usual stays)
 *   → points and counts by hospital, DRG and month (tally.ts) → point value or rate (point-value.ts)
 *   → monthly pre-payments (monthly.ts) → clearing, sharing, incentive (clearing.ts, incentive.ts)
 *   → statements and rounding (statement.ts) → typed-array results (result.ts)
 *
 * Pure: no DOM, no Node module, no I/O. The CLI, the server, the tests and the Web Worker all call this.
 */
import { allocatePriceScratch, classesKeyOf, classifies, classifyCells, keyMatches, priceClassified, type Classification, type ClassesKey } from './classified';
import { coreFits, passCases, type PassRules } from './pass';
import { MONTHS, prepareCases, preparedBytes, type PreparedCases } from './prepare';
import { addUngroupedPoints, allocateDrgResults, allocateTally, cityAverageCost, finishTally, type Tally } from './tally';
import { buildDrgRules } from './classify';
import { clearRow, sharingScaleOf } from './clearing';
import { distributeIncentive, evalCoefficientOf, evaluationScoreOf } from './incentive';
import { monthlyPointValues, prepayments } from './monthly';
import { isTotalBasis, pointValueOf, poolPointsAndPatientPay, priceTally, reserveOf, yuanPerPointOfRows } from './point-value';
import { hospitalCoefficient, pointRulesOf, ungroupedPointsPerYuan } from './points';
import type { DrgResults, MonthResults, PoolResult, RoundedRows, RowResults, SettlementResult, SettlementSummary } from './result';
import { resolveRound, type ResolvedRound, type RoundParams } from './round';
import { fenOf } from './rounding';
import { fillStatements, roundPoolRows } from './statement';
import { POOLS, type Hospital, type SettlementData } from './types';

export type { SettlementResult } from './result';
export { toContractResult, transferables, type ContractResult } from './result';
export { parseRoundParams, resolveRound, type RoundParams } from './round';

/** The small tables of a data set: all the engine keeps of it besides the prepared cases. */
type Tables = Pick<SettlementData, 'hospitals' | 'catalog'>;

/**
 * A data set as the engine keeps it: its tables and its prepared cases (prepare.ts). The server prepares a data
 * set once per version and sends it so (worker/columns): a browser worker only decodes it.
 */
export interface PreparedData extends Tables {
  cases: PreparedCases;
}

/** Prepares `data` for an engine (a copy: `data` is left as it is). */
export function prepareData(data: SettlementData): PreparedData {
  return { hospitals: data.hospitals, catalog: data.catalog, cases: prepareCases(data) };
}

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

function passRulesOf(data: Tables, round: ResolvedRound): PassRules {
  return {
    drgs: buildDrgRules(data.catalog, round),
    points: pointRulesOf(round),
    hospitalCoefficients: Float64Array.from(data.hospitals, (hospital) => hospitalCoefficient(hospital, round)),
    uniformCoefficient: round.uniform_coefficient,
    excludeLosMax: round.exclude_los_max,
    excludeLosMin: round.exclude_los_min,
  };
}

function fenToYuan(fen: Float64Array): Float64Array {
  return fen.map((value) => value / 100);
}

/** Row figures that follow from the tally alone: counts, points, costs in yuan, C on the round's basis. */
function rowResultsOf(tally: Tally, data: Tables, round: ResolvedRound): RowResults {
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
function settleTally(data: Tables, cases: PreparedCases, round: ResolvedRound, tally: Tally, cells: boolean): SettlementSummary {
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

/** Time spent in each stage of the last run (ms), for the bench and the UI. */
export interface SettleTimings {
  pass: number;
  money: number;
  /** of `pass`: classifying the cases to keep their classes (0 in other rounds) */
  classify?: number;
  /**
   * how the round was passed: priced on the kept classes ('reused'); classified and its classes kept, as the
   * second round in a row with them ('new'); in one pass, classes not kept ('one pass'); every case read and
   * classified, its LOS limits cutting into the usual stays or `caseByCase` set ('case by case')
   */
  classified?: 'reused' | 'new' | 'one pass' | 'case by case';
  /**
   * rows (hospital × pool with cases) priced on the kept classes: all of them, or in a round whose DRG and
   * points rules are the last one's, those whose hospital coefficient changed (0 in other ways)
   */
  rowsPriced?: number;
}

/**
 * Settles one data set round after round: the cases are grouped once (prepare.ts, a copy — `data` is left as
 * it is and may be dropped by the caller). A round is priced on kept classes when its DRG kinds, cost
 * thresholds and LOS limits are theirs (a coefficient, weight within its band, rate, budget or money-rule
 * edit: classified.ts); of those, a round that changes hospital coefficients and nothing else its points read
 * prices only those hospitals again. A round with other classes is settled in one pass (pass.ts); when the next round has
 * the same classes again, they are classified and kept. A round whose LOS limits exclude core cases is passed
 * case by case. Every way gives the same result, bit for bit.
 */
export interface SettlementEngine {
  readonly caseCount: number;
  /** memory the engine keeps for the data set: the prepared cases' typed arrays, in bytes */
  readonly preparedBytes: number;
  /** memory of the kept classification (classified.ts), in bytes: 0 until a round used one */
  readonly classificationBytes: number;
  settle(params: RoundParams, timings?: SettleTimings): SettlementResult;
  /**
   * `cells` false: the result leaves out the hospital × DRG cells (hospitalDrgs null), and the engine tallies
   * them into arrays it keeps instead of ≈ 2.5 MB of new ones at 1 M cases (a page's rerun does not show them:
   * fewer garbage collections in the worker, each ≈ 10 ms on the rerun's way). Otherwise the same result.
   */
  settle(params: RoundParams, timings: SettleTimings | undefined, cells: boolean): SettlementSummary;
  /**
   * Classifies and keeps the classes of a round with these params now, so that the next round with them is
   * priced on them (a worker calls this when idle after settling a round in one pass: the first edit then
   * need not classify). Returns false, doing nothing, when they are kept already or the round is passed case
   * by case.
   */
  keepClasses(params: RoundParams): boolean;
}

export interface EngineOptions {
  /**
   * Settle every round case by case (pass.ts's general path), never on kept classes (classified.ts) nor by
   * the cost runs of a cell: the reference the other ways must equal bit for bit, for tests. Slower.
   */
  caseByCase?: boolean;
}

export function createSettlementEngine(data: SettlementData, options: EngineOptions = {}): SettlementEngine {
  return createPreparedEngine(prepareData(data), options);
}

/** The engine of a data set prepared already (`prepareData`, or decoded from the server's prepared columns). */
export function createPreparedEngine(prepared: PreparedData, options: EngineOptions = {}): SettlementEngine {
  const tables: Tables = { hospitals: prepared.hospitals, catalog: prepared.catalog };
  const { cases } = prepared;
  const scratch = allocatePriceScratch(cases);
  /** the kept classes (classified.ts), and the key of the last round passed in one pass without them */
  let classification: Classification | null = null;
  let onePassKey: ClassesKey | null = null;
  /** whether the one pass wrote the scratch's normal points since the kept classes last priced a round */
  let scratchUsed = false;
  /** the hospital × DRG cells of rounds settled without them in their result (allocated at the first) */
  let keptCells: DrgResults | null = null;
  return {
    caseCount: cases.count,
    preparedBytes: preparedBytes(cases),
    get classificationBytes() {
      return classification?.bytes ?? 0;
    },
    keepClasses(params: RoundParams): boolean {
      const rules = passRulesOf(tables, resolveRound(params));
      if (options.caseByCase || !coreFits(rules) || classifies(classification, rules)) return false;
      classification = classifyCells(cases, rules, classification);
      scratchUsed = true; // the scratch's points are not this classification's
      return true;
    },
    settle: settleRound,
  };

  function settleRound(params: RoundParams, timings?: SettleTimings): SettlementResult;
  function settleRound(params: RoundParams, timings: SettleTimings | undefined, cells: boolean): SettlementSummary;
  function settleRound(params: RoundParams, timings?: SettleTimings, cells = true): SettlementSummary {
    const started = timings ? performance.now() : 0;
    if (timings) timings.classify = 0;
    const round = resolveRound(params);
    const rules = passRulesOf(tables, round);
    // without cells in the result, they are tallied into the kept ones
    const tally = allocateTally(cases, POOLS.length, cells ? undefined : (keptCells ??= allocateDrgResults(cases.cellDrg.length)));
    let way: NonNullable<SettleTimings['classified']> = 'case by case';
    let rowsPriced = 0;
    if (options.caseByCase || !coreFits(rules)) {
      passCases(cases, rules, tally, scratch, options.caseByCase);
      scratchUsed = true;
    } else if (classifies(classification, rules)) {
      way = 'reused';
      rowsPriced = priceClassified(cases, rules, classification, tally, scratch, scratchUsed);
      scratchUsed = false;
    } else if (keyMatches(onePassKey, rules)) {
      // the second round in a row with these classes: keep them for the rounds to come
      way = 'new';
      const classifying = timings ? performance.now() : 0;
      classification = classifyCells(cases, rules, classification);
      if (timings) timings.classify = performance.now() - classifying;
      rowsPriced = priceClassified(cases, rules, classification, tally, scratch, true);
      scratchUsed = false;
    } else {
      // a round with new classes may be the only one with them: one pass, and its key remembered
      way = 'one pass';
      passCases(cases, rules, tally, scratch);
      onePassKey = classesKeyOf(rules, onePassKey);
      scratchUsed = true;
    }
    finishTally(tally);
    const pointsPerYuan = Float64Array.from(POOLS, (_, p) => ungroupedPointsPerYuan(round, cityAverageCost(tally, p)));
    addUngroupedPoints(tally, pointsPerYuan);
    const passed = timings ? performance.now() : 0;
    const result = settleTally(tables, cases, round, tally, cells);
    if (timings) {
      timings.pass = passed - started;
      timings.money = performance.now() - passed;
      timings.classified = way;
      timings.rowsPriced = rowsPriced;
    }
    return result;
  }
}

/** SETTLEMENT.md: one round's full-year settlement of `data`. `params` must have passed `parseRoundParams`. */
export function settle(data: SettlementData, params: RoundParams): SettlementResult {
  return createSettlementEngine(data).settle(params);
}
