'use client';
import { useMemo, useState } from 'react';
import { localTime } from '../lib/format';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { DataTable, type TableColumn } from '../components/DataTable';
import { auditDetailText } from './detail-text';
import type { MessageKey } from '../i18n/messages';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  detail: string;
}

const PAGE = 200;
/** the kinds of entry a filter offers (an action family matches its sub-kinds: login → login.failed …) */
const ACTIONS = ['', 'login', 'import', 'create', 'update', 'status', 'delete', 'user', 'live', 'edit', 'submit', 'withdraw', 'accept', 'reject', 'attach', 'detach'] as const;
/** actions with a name in the page's language (audit.act.*); any other shows its code */
const ACTION_NAMES = new Set<string>([
  ...ACTIONS.filter(Boolean),
  'login.failed', 'login.locked', 'user.add', 'user.disable', 'user.enable', 'user.password',
  'live.start', 'live.join', 'live.handover', 'live.end',
]);
const ENTITY_NAMES = new Set<string>(['round', 'request', 'dataset', 'user']);
/** the kinds of object an entry is about (a round id narrows to one round) */
const ENTITIES = [
  ['', 'common.all'],
  ['round', 'audit.entity.round'],
  ['request', 'audit.entity.request'],
  ['dataset', 'audit.entity.dataset'],
  ['user', 'audit.entity.user'],
] as const;

/** 操作日志: filter by user, kind, round and time; newest first, a page at a time; every page exportable. */
export function AuditView({ ownOnly }: { ownOnly: boolean }) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [entity, setEntity] = useState('');
  const [roundId, setRoundId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const round = /^\d+$/.test(roundId) ? Number(roundId) : undefined;
  const input = {
    ...(actor && !ownOnly ? { actor } : {}),
    ...(action ? { action } : {}),
    ...(round !== undefined ? { entity: 'round', entityId: round } : entity ? { entity } : {}),
    ...(from ? { from: new Date(from).toISOString() } : {}),
    ...(to ? { to: new Date(`${to}T23:59:59.999`).toISOString() } : {}),
    offset,
    limit: PAGE,
  };
  const log = useQuery(trpc.audit.list.queryOptions(input));
  // the action and the object in words ("采纳诉求", "诉求 3"), not their codes ("accept", "request 3")
  const actionName = (a: string) => (ACTION_NAMES.has(a) ? t(`audit.act.${a}` as MessageKey) : a);
  const entityName = (e: string) => (ENTITY_NAMES.has(e) ? t(`audit.entity.${e}` as MessageKey) : e);
  const columns = useMemo<TableColumn<Entry>[]>(
    () => [
      { id: 'at', header: t('audit.at'), value: (e) => localTime(e.at, true) },
      { id: 'actor', header: t('audit.actor'), value: (e) => e.actor },
      { id: 'action', header: t('audit.action'), value: (e) => actionName(e.action) },
      { id: 'entity', header: t('audit.entity'), value: (e) => (e.entityId === null ? entityName(e.entity) : `${entityName(e.entity)} ${e.entityId}`) },
      { id: 'detail', header: t('audit.detail'), value: (e) => auditDetailText(e.detail) },
    ],
    [t],
  );
  const total = log.data?.total ?? 0;
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };
  return (
    <div data-testid="audit-view">
      <h2>{t('audit.title')}</h2>
      <div className="toolbar-row panel">
        {ownOnly ? <span className="muted">{t('audit.ownOnly')}</span> : (
          <label>{t('audit.actor')} <input value={actor} onChange={(e) => reset(setActor)(e.target.value)} maxLength={64} data-testid="audit-actor" /></label>
        )}
        <label>
          {t('audit.action')}{' '}
          <select value={action} onChange={(e) => reset(setAction)(e.target.value)} data-testid="audit-action">
            {ACTIONS.map((a) => <option key={a} value={a}>{a ? actionName(a) : t('common.all')}</option>)}
          </select>
        </label>
        <label>
          {t('audit.entity')}{' '}
          <select value={round !== undefined ? 'round' : entity} disabled={round !== undefined} onChange={(e) => reset(setEntity)(e.target.value)} data-testid="audit-entity">
            {ENTITIES.map(([k, label]) => <option key={k} value={k}>{t(label)}</option>)}
          </select>
        </label>
        <label>{t('audit.round')} <input value={roundId} onChange={(e) => reset(setRoundId)(e.target.value)} inputMode="numeric" size={6} maxLength={9} /></label>
        <label>{t('audit.from')} <input type="date" value={from} onChange={(e) => reset(setFrom)(e.target.value)} /></label>
        <label>{t('audit.to')} <input type="date" value={to} onChange={(e) => reset(setTo)(e.target.value)} /></label>
      </div>
      <p className="muted" data-testid="audit-count">
        {t('audit.count', { total, from: total ? offset + 1 : 0, to: Math.min(offset + PAGE, total) })}{' '}
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('audit.previous')}</button>{' '}
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('audit.next')}</button>
      </p>
      <DataTable rows={log.data?.rows ?? []} columns={columns} rowKey={(e) => String(e.id)} exportName="audit-log" testId="audit-table" />
    </div>
  );
}
