'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import { DataTable, type TableColumn } from '../../components/DataTable';
import type { RequestView } from '@/server/services/requests';
import { RequestDetail, RequestOutcome, StatusBadge } from '../../requests/RequestDetail';
import { localTime } from '../../lib/format';
import { RequestForm } from './RequestForm';
import styles from '../../requests/requests.module.css';

/**
 * 本院诉求: a hospital user's requests on the proposed rounds of a data set — new drafts, their status, the
 * bureau's answer and its reason. Only its own hospital's requests reach this page.
 */
export function MyRequestsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useLocale();
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const [datasetChoice, setDataset] = useState<number | null>(null);
  const datasetId = datasetChoice ?? datasets.data?.[0]?.id ?? null;
  const rounds = useQuery(trpc.myHospital.rounds.queryOptions({ datasetId: datasetId ?? 0 }, { enabled: datasetId !== null }));
  const list = useQuery(trpc.requests.list.queryOptions({ datasetId: datasetId ?? 0 }, { enabled: datasetId !== null }));
  const [editing, setEditing] = useState<RequestView | 'new' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const withdraw = useMutation(trpc.requests.withdraw.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() }) }));
  const proposed = (rounds.data ?? []).filter((r) => r.status === 'proposed');
  // the detail opens below the table: bring it into view, or at 1280 × 720 the click seems to do nothing
  const detailRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (openId !== null) detailRef.current?.scrollIntoView({ block: 'nearest' });
  }, [openId]);

  const columns = useMemo<TableColumn<RequestView>[]>(
    () => [
      { id: 'id', header: t('requests.id'), value: (r) => r.id, text: (r) => `#${r.id}` },
      { id: 'title', header: t('requests.subject'), value: (r) => r.title, render: (r) => <span className={styles.wrap}>{r.title}</span> },
      { id: 'round', header: t('requests.round'), value: (r) => r.round.name, render: (r) => <span className={styles.wrap}>{r.round.name}</span> },
      { id: 'items', header: t('requests.items'), value: (r) => r.items.length, text: (r) => t('requests.itemCount', { n: r.items.length }) },
      { id: 'status', header: t('requests.status'), value: (r) => t(`requests.status.${r.status}`), render: (r) => <StatusBadge status={r.status} /> },
      { id: 'result', header: t('requests.result'), value: (r) => (r.status === 'rejected' ? (r.rejectReason ?? '') : r.acceptedRound?.name ?? ''), render: (r) => <span className={styles.wrap}><RequestOutcome request={r} /></span> },
      { id: 'updated', header: t('requests.updated'), value: (r) => localTime(r.updatedAt) },
      {
        id: 'open', header: '', value: () => '',
        render: (r) => (
          <span className={styles.rowActions}>
            {r.actions.includes('edit') ? <button type="button" onClick={() => setEditing(r)} data-testid={`request-edit-${r.id}`}>{t('requests.edit')}</button> : null}
            {r.actions.includes('withdraw') ? <button type="button" onClick={() => window.confirm(t('requests.confirmWithdraw')) && withdraw.mutate({ id: r.id })}>{t('requests.withdraw')}</button> : null}
            <button type="button" onClick={() => setOpenId(openId === r.id ? null : r.id)} data-testid={`request-open-${r.id}`}>{t('requests.detail')}</button>
          </span>
        ),
      },
    ],
    [t, openId, withdraw],
  );

  if (datasets.isLoading || rounds.isLoading) return <p>{t('common.loading')}</p>;
  if (datasetId === null) return <p>{t('datasets.empty')}</p>;
  const open = list.data?.find((r) => r.id === openId) ?? null;

  return (
    <div data-testid="my-requests">
      <h2>{t('requests.myTitle')}</h2>
      <p className={`muted ${styles.intro}`}>{t('requests.intro')}</p>
      <div className={`toolbar-row ${styles.toolbar}`}>
        {(datasets.data?.length ?? 0) > 1 ? (
          <label>
            {t('nav.datasets')}{' '}
            <select value={datasetId} onChange={(e) => { setDataset(Number(e.target.value)); setEditing(null); }}>
              {(datasets.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        ) : null}
        {editing === null ? (
          <button type="button" className="primary" disabled={!proposed.length} onClick={() => setEditing('new')} data-testid="request-new">{t('requests.new')}</button>
        ) : null}
        {!proposed.length ? <span className="muted">{t('requests.noProposed')}</span> : null}
        <Link href="/my-hospital" prefetch={false} className="muted">{t('requests.myRoundChange')}</Link>
      </div>
      {editing !== null ? (
        <RequestForm key={editing === 'new' ? 'new' : editing.id} datasetId={datasetId} rounds={proposed} request={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {list.error ? <p className="error">{list.error.message}</p> : null}
      {list.data && !list.data.length ? <p className="muted">{t('requests.none')}</p> : null}
      {list.data?.length ? (
        <DataTable caption={t('requests.myTitle')} rows={list.data} columns={columns} rowKey={(r) => String(r.id)} rowAttributes={(r) => ({ 'data-request-id': String(r.id), 'data-status': r.status })} exportName="requests" testId="my-requests-table" />
      ) : null}
      {open ? <div className="panel" ref={detailRef}><RequestDetail request={open} /></div> : null}
    </div>
  );
}
