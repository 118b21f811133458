'use client';
import { useCallback, useMemo } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { isParamSection, type ParamSection } from './params/sections';

export type WorkbenchView = 'compare' | 'params' | 'diff' | 'rounds' | 'hospital' | 'report' | 'attribution' | 'solve' | 'projection';
const VIEWS: readonly WorkbenchView[] = ['compare', 'params', 'diff', 'rounds', 'hospital', 'report', 'attribution', 'solve', 'projection'];

/** Everything a shared link must restore: data set, edited round, baseline, other compared rounds, view, filters, open levers. */
export interface WorkbenchState {
  datasetId: number | null;
  /** the round being edited and compared (round-select) */
  roundId: number | null;
  /** the baseline round (baseline-select) */
  baselineId: number | null;
  /** further rounds compared side by side */
  compareIds: number[];
  view: WorkbenchView;
  /** the hospital whose page is open (view 'hospital') */
  hospital: string | null;
  /** the lever drawer beside the comparison: the tab it shows, null when closed */
  levers: ParamSection | null;
}

function parseId(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function readWorkbenchState(params: URLSearchParams): WorkbenchState {
  const view = params.get('view');
  return {
    datasetId: parseId(params.get('dataset')),
    roundId: parseId(params.get('round')),
    baselineId: parseId(params.get('baseline')),
    compareIds: (params.get('compare') ?? '').split(',').map(parseId).filter((n): n is number => n !== null),
    view: VIEWS.includes(view as WorkbenchView) ? (view as WorkbenchView) : 'compare',
    hospital: params.get('hospital') || null,
    levers: isParamSection(params.get('levers')) ? (params.get('levers') as ParamSection) : null,
  };
}

export function writeWorkbenchState(state: WorkbenchState): string {
  const params = new URLSearchParams();
  if (state.datasetId) params.set('dataset', String(state.datasetId));
  if (state.roundId) params.set('round', String(state.roundId));
  if (state.baselineId) params.set('baseline', String(state.baselineId));
  if (state.compareIds.length) params.set('compare', state.compareIds.join(','));
  if (state.view !== 'compare') params.set('view', state.view);
  if (state.hospital) params.set('hospital', state.hospital);
  if (state.levers) params.set('levers', state.levers);
  return params.toString();
}

/**
 * The workbench state lives in the URL, so that a link opens the same view. It is written with the browser's
 * history.replaceState, which Next's router follows (useSearchParams): a view change is shown at once. A
 * router.replace made the server render the page again for every change, and showed the view only when that
 * answer came (a browser test typed into the compare view's lever while the params view was on its way).
 */
export function useWorkbenchUrl(): [WorkbenchState, (patch: Partial<WorkbenchState>) => void] {
  const pathname = usePathname();
  const search = useSearchParams();
  const state = useMemo(() => readWorkbenchState(new URLSearchParams(search.toString())), [search]);
  const update = useCallback(
    (patch: Partial<WorkbenchState>) => {
      const next = writeWorkbenchState({ ...state, ...patch });
      window.history.replaceState(null, '', next ? `${pathname}?${next}` : pathname);
    },
    [state, pathname],
  );
  return [state, update];
}
