'use client';
import { useEffect, useState } from 'react';
import { changedFamilies, familyBit } from '@/worker/analysis/families';
import type { RoundParams } from '@/worker/settlement/round';
import type { Pool } from '@/worker/settlement/types';
import type { SettlementBridge } from '../engine/bridge';
import { mergeDrillLines, type DrillLine } from './attribution-rows';

/**
 * One hospital's weights part by DRG (weightsByDrg, in the edited round's worker), for the pools chosen: null
 * while it runs, 'none' when the two rounds' weights are the same. Asked again when the hospital, the pools or
 * the rounds change; an answer for an earlier question is dropped.
 */
export function useWeightsDrill(
  worker: () => SettlementBridge | null,
  from: RoundParams | null,
  to: RoundParams | null,
  hospitalCode: string | null,
  pools: readonly Pool[],
): { lines: DrillLine[] | null | 'none'; error: string | null } {
  const [state, setState] = useState<{ key: unknown; lines: DrillLine[] | 'none' | null; error: string | null }>({ key: null, lines: null, error: null });
  const poolKey = pools.join(',');
  useEffect(() => {
    if (!hospitalCode || !from || !to) return;
    const key = {};
    setState({ key, lines: null, error: null });
    if ((changedFamilies(from, to) & familyBit('weights')) === 0) {
      setState({ key, lines: 'none', error: null });
      return;
    }
    const bridge = worker();
    if (!bridge) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const perPool = [];
          for (const pool of poolKey.split(',') as Pool[]) perPool.push(await bridge.weightsByDrg(from, to, hospitalCode, pool));
          if (!cancelled) setState({ key, lines: mergeDrillLines(perPool), error: null });
        } catch (error) {
          if (!cancelled) setState({ key, lines: null, error: error instanceof Error ? error.message : String(error) });
        }
      })();
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [worker, from, to, hospitalCode, poolKey]);
  return { lines: state.lines, error: state.error };
}
