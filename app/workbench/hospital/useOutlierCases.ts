'use client';
import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import type { RoundParams } from '@/worker/settlement/round';
import type { CaseExplanation } from '@/server/services/hospital-cases';
import { OUTLIER_PAGE_MAX, type OutlierClass, type OutlierSort } from '@/server/services/outlier-query';

/** What the list shows: a class or all, the server's order, and the page. */
export interface OutlierView {
  caseClass: OutlierClass | null;
  sort: OutlierSort;
  descending: boolean;
  page: number;
}

/** Cases on one screen page. */
export const OUTLIER_PAGE_SIZE = 100;

/**
 * A hospital's outlier cases, one page at a time from the server (the page before stays on screen while the
 * next arrives), and `fetchAll`, which reads every page of the same view in turn for an export.
 */
export function useOutlierCases(datasetId: number, code: string, params: RoundParams, view: OutlierView) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = {
    datasetId,
    hospitalCode: code,
    params: params as Record<string, unknown>,
    caseClass: view.caseClass,
    sort: view.sort,
    descending: view.descending,
  };
  const page = useQuery({
    ...trpc.settlement.hospitalCases.queryOptions({ ...input, offset: view.page * OUTLIER_PAGE_SIZE, limit: OUTLIER_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const key = JSON.stringify(input);
  const fetchAll = useCallback(
    async (onProgress: (done: number, total: number) => void): Promise<CaseExplanation[]> => {
      const all: CaseExplanation[] = [];
      const request = JSON.parse(key) as typeof input;
      for (let offset = 0; ; offset += OUTLIER_PAGE_MAX) {
        const next = await queryClient.fetchQuery(trpc.settlement.hospitalCases.queryOptions({ ...request, offset, limit: OUTLIER_PAGE_MAX }));
        all.push(...next.rows);
        onProgress(all.length, next.total);
        if (next.rows.length < OUTLIER_PAGE_MAX || all.length >= next.total) return all;
      }
    },
    // the view's input, by value: a new params object of the same round asks for the same pages
    [key, queryClient, trpc],
  );
  return { page, fetchAll };
}
