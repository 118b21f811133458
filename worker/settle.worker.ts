/**
 * The settlement Web Worker: `load` decodes a data set's binary columns once; `settle` runs a round and
 * returns the typed-array result, transferred (not copied) back to the page.
 */
import { expose, transfer } from 'comlink';
import { decodeSettlementData } from './columns/decode';
import { createSettlementEngine, parseRoundParams, transferables, type SettlementResult } from './settlement';
import type { RoundParams } from './settlement/round';

const state: { engine: ReturnType<typeof createSettlementEngine> | null } = { engine: null };

const api = {
  load(buffer: ArrayBuffer): void {
    state.engine = createSettlementEngine(decodeSettlementData(new Uint8Array(buffer)));
  },
  settle(params: RoundParams): SettlementResult {
    if (!state.engine) throw new Error('settle before load');
    const parsed = parseRoundParams(params);
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.reason}`).join('; '));
    const result = state.engine.settle(parsed.params);
    return transfer(result, transferables(result));
  },
};

export type SettleWorkerApi = typeof api;

expose(api);
