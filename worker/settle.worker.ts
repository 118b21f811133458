/**
 * The settlement Web Worker: `load` decompresses and decodes a data set's prepared columns once (the page
 * hands over the gzip file as it came, and the server has prepared the cases: the worker only inflates and
 * decodes them, the page's thread neither); `settle` runs a round and
 * returns the typed-array result, transferred (not copied) back to the page. After a round settled in one
 * pass the worker keeps its classes when idle and prices the round on them once, so the first edit of it is
 * priced on them, and only in the rows it changes.
 */
import { expose, transfer } from 'comlink';
import { decodePreparedData } from './columns/decode';
import { gunzipColumns } from './columns/gunzip';
import { createPreparedEngine, parseRoundParams, transferables, type SettleTimings } from './settlement';
import type { SettlementSummary } from './settlement/result';
import type { RoundParams } from './settlement/round';
import type { Pool } from './settlement/types';
import { project, settleSubsets, solve, weightsByDrg, type AnalysisTables, type ProjectionInput } from './analysis';

/**
 * How long after a one-pass round the worker waits before it keeps the round's classes (≈ 100 ms of CPU, cold):
 * long enough for the page to draw the round first (on a 2-core machine, two workers warming up at once slowed
 * the page's first drawing of the results), short of a panel's first edit.
 */
const WARM_UP_DELAY_MS = 250;

/** When this worker's script began to run (ms since the epoch): the page compares it with when it started the worker. */
const scriptStartedAt = performance.timeOrigin + performance.now();

/** What a load took, for the page's measures (bench:ui prints them). */
export interface WorkerLoadTimings {
  /** when the worker's script began to run (ms since the epoch) */
  scriptStartedAt: number;
  gunzipMs: number;
  /** decoding the columns into the engine's arrays and starting the engine */
  decodeMs: number;
}

const state: { engine: ReturnType<typeof createPreparedEngine> | null; tables: AnalysisTables | null; idle: ReturnType<typeof setTimeout> | undefined; loads: number } = {
  engine: null,
  tables: null,
  idle: undefined,
  loads: 0,
};

/** Decodes the columns into an engine, the worker's unless a later load has started since `ticket`. */
function decodeInto(bytes: Uint8Array, ticket: number): { decodeMs: number } {
  const started = performance.now();
  const prepared = decodePreparedData(bytes);
  const engine = createPreparedEngine(prepared);
  // a later load (another data set) may have finished first: the newest one asked for stays
  if (ticket === state.loads) {
    state.engine = engine;
    state.tables = { hospitals: prepared.hospitals, catalog: prepared.catalog };
  }
  return { decodeMs: performance.now() - started };
}

const api = {
  /**
   * `gzipped`: the columns route's body (a gzip file of prepared columns: worker/columns/layout.ts). Hands back
   * a copy of the inflated columns too, for the page to give the other workers (`loadInflated`), so that the
   * file is inflated once however many rounds are compared.
   */
  async load(gzipped: ArrayBuffer): Promise<{ timings: WorkerLoadTimings; inflated: ArrayBuffer }> {
    const started = performance.now();
    const ticket = ++state.loads;
    const bytes = await gunzipColumns(gzipped);
    const inflated = performance.now();
    const timings = { scriptStartedAt, gunzipMs: inflated - started, ...decodeInto(bytes, ticket) };
    const copy = bytes.slice().buffer;
    return transfer({ timings, inflated: copy }, [copy]);
  },
  /** `inflated`: the columns another worker inflated (`load`). */
  loadInflated(inflated: ArrayBuffer): WorkerLoadTimings {
    return { scriptStartedAt, gunzipMs: 0, ...decodeInto(new Uint8Array(inflated), ++state.loads) };
  },
  /**
   * `cells`: whether the page wants the hospital × DRG cells too (it shows a hospital's DRGs). Without them an
   * edit hands the page ≈ 3 MB less at 1 M cases, and the engine tallies them into arrays it keeps: the garbage
   * collectors of the page and of the worker run less often.
   */
  settle(params: RoundParams, cells = true): SettlementSummary {
    const engine = loadedEngine().engine;
    const round = parsedRound(params);
    const timings: SettleTimings = { pass: 0, money: 0 };
    const result = engine.settle(round, timings, cells);
    // a round settled in one pass: while the worker is idle, keep its classes and price the round on them once,
    // so that the first edit that follows prices only the rows it changes, on code the JIT has compiled (in
    // Chromium the first edit took ≈ 95 ms without this, ≈ 15 ms with it)
    clearTimeout(state.idle);
    if (timings.classified === 'one pass') {
      state.idle = setTimeout(() => {
        if (engine.keepClasses(round)) engine.settle(round, undefined, false);
      }, WARM_UP_DELAY_MS);
    }
    return transfer(result, transferables(result));
  },
  /**
   * 变动归因: the values of the mixed rounds R_mask between `from` and `to` (ANALYSIS.md §A.3), the share of the
   * 32 settlements this worker was given (`splitMasks`); the page combines the shares of both workers.
   */
  settleSubsets(from: RoundParams, to: RoundParams, masks: number[]) {
    const { engine } = loadedEngine();
    const subsets = settleSubsets(engine, parsedRound(from), parsedRound(to), masks);
    return transfer(subsets, [...new Set(subsets.flatMap((s) => [s.settlement.buffer, s.fundPayment.buffer]))]);
  },
  /** One hospital's weights part, drilled down to its DRGs (the cells of every mixed round: a click, not an edit). */
  weightsByDrg(from: RoundParams, to: RoundParams, hospitalCode: string, pool: Pool) {
    const { engine, tables } = loadedEngine();
    return weightsByDrg(engine, tables, parsedRound(from), parsedRound(to), hospitalCode, pool);
  },
  /** 求解 (ANALYSIS.md §B) on this worker's data set. */
  solve(params: RoundParams, lever: string, target: string, value: number) {
    const { engine, tables } = loadedEngine();
    return solve(engine, tables, parsedRound(params), lever, target, value);
  },
  /** 下年度预测: next year from this year's cases, reweighted. */
  project(params: RoundParams, input: ProjectionInput) {
    const { engine, tables } = loadedEngine();
    return project(engine, tables, parsedRound(params), input);
  },
};

function loadedEngine(): { engine: NonNullable<typeof state.engine>; tables: AnalysisTables } {
  if (!state.engine || !state.tables) throw new Error('settle before load');
  return { engine: state.engine, tables: state.tables };
}

/** The round's parameters as the engine takes them; bad parameters throw their paths and reasons. */
function parsedRound(params: RoundParams): RoundParams {
  const parsed = parseRoundParams(params);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.reason}`).join('; '));
  return parsed.params;
}

export type SettleWorkerApi = typeof api;

expose(api);
