'use client';
import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import type { RoundParams } from '@/worker/settlement/round';
import type { CaseExplanation, hospitalOutlierCases } from '@/server/services/hospital-cases';

/** A page of cases as both procedures answer it. */
type CasesPage = ReturnType<typeof hospitalOutlierCases>;
type CasesOptions = { queryKey: QueryKey };
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
/** Where the cases come from: the round's parameters as edited (the bureau's workbench), or a saved round the
 *  server reads itself (本院: a hospital user never holds a round's parameters). */
export type OutlierSource = { params: RoundParams } | { roundId: number; asHospital: string | null };

export function useOutlierCases(datasetId: number, code: string, source: OutlierSource, view: OutlierView) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = { caseClass: view.caseClass, sort: view.sort, descending: view.descending };
  const options = useCallback(
    (request: string, offset: number, limit: number): CasesOptions => {
      const { query: q, source: src } = JSON.parse(request) as { query: typeof query; source: OutlierSource };
      return 'params' in src
        ? trpc.settlement.hospitalCases.queryOptions({ datasetId, hospitalCode: code, params: src.params as Record<string, unknown>, ...q, offset, limit })
        : trpc.myHospital.outlierCases.queryOptions({ datasetId, roundId: src.roundId, ...(src.asHospital ? { hospitalCode: src.asHospital } : {}), ...q, offset, limit });
    },
    [trpc, datasetId, code],
  );
  // the view's input, by value: a new params object of the same round asks for the same pages
  const key = JSON.stringify({ query, source });
  const page = useQuery<CasesPage>({ ...(options(key, view.page * OUTLIER_PAGE_SIZE, OUTLIER_PAGE_SIZE) as { queryKey: QueryKey }), placeholderData: keepPreviousData });
  const fetchAll = useCallback(
    async (onProgress: (done: number, total: number) => void): Promise<CaseExplanation[]> => {
      const all: CaseExplanation[] = [];
      for (let offset = 0; ; offset += OUTLIER_PAGE_MAX) {
        const next = await queryClient.fetchQuery<CasesPage>(options(key, offset, OUTLIER_PAGE_MAX) as { queryKey: QueryKey });
        all.push(...next.rows);
        onProgress(all.length, next.total);
        if (next.rows.length < OUTLIER_PAGE_MAX || all.length >= next.total) return all;
      }
    },
    [key, queryClient, options],
  );
  return { page, fetchAll };
}
