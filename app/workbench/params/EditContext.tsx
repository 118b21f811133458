'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ResolvedRound, RoundParams } from '@/worker/settlement/round';
import type { CatalogEntryWithVolume, HospitalTotal } from '@/server/services/dataset-queries';

/**
 * How a field hands on a change. Stable while the round is edited, so the hundreds of cells of the weight and
 * hospital tables (memoized on their own values) do not re-render at every edit elsewhere.
 */
export interface EditActions {
  /** a locked round: nothing can be edited */
  readOnly: boolean;
  /** hands a validated round on, with a short label for the undo history */
  commit: (next: RoundParams, label: string) => void;
  /** the round as it is now (read when a field commits, not when it renders) */
  current: () => RoundParams;
}

/** What the sections show: the round, its defaults filled in, the catalog and the hospitals. */
export interface EditValues {
  params: RoundParams;
  /** `resolveRound(params)`: the values the engine settles with (defaults where the round is silent) */
  resolved: ResolvedRound;
  catalog: readonly CatalogEntryWithVolume[];
  hospitals: readonly HospitalTotal[];
}

export type ParamsEditing = EditActions & EditValues;

const ActionsContext = createContext<EditActions | null>(null);
const ValuesContext = createContext<EditValues | null>(null);

export function ParamsEditingProvider({ actions, values, children }: { actions: EditActions; values: EditValues; children: ReactNode }) {
  return (
    <ActionsContext.Provider value={actions}>
      <ValuesContext.Provider value={values}>{children}</ValuesContext.Provider>
    </ActionsContext.Provider>
  );
}

/** For a cell: commit and read-only, without re-rendering when the round changes. */
export function useEditActions(): EditActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useEditActions outside ParamsEditor');
  return actions;
}

/** For a section: everything, re-rendered with the round. */
export function useParamsEditing(): ParamsEditing {
  const actions = useEditActions();
  const values = useContext(ValuesContext);
  if (!values) throw new Error('useParamsEditing outside ParamsEditor');
  return useMemo(() => ({ ...actions, ...values }), [actions, values]);
}
