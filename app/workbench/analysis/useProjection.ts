'use client';
import { useEffect, useRef, useState } from 'react';
import type { Projection, ProjectionInput } from '@/worker/analysis/projection';
import type { RoundParams } from '@/worker/settlement/round';
import type { SettlementBridge } from '../engine/bridge';

export interface ProjectionState {
  projection: Projection | null;
  /** whether `projection` is of the inputs and round shown now */
  current: boolean;
  status: 'idle' | 'running' | 'done' | 'error';
  ms: number | null;
  error: string | null;
}

/**
 * 下年度预测 in the edited round's worker, again on each change of the inputs or of the round: runs never overlap,
 * and while one runs only the newest inputs wait (typing does not queue stale work). The last projection stays
 * on screen until the next is ready.
 */
export function useProjection(worker: () => SettlementBridge | null, params: RoundParams | null, input: ProjectionInput | null): ProjectionState {
  const [state, setState] = useState<ProjectionState>({ projection: null, current: false, status: 'idle', ms: null, error: null });
  const pending = useRef<{ params: RoundParams; input: ProjectionInput } | null>(null);
  const running = useRef(false);

  useEffect(() => {
    if (!params || !input) return;
    pending.current = { params, input };
    setState((s) => ({ ...s, current: false }));
    if (running.current) return;
    const bridge = worker();
    if (!bridge) return;
    running.current = true;
    setState((s) => ({ ...s, status: 'running' }));
    void (async () => {
      try {
        while (pending.current) {
          const next = pending.current;
          pending.current = null;
          const started = performance.now();
          const projection = await bridge.project(next.params, next.input);
          const ms = performance.now() - started;
          performance.measure('projection', { start: started, duration: ms });
          if (!pending.current) setState({ projection, current: true, status: 'done', ms, error: null });
        }
      } catch (error) {
        setState((s) => ({ ...s, status: 'error', error: error instanceof Error ? error.message : String(error) }));
      } finally {
        running.current = false;
      }
    })();
  }, [worker, params, input]);

  return state;
}
