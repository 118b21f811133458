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
import { prepareCases, preparedBytes, type PreparedCases } from './prepare';
import { allocateDrgResults, allocateTally, finishTally, type Tally } from './tally';
import { buildDrgRules } from './classify';
import { hospitalCoefficient, pointRulesOf } from './points';
import { settlePools, type Tables } from './pool-settlement';
import type { DrgResults, SettlementResult, SettlementSummary } from './result';
import { resolveRound, type ResolvedRound, type RoundParams } from './round';
import { addUngroupedPointsOf, moneyRoundOf, moneyViewOf, tallyStateOf, talliedRoundOf, type TalliedRound } from './tallied';
import { POOLS, type SettlementData } from './types';

export type { SettlementResult, SettlementSummary } from './result';
export { toContractResult, transferables, type ContractResult } from './result';
export { parseRoundParams, resolveRound, type RoundParams } from './round';
export { hospitalOrderOf } from './pool-settlement';
export { MONEY_ONLY_KEYS, scaleTally, type TalliedRound } from './tallied';

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
  /** scratch for the cells' revenue of a money step on a tally whose result leaves the cells out */
  let cellRevenueScratch: Float64Array | null = null;
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
    tally(params: RoundParams): TalliedRound {
      const round = resolveRound(params);
      return talliedRoundOf(params, round, cases, passRound(round, undefined, true));
    },
    settleTally: settleTallied,
  };

  function settleTallied(tallied: TalliedRound, params: RoundParams): SettlementResult;
  function settleTallied(tallied: TalliedRound, params: RoundParams, cells: boolean): SettlementSummary;
  function settleTallied(tallied: TalliedRound, params: RoundParams, cells = true): SettlementSummary {
    const state = tallyStateOf(tallied, cases);
    const round = moneyRoundOf(state, params);
    const scratchRevenue = cells ? new Float64Array(0) : (cellRevenueScratch ??= new Float64Array(cases.cellDrg.length));
    return settlePools(tables, cases, round, moneyViewOf(state.tally, cells, scratchRevenue), cells);
  }

  function settleRound(params: RoundParams, timings?: SettleTimings): SettlementResult;
  function settleRound(params: RoundParams, timings: SettleTimings | undefined, cells: boolean): SettlementSummary;
  function settleRound(params: RoundParams, timings?: SettleTimings, cells = true): SettlementSummary {
    const started = timings ? performance.now() : 0;
    const round = resolveRound(params);
    const tally = passRound(round, timings, cells);
    addUngroupedPointsOf(round, tally);
    const passed = timings ? performance.now() : 0;
    const result = settlePools(tables, cases, round, tally, cells);
    if (timings) {
      timings.pass = passed - started;
      timings.money = performance.now() - passed;
    }
    return result;
  }

  /** The round's cases passed and tallied (`finishTally`), before the ungrouped points; sets the timings' way. */
  function passRound(round: ResolvedRound, timings: SettleTimings | undefined, cells: boolean): Tally {
    if (timings) timings.classify = 0;
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
    if (timings) {
      timings.classified = way;
      timings.rowsPriced = rowsPriced;
    }
    return tally;
  }
}

/** SETTLEMENT.md: one round's full-year settlement of `data`. `params` must have passed `parseRoundParams`. */
export function settle(data: SettlementData, params: RoundParams): SettlementResult {
  return createSettlementEngine(data).settle(params);
}
