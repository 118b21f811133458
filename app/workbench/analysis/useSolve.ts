'use client';
import { useCallback, useRef, useState } from 'react';
import type { SolveOutcome } from '@/worker/analysis/solve';
import type { RoundParams } from '@/worker/settlement/round';
import { toContractResult } from '@/worker/settlement/result';
import type { SettlementBridge } from '../engine/bridge';
import type { Settlement } from '../engine/useSettlement';

/** What was asked: the lever, the target, its value, and the round's parameters the solve started from. */
export interface SolveRequest {
  lever: string;
  target: string;
  value: number;
  from: RoundParams;
}

export interface SolveState {
  status: 'idle' | 'running' | 'done' | 'error';
  request: SolveRequest | null;
  outcome: SolveOutcome | null;
  /** the solved parameters settled (for the comparison with the baseline), when the solve succeeded */
  solved: Settlement | null;
  /** wall time of the solve in the worker, as the page saw it (ms) */
  ms: number | null;
  error: string | null;
}

const IDLE: SolveState = { status: 'idle', request: null, outcome: null, solved: null, ms: null, error: null };

/** A settlement the comparison can show: the solved parameters, settled once in the worker. */
function settledOnce(result: Awaited<ReturnType<SettlementBridge['settle']>>, ms: number): Settlement {
  return { result, contract: toContractResult(result), status: 'settled', ms, finishedAt: performance.now(), error: null, runs: 1, current: true, settleNow: () => undefined, worker: () => null };
}

/**
 * 求解 in the edited round's worker (it holds the data set): the solve, then its parameters settled for the
 * comparison. A newer request drops the answer of an older one.
 */
export function useSolve(worker: () => SettlementBridge | null): { state: SolveState; solve: (request: SolveRequest) => void; clear: () => void } {
  const [state, setState] = useState<SolveState>(IDLE);
  const asked = useRef(0);
  const solve = useCallback(
    (request: SolveRequest) => {
      const bridge = worker();
      if (!bridge) return;
      const id = ++asked.current;
      setState({ ...IDLE, status: 'running', request });
      void (async () => {
        try {
          const started = performance.now();
          const outcome = await bridge.solve(request.from, request.lever, request.target, request.value);
          const ms = performance.now() - started;
          performance.measure('solve', { start: started, duration: ms });
          const solved = outcome.ok ? settledOnce(await bridge.settle(outcome.params, false), ms) : null;
          if (asked.current === id) setState({ status: 'done', request, outcome, solved, ms, error: null });
        } catch (error) {
          if (asked.current === id) setState({ ...IDLE, status: 'error', request, error: error instanceof Error ? error.message : String(error) });
        }
      })();
    },
    [worker],
  );
  const clear = useCallback(() => {
    asked.current++;
    setState(IDLE);
  }, []);
  return { state, solve, clear };
}
