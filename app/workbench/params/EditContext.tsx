'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { RoundParams } from '@/worker/settlement/round';
import type { CatalogEntryWithVolume, HospitalTotal } from '@/server/services/dataset-queries';

/** What every field of the editor needs: the round, its defaults filled in, and how to hand on a change. */
export interface ParamsEditing {
  params: RoundParams;
  /** `resolveRound(params)`: the values the engine settles with (defaults where the round is silent) */
  resolved: unknown;
  catalog: readonly CatalogEntryWithVolume[];
  hospitals: readonly HospitalTotal[];
  /** a locked round: nothing can be edited */
  readOnly: boolean;
  /** hands a validated round on, with a short label for the undo history */
  commit: (next: RoundParams, label: string) => void;
}

const EditContext = createContext<ParamsEditing | null>(null);

export function ParamsEditingProvider({ value, children }: { value: ParamsEditing; children: ReactNode }) {
  return <EditContext.Provider value={value}>{children}</EditContext.Provider>;
}

export function useParamsEditing(): ParamsEditing {
  const editing = useContext(EditContext);
  if (!editing) throw new Error('useParamsEditing outside ParamsEditor');
  return editing;
}
