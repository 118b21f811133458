'use client';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import { DataTable, type TableColumn } from '../../components/DataTable';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

type ParamChange = inferRouterOutputs<AppRouter>['rounds']['diff'][number];

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** 参数差异: which weights, rates, coefficients and rules changed between two saved rounds, old → new. */
export function DiffView({ fromId, toId, fromName, toName }: { fromId: number; toId: number; fromName: string; toName: string }) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const diff = useQuery(trpc.rounds.diff.queryOptions({ fromId, toId }));
  const columns = useMemo<TableColumn<ParamChange>[]>(
    () => [
      { id: 'group', header: t('diff.group'), value: (c) => t(`diffGroup.${c.group}`) },
      { id: 'key', header: t('diff.key'), value: (c) => c.key },
      { id: 'label', header: t('diff.label'), value: (c) => c.label },
      { id: 'from', header: t('diff.from'), value: (c) => show(c.from) },
      { id: 'to', header: t('diff.to'), value: (c) => show(c.to) },
    ],
    [t],
  );
  if (diff.isLoading) return <p>{t('common.loading')}</p>;
  if (diff.error) return <p className="error">{diff.error.message}</p>;
  const changes = diff.data ?? [];
  return (
    <div data-testid="round-diff">
      <h3>{t('diff.title', { from: fromName, to: toName })}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t('diff.none')}</p>
      ) : (
        <DataTable rows={changes} columns={columns} rowKey={(c) => c.key} exportName={`diff-${fromName}-${toName}`} testId="round-diff-table" />
      )}
    </div>
  );
}
