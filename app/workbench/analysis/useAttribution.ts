'use client';
import { useEffect, useRef, useState } from 'react';
import { combineDecomposition, splitMasks, type Decomposition } from '@/worker/analysis/decompose';
import { changedFamilies } from '@/worker/analysis/families';
import { parseRoundParams, type RoundParams } from '@/worker/settlement/round';
import type { Settlement } from '../engine/useSettlement';
import type { HospitalInfo } from '../compare/impact';
import { engineHospitals } from './engine-tables';

/** How long the rounds must stay unchanged before the 32 settlements run (an edit in progress waits). */
export const ATTRIBUTION_DEBOUNCE_MS = 250;

export interface AttributionState {
  /** the newest finished decomposition: kept on screen while the next one runs */
  decomposition: Decomposition | null;
  /** whether `decomposition` is of the rounds shown now (false while the next one waits or runs) */
  current: boolean;
  status: 'waiting' | 'computing' | 'done' | 'error';
  /** settlements of the run (the mixed rounds, the two rounds' own included) */
  settlements: number;
  /** workers done of those asked, while computing */
  progress: { done: number; total: number };
  /** wall time of the last run, from asking the workers until combined (ms) */
  ms: number | null;
  error: string | null;
}

const INITIAL: AttributionState = { decomposition: null, current: false, status: 'waiting', settlements: 0, progress: { done: 0, total: 0 }, ms: null, error: null };

function parsed(params: RoundParams): RoundParams {
  const result = parseRoundParams(params);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.reason}`).join('; '));
  return result.params;
}

/**
 * 变动归因 of the baseline → the edited round (its unsaved edits included), recomputed when either changes:
 * once both rounds have settled and stayed unchanged for a moment, the mixed rounds are shared between the two
 * rounds' workers (each holds the data set already), and the page combines their values with the two results it
 * has. The previous decomposition stays until the next one is ready.
 */
export function useAttribution(
  base: Settlement,
  edited: Settlement,
  from: RoundParams | null,
  to: RoundParams | null,
  hospitals: readonly HospitalInfo[],
): AttributionState {
  const [state, setState] = useState<AttributionState>(INITIAL);
  const run = useRef(0);
  const ready = base.current && edited.current && base.result !== null && edited.result !== null && from !== null && to !== null && hospitals.length > 0;
  const fromResult = base.result;
  const toResult = edited.result;
  const { worker: baseWorker } = base;
  const { worker: editedWorker } = edited;

  useEffect(() => {
    const id = ++run.current;
    setState((s) => ({ ...s, current: false, status: s.status === 'error' ? 'error' : 'waiting' }));
    if (!ready || !fromResult || !toResult || !from || !to) return;
    const timer = setTimeout(() => {
      const workers = [baseWorker(), editedWorker()];
      if (workers.some((w) => w === null)) return;
      const started = performance.now();
      void (async () => {
        try {
          const fromParams = parsed(from);
          const toParams = parsed(to);
          const changed = changedFamilies(fromParams, toParams);
          const shares = splitMasks(workers.length, changed).map((masks, i) => ({ masks, worker: workers[i]! })).filter((s) => s.masks.length > 0);
          const settlements = (1 << bitCount(changed));
          setState((s) => ({ ...s, status: 'computing', settlements, progress: { done: 0, total: shares.length } }));
          const values = await Promise.all(
            shares.map(async ({ masks, worker }) => {
              const subsets = await worker.settleSubsets(fromParams, toParams, masks);
              if (run.current === id) setState((s) => ({ ...s, progress: { done: s.progress.done + 1, total: s.progress.total } }));
              return subsets;
            }),
          );
          if (run.current !== id) return;
          const decomposition = combineDecomposition(fromResult, toResult, values.flat(), engineHospitals(hospitals, toResult.hospitalCodes), changed);
          const ms = performance.now() - started;
          // bench:ui reads it: the 32 settlements in the two workers and their combination, as the page sees it
          performance.measure('attribution', { start: started, duration: ms });
          setState({ decomposition, current: true, status: 'done', settlements, progress: { done: shares.length, total: shares.length }, ms, error: null });
        } catch (error) {
          if (run.current === id) setState((s) => ({ ...s, status: 'error', error: error instanceof Error ? error.message : String(error) }));
        }
      })();
    }, ATTRIBUTION_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [ready, fromResult, toResult, from, to, hospitals, baseWorker, editedWorker]);

  return state;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m >>= 1) n += m & 1;
  return n;
}
