'use client';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RoundParams } from '@/worker/settlement/round';
import { toContractResult, type ContractResult, type SettlementSummary } from '@/worker/settlement/result';
import { SettlementBridge } from './bridge';

export type SettleStatus = 'idle' | 'loading' | 'settling' | 'settled' | 'error';

export interface Settlement {
  /** the engine's result (typed arrays: rows, months …; the hospital × DRG cells only when asked for) */
  result: SettlementSummary | null;
  /** the same as the §7 result (rounded report figures) */
  contract: ContractResult | null;
  status: SettleStatus;
  /** wall time of the last run in the worker, as the UI saw it (ms) */
  ms: number | null;
  /** when the last run finished (performance.now()): the status shows the newest run's time */
  finishedAt: number | null;
  error: string | null;
  /** runs finished so far (a test or benchmark waits for this to grow) */
  runs: number;
  /** whether the result is of the params last asked for, with the cells if asked for (false while their rerun is under way or waits) */
  current: boolean;
  /**
   * Settles `params` now, ahead of the render that passes them in: an edit's handler calls it before it sets the
   * new params as state, so the worker runs while React renders the edit. The render that follows with the same
   * params object asks for nothing more.
   */
  settleNow: (params: RoundParams) => void;
  /** the worker holding the data set (null before the first render's effects): the analyses run in it too */
  worker: () => SettlementBridge | null;
}

type SettlementState = Omit<Settlement, 'current' | 'settleNow' | 'worker'> & {
  /** the params the result is of */
  of: RoundParams | null;
};

interface Request {
  params: RoundParams;
  cells: boolean;
}

/** A request made to a bridge, for a data set's columns: the same again asks for nothing. */
interface Asked extends Request {
  bridge: SettlementBridge;
  columnsKey: string;
}

/** The time (ms) of the run that finished last among these settlements; null before any has finished. */
export function newestRunMs(settlements: readonly Pick<Settlement, 'ms' | 'finishedAt'>[]): number | null {
  let newest: Pick<Settlement, 'ms' | 'finishedAt'> | null = null;
  for (const s of settlements) if (s.finishedAt !== null && (newest === null || s.finishedAt > newest.finishedAt!)) newest = s;
  return newest?.ms ?? null;
}

/**
 * Settles `params` on the data set in a worker of its own, again whenever they change. Runs never overlap:
 * while one runs, only the newest params wait, so fast edits never queue stale work or block the UI thread.
 * `cells`: whether the result should carry the hospital × DRG cells (a hospital's page shows them); turned on,
 * the round settles again to fetch them. `eager`: a round will come (the baseline, the edited round): the worker
 * starts at once and takes the columns as soon as they arrive, before the round's params do.
 */
export function useSettlement(columnsKey: string | null, columns: ArrayBuffer | null, params: RoundParams | null, cells = false, eager = false): Settlement {
  const bridge = useRef<SettlementBridge | null>(null);
  /** the worker a drain of requests runs on (null: none runs) */
  const running = useRef<SettlementBridge | null>(null);
  const pending = useRef<Request | null>(null);
  const [state, setState] = useState<SettlementState>({ result: null, contract: null, status: 'idle', ms: null, finishedAt: null, error: null, runs: 0, of: null });

  useEffect(() => {
    bridge.current = new SettlementBridge();
    return () => bridge.current?.terminate();
  }, []);

  const wanted = params !== null || eager;
  useEffect(() => {
    if (wanted) bridge.current?.warm();
  }, [wanted]);
  // eager: the columns go into the worker as soon as they are here, while the round's params may still be on
  // their way (a settlement awaits the same load; its error, if any, is reported there)
  useEffect(() => {
    if (eager && columnsKey && columns) bridge.current?.load(columnsKey, columns).catch(() => undefined);
  }, [eager, columnsKey, columns]);

  // what a request outside a render (settleNow) settles with: the newest render's columns and cells
  const latest = useRef({ columnsKey, columns, cells });
  useLayoutEffect(() => {
    latest.current = { columnsKey, columns, cells };
  });
  const asked = useRef<Asked | null>(null);

  const request = useCallback((params: RoundParams, cells: boolean) => {
    const { columnsKey, columns } = latest.current;
    const b = bridge.current;
    if (!columns || !columnsKey || !b) return;
    const last = asked.current;
    if (last && last.params === params && last.cells === cells && last.bridge === b && last.columnsKey === columnsKey) return;
    asked.current = { params, cells, bridge: b, columnsKey };
    const loading = b.load(columnsKey, columns);
    pending.current = { params, cells };
    // a drain on this worker takes the newest request; one on a worker since terminated and replaced (React runs
    // a component's effects twice in development, and a cached data set's columns are there at once) is left
    // to end on its own: a terminated worker may never answer
    if (running.current === b) return;
    running.current = b;
    setState((s) => ({ ...s, status: s.result ? 'settling' : 'loading' }));
    const drain = async () => {
      try {
        await loading;
        while (pending.current && bridge.current === b) {
          const next = pending.current;
          pending.current = null;
          setState((s) => ({ ...s, status: 'settling' }));
          const started = performance.now();
          const result = await b.settle(next.params, next.cells);
          const ms = performance.now() - started;
          // the UI benchmark reads these to split an edit into worker time and drawing time
          performance.measure('settle:worker', { start: started, duration: ms });
          if (!pending.current && bridge.current === b) setState((s) => ({ result, contract: toContractResult(result), status: 'settled', ms, finishedAt: started + ms, error: null, runs: s.runs + 1, of: next.params }));
        }
      } catch (error) {
        if (bridge.current === b) setState((s) => ({ ...s, status: 'error', error: error instanceof Error ? error.message : String(error) }));
      } finally {
        if (running.current === b) running.current = null;
      }
    };
    void drain();
  }, []);

  useEffect(() => {
    if (params) request(params, cells);
  }, [columnsKey, columns, params, cells, request]);

  const settleNow = useCallback((params: RoundParams) => request(params, latest.current.cells), [request]);
  const worker = useCallback(() => bridge.current, []);

  const { of, ...settlement } = state;
  const withCells = !cells || (settlement.result !== null && settlement.result.hospitalDrgs !== null);
  return { ...settlement, current: of !== null && of === params && withCells, settleNow, worker };
}
