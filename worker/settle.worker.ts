/**
 * The settlement Web Worker: `load` decodes a data set's binary columns once; `settle` runs a round and
 * returns the typed-array result, transferred (not copied) back to the page. After a round settled in one
 * pass the worker keeps its classes when idle and prices the round on them once, so the first edit of it is
 * priced on them, and only in the rows it changes.
 */
import { expose, transfer } from 'comlink';
import { decodeSettlementData } from './columns/decode';
import { createSettlementEngine, parseRoundParams, transferables, type SettleTimings } from './settlement';
import type { SettlementSummary } from './settlement/result';
import type { RoundParams } from './settlement/round';

/**
 * How long after a one-pass round the worker waits before it keeps the round's classes (≈ 100 ms of CPU, cold):
 * long enough for the page to draw the round first (on a 2-core machine, two workers warming up at once slowed
 * the page's first drawing of the results), short of a panel's first edit.
 */
const WARM_UP_DELAY_MS = 250;

const state: { engine: ReturnType<typeof createSettlementEngine> | null; idle: ReturnType<typeof setTimeout> | undefined } = { engine: null, idle: undefined };

const api = {
  load(buffer: ArrayBuffer): void {
    state.engine = createSettlementEngine(decodeSettlementData(new Uint8Array(buffer)));
  },
  /**
   * `cells`: whether the page wants the hospital × DRG cells too (it shows a hospital's DRGs). Without them an
   * edit hands the page ≈ 3 MB less at 1 M cases, and the engine tallies them into arrays it keeps: the garbage
   * collectors of the page and of the worker run less often.
   */
  settle(params: RoundParams, cells = true): SettlementSummary {
    if (!state.engine) throw new Error('settle before load');
    const parsed = parseRoundParams(params);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.reason}`).join('; '));
    const engine = state.engine;
    const timings: SettleTimings = { pass: 0, money: 0 };
    const result = engine.settle(parsed.params, timings, cells);
    // a round settled in one pass: while the worker is idle, keep its classes and price the round on them once,
    // so that the first edit that follows prices only the rows it changes, on code the JIT has compiled (in
    // Chromium the first edit took ≈ 95 ms without this, ≈ 15 ms with it)
    clearTimeout(state.idle);
    if (timings.classified === 'one pass') {
      state.idle = setTimeout(() => {
        if (engine.keepClasses(parsed.params)) engine.settle(parsed.params, undefined, false);
      }, WARM_UP_DELAY_MS);
    }
    return transfer(result, transferables(result));
  },
};

export type SettleWorkerApi = typeof api;

expose(api);
