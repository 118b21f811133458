'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { DataTable, type TableColumn } from '../components/DataTable';
import type { RequestView } from '@/server/services/requests';
import { REQUEST_STATUSES, type RequestStatus } from '@/db/schema';
import { RequestDetail, RequestOutcome, StatusBadge } from './RequestDetail';
import { localTime } from '../lib/format';
import { RejectForm } from './RejectForm';
import styles from './requests.module.css';

/** The workbench comparing the requests' round with the round plus their changes, as an unsaved edit. */
export function impactLink(datasetId: number, roundId: number, ids: readonly number[]): string {
  return `/workbench?dataset=${datasetId}&round=${roundId}&baseline=${roundId}&requests=${ids.join(',')}`;
}

/**
 * 诉求队列 — the bureau's queue of submitted hospital requests: filter by status and round, read each one's changes,
 * reasons and attachments, see a selection's impact on every hospital in the workbench, accept the selection into
 * one draft child round, or reject one with a reason.
 */
export function RequestsQueue() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useLocale();
  const asked = Number(useSearchParams().get('dataset'));
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const [datasetChoice, setDataset] = useState<number | null>(null);
  const datasetId = datasetChoice ?? (asked > 0 ? asked : null) ?? datasets.data?.[0]?.id ?? null;
  const [status, setStatus] = useState<RequestStatus | ''>('submitted');
  const [roundId, setRoundId] = useState<number | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [rejected, setRejected] = useState<number | null>(null);
  const [accepted, setAccepted] = useState<{ id: number; name: string; parentId: number | null } | null>(null);
  const rounds = useQuery(trpc.rounds.list.queryOptions({ datasetId: datasetId ?? 0 }, { enabled: datasetId !== null }));
  const list = useQuery(
    trpc.requests.list.queryOptions({ datasetId: datasetId ?? 0, ...(status ? { status } : {}), ...(roundId ? { roundId } : {}) }, { enabled: datasetId !== null }),
  );
  const catalog = useQuery(trpc.datasets.catalog.queryOptions({ datasetId: datasetId ?? 0 }, { enabled: datasetId !== null }));
  const drgNames = useMemo(() => new Map((catalog.data ?? []).map((d) => [d.code, d.name])), [catalog.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() });
  const accept = useMutation(
    trpc.requests.accept.mutationOptions({
      onSuccess: async ({ round }) => {
        setAccepted({ id: round.id, name: round.name, parentId: round.parentId });
        setSelected([]);
        await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() })]);
      },
    }),
  );

  const rows = list.data ?? [];
  // the detail opens below the table: bring it into view, or at 1280 × 720 the click seems to do nothing
  const detailRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (openId !== null) detailRef.current?.scrollIntoView({ block: 'nearest' });
  }, [openId]);
  const chosen = rows.filter((r) => selected.includes(r.id));
  const oneRound = chosen.length > 0 && new Set(chosen.map((r) => r.round.id)).size === 1 ? chosen[0]!.round : null;
  const toggle = (id: number) => setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  const columns = useMemo<TableColumn<RequestView>[]>(
    () => [
      {
        id: 'select', header: t('requests.select'), value: (r) => (selected.includes(r.id) ? 1 : 0), text: () => '',
        render: (r) => (r.actions.includes('accept') ? <input type="checkbox" checked={selected.includes(r.id)} onChange={() => toggle(r.id)} aria-label={`${t('requests.select')} #${r.id}`} data-testid={`request-select-${r.id}`} /> : null),
      },
      { id: 'id', header: t('requests.id'), value: (r) => r.id, text: (r) => `#${r.id}` },
      { id: 'hospital', header: t('requests.hospital'), value: (r) => `${r.hospital.code} ${r.hospital.name}`, render: (r) => <span className={styles.wrap}>{r.hospital.code} {r.hospital.name}</span> },
      { id: 'title', header: t('requests.subject'), value: (r) => r.title, render: (r) => <span className={styles.wrap}>{r.title}</span> },
      { id: 'round', header: t('requests.round'), value: (r) => r.round.name, render: (r) => <span className={styles.wrap}>{r.round.name}</span> },
      { id: 'items', header: t('requests.items'), value: (r) => r.items.length, text: (r) => t('requests.itemCount', { n: r.items.length }) },
      { id: 'status', header: t('requests.status'), value: (r) => t(`requests.status.${r.status}`), render: (r) => <StatusBadge status={r.status} /> },
      { id: 'result', header: t('requests.result'), value: (r) => (r.status === 'rejected' ? (r.rejectReason ?? '') : r.acceptedRound?.name ?? ''), render: (r) => <span className={styles.wrap}><RequestOutcome request={r} /></span> },
      { id: 'submitted', header: t('requests.updated'), value: (r) => localTime(r.submittedAt ?? r.updatedAt) },
      { id: 'open', header: '', value: () => '', render: (r) => <button type="button" onClick={() => setOpenId(openId === r.id ? null : r.id)} data-testid={`request-open-${r.id}`}>{t('requests.detail')}</button> },
    ],
    [t, selected, openId],
  );

  if (datasets.isLoading) return <p>{t('common.loading')}</p>;
  if (datasetId === null) return <p>{t('datasets.empty')}</p>;
  const open = rows.find((r) => r.id === openId) ?? null;

  return (
    <div data-testid="requests-queue">
      <h2>{t('requests.title')}</h2>
      <p className={`muted ${styles.intro}`}>{t('requests.queueIntro')}</p>
      <div className="toolbar-row panel">
        <label>
          {t('nav.datasets')}{' '}
          <select value={datasetId} onChange={(e) => { setDataset(Number(e.target.value)); setRoundId(null); setSelected([]); }}>
            {(datasets.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label>
          {t('requests.status')}{' '}
          <select value={status} onChange={(e) => { setStatus(e.target.value as RequestStatus | ''); setSelected([]); }} data-testid="requests-status-filter">
            <option value="">{t('requests.allStatuses')}</option>
            {REQUEST_STATUSES.filter((s) => s !== 'draft').map((s) => <option key={s} value={s}>{t(`requests.status.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('requests.round')}{' '}
          <select value={roundId ?? ''} onChange={(e) => { setRoundId(e.target.value ? Number(e.target.value) : null); setSelected([]); }}>
            <option value="">{t('requests.allRounds')}</option>
            {(rounds.data ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
      </div>
      <div className={styles.actions}>
        <span className="muted">{t('requests.selectHint')}</span>
        {oneRound ? (
          <Link href={impactLink(datasetId, oneRound.id, selected)} prefetch={false} data-testid="requests-view-impact">{t('requests.viewImpact')}</Link>
        ) : null}
        <button
          type="button"
          className="primary"
          disabled={!oneRound || accept.isPending}
          onClick={() => oneRound && window.confirm(t('requests.confirmAccept', { n: chosen.length, round: oneRound.name })) && accept.mutate({ ids: selected })}
          data-testid="requests-accept"
        >
          {t('requests.accept')}
        </button>
        {rejected !== null ? <span data-testid="requests-rejected">{t('requests.rejectedDone', { id: rejected })}</span> : null}
        {accept.error ? <span className="error" data-testid="requests-accept-error">{accept.error.message}</span> : null}
        {accepted ? (
          <span data-testid="requests-accepted">
            {t('requests.acceptedRound', { round: accepted.name })}{' '}
            <Link href={`/workbench?dataset=${datasetId}&round=${accepted.id}&baseline=${accepted.parentId ?? accepted.id}&view=diff`} prefetch={false} data-testid="requests-open-round">{t('requests.openRound')}</Link>
          </span>
        ) : null}
      </div>
      {list.error ? <p className="error">{list.error.message}</p> : null}
      {list.data && !rows.length ? <p className="muted">{t('requests.none')}</p> : null}
      {rows.length ? (
        <DataTable caption={t('requests.title')} rows={rows} columns={columns} rowKey={(r) => String(r.id)} rowAttributes={(r) => ({ 'data-request-id': String(r.id), 'data-status': r.status })} exportName="requests" testId="requests-table" />
      ) : null}
      {open ? (
        <div className="panel" ref={detailRef}>
          <RequestDetail request={open} drgNames={drgNames} />
          {open.actions.includes('reject') ? <RejectForm requestId={open.id} onDone={() => { setRejected(open.id); void refresh(); }} /> : null}
        </div>
      ) : null}
    </div>
  );
}
