/**
 * The settlement engine (SETTLEMENT.md): one round's full-year settlement of a data set. Read its folders in
 * this order (docs/engine.md):
 *
 *   rules/   a case's class (§2) and points (§3), each formula once: what a DRG round is
 *   kernel/  the cases prepared once per data set, passed per round into a tally of points, counts and costs
 *            by hospital × pool, month, DRG and cell — one pass, or priced on classes kept from earlier rounds
 *   money/   from a tally to money (§4): point values or rates, monthly pre-payments, clearing, sharing,
 *            incentive, statements and the §4.5 rounding
 *
 * This file composes them: `settle` = pass + money step; `tally` and `settleTally` are the two halves, for
 * work that settles one tally many times (solve, decomposition, projection). Pure: no DOM, no Node module, no
 * I/O. The CLI, the server, the tests and the Web Worker all call this.
 */
import { createRoundPasser, type PassReport, type PassWay } from './kernel/round-passer';
import { prepareCases, preparedBytes, type PreparedCases } from './kernel/prepare';
import { addUngroupedPointsOf, moneyViewOf, tallyStateOf, talliedRoundOf, type TalliedRound } from './kernel/tallied';
import { moneyRoundOf } from './money/money-keys';
import { settlePools } from './money/pool-settlement';
import type { SettlementResult, SettlementSummary } from './result';
import { resolveRound, type RoundParams } from './round';
import type { DataTables, SettlementData } from './types';

export type { SettlementResult, SettlementSummary } from './result';
export { toContractResult, transferables, type ContractResult } from './result';
export { parseRoundParams, resolveRound, type RoundParams } from './round';
export { hospitalOrderOf } from './money/pool-settlement';
export { hospitalCoefficient } from './rules/points';
export { MONEY_ONLY_KEYS } from './money/money-keys';
export { scaleTally } from './kernel/scale-tally';
export type { TalliedRound } from './kernel/tallied';

/**
 * A data set as the engine keeps it: its tables and its prepared cases (kernel/prepare.ts). The server
 * prepares a data set once per version and sends it so (worker/columns): a browser worker only decodes it.
 */
export interface PreparedData extends DataTables {
  cases: PreparedCases;
}

/** Prepares `data` for an engine (a copy: `data` is left as it is). */
export function prepareData(data: SettlementData): PreparedData {
  return { hospitals: data.hospitals, catalog: data.catalog, cases: prepareCases(data) };
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
  classified?: PassWay;
  /**
   * rows (hospital × pool with cases) priced on the kept classes: all of them, or in a round whose DRG and
   * points rules are the last one's, those whose hospital coefficient changed (0 in other ways)
   */
  rowsPriced?: number;
}

/**
 * Settles one data set round after round: the cases are grouped once (kernel/prepare.ts, a copy — `data` is
 * left as it is and may be dropped by the caller). A round is priced on kept classes when its DRG kinds, cost
 * thresholds and LOS limits are theirs (a coefficient, weight within its band, rate, budget or money-rule
 * edit); of those, a round that changes hospital coefficients and nothing else its points read prices only
 * those hospitals again. A round with other classes is settled in one pass; when the next round has the same
 * classes again, they are classified and kept. A round whose LOS limits exclude core cases is passed case by
 * case. Every way gives the same result, bit for bit (kernel/round-passer.ts).
 */
export interface SettlementEngine {
  readonly caseCount: number;
  /** memory the engine keeps for the data set: the prepared cases' typed arrays, in bytes */
  readonly preparedBytes: number;
  /** memory of the kept classification (kernel/classified-cells.ts), in bytes: 0 until a round used one */
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
  /**
   * The pass alone (classes kept as `settle` keeps them): the round's cases classified, pointed and tallied,
   * for `settleTally` to run the money step on, once or many times (a solve, a decomposition, a projection).
   */
  tally(params: RoundParams): TalliedRound;
  /**
   * The money step alone on a tally: point values, monthly, clearing, incentive, statements, rounding.
   * `params` may differ from the tallied round's only in MONEY_ONLY_KEYS; throws otherwise (and for a tally
   * of another engine). The tally is left as it is: the same tally and params give `settle`'s result, bit for
   * bit, every time.
   */
  settleTally(tallied: TalliedRound, params: RoundParams): SettlementResult;
  settleTally(tallied: TalliedRound, params: RoundParams, cells: boolean): SettlementSummary;
}

export interface EngineOptions {
  /**
   * Settle every round case by case (kernel/pass.ts's general path), never on kept classes nor by the cost
   * runs of a cell: the reference the other ways must equal bit for bit, for tests. Slower.
   */
  caseByCase?: boolean;
}

export function createSettlementEngine(data: SettlementData, options: EngineOptions = {}): SettlementEngine {
  return createPreparedEngine(prepareData(data), options);
}

/** The engine of a data set prepared already (`prepareData`, or decoded from the server's prepared columns). */
export function createPreparedEngine(prepared: PreparedData, options: EngineOptions = {}): SettlementEngine {
  const tables: DataTables = { hospitals: prepared.hospitals, catalog: prepared.catalog };
  const { cases } = prepared;
  const passer = createRoundPasser(tables, cases, options.caseByCase === true);
  /** scratch for the cells' revenue of a money step on a tally whose result leaves the cells out */
  let cellRevenueScratch: Float64Array | null = null;
  return {
    caseCount: cases.count,
    preparedBytes: preparedBytes(cases),
    get classificationBytes() {
      return passer.classificationBytes;
    },
    keepClasses: (params: RoundParams) => passer.keepClasses(resolveRound(params)),
    settle: settleRound,
    tally(params: RoundParams): TalliedRound {
      const round = resolveRound(params);
      return talliedRoundOf(params, round, cases, passer.pass(round, true));
    },
    settleTally: settleTallied,
  };

  function settleRound(params: RoundParams, timings?: SettleTimings): SettlementResult;
  function settleRound(params: RoundParams, timings: SettleTimings | undefined, cells: boolean): SettlementSummary;
  function settleRound(params: RoundParams, timings?: SettleTimings, cells = true): SettlementSummary {
    const started = timings ? performance.now() : 0;
    const round = resolveRound(params);
    const report: PassReport | undefined = timings ? { way: 'case by case', rowsPriced: 0, classifyMs: 0 } : undefined;
    const tally = passer.pass(round, cells, report);
    addUngroupedPointsOf(round, tally);
    const passed = timings ? performance.now() : 0;
    const result = settlePools(tables, cases, round, tally, cells);
    if (timings && report) {
      timings.pass = passed - started;
      timings.money = performance.now() - passed;
      timings.classify = report.classifyMs;
      timings.classified = report.way;
      timings.rowsPriced = report.rowsPriced;
    }
    return result;
  }

  function settleTallied(tallied: TalliedRound, params: RoundParams): SettlementResult;
  function settleTallied(tallied: TalliedRound, params: RoundParams, cells: boolean): SettlementSummary;
  function settleTallied(tallied: TalliedRound, params: RoundParams, cells = true): SettlementSummary {
    const state = tallyStateOf(tallied, cases);
    const round = moneyRoundOf(state, params);
    const cellRevenue = cells ? new Float64Array(0) : (cellRevenueScratch ??= new Float64Array(cases.cellDrg.length));
    return settlePools(tables, cases, round, moneyViewOf(state.tally, cells, cellRevenue), cells);
  }
}

/** SETTLEMENT.md: one round's full-year settlement of `data`. `params` must have passed `parseRoundParams`. */
export function settle(data: SettlementData, params: RoundParams): SettlementResult {
  return createSettlementEngine(data).settle(params);
}
