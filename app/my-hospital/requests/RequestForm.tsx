'use client';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import type { VisibleRound } from '@/server/services/hospital-view';
import type { RequestView } from '@/server/services/requests';
import { changeOf, type RequestChange } from '@/server/services/request-items';
import { emptyItem, formProblems, toFormItem, toRequestItems, type FormItem } from './form-items';
import { ItemEditor } from './ItemEditor';
import { ImpactPreview } from './ImpactPreview';
import { AttachmentsEditor } from './AttachmentsEditor';
import styles from '../../requests/requests.module.css';

export interface RequestFormProps {
  datasetId: number;
  /** the proposed rounds a request may be made on */
  rounds: VisibleRound[];
  /** the draft being edited, or null for a new one */
  request: RequestView | null;
  onClose: () => void;
}

/**
 * A hospital's request: the round, a title, the changes each with its reason, attachments once saved, the impact
 * on its own hospital and the city (settled on the server), then submit. Only its author edits it, while a draft.
 */
export function RequestForm({ datasetId, rounds, request, onClose }: RequestFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useLocale();
  const [requestId, setRequestId] = useState<number | null>(request?.id ?? null);
  const [roundId, setRoundId] = useState<number>(request?.round.id ?? rounds[rounds.length - 1]?.id ?? 0);
  const [title, setTitle] = useState(request?.title ?? '');
  const [items, setItems] = useState<FormItem[]>(request ? request.items.map(toFormItem) : [emptyItem()]);
  const [previewed, setPreviewed] = useState<RequestChange[] | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const saved = useQuery(trpc.requests.get.queryOptions({ id: requestId ?? 0 }, { enabled: requestId !== null }));
  const levers = useQuery(trpc.requests.levers.queryOptions({ datasetId, roundId }, { enabled: roundId > 0 }));
  const impact = useQuery(trpc.requests.impact.queryOptions({ datasetId, roundId, items: previewed ?? [] }, { enabled: previewed !== null && previewed.length > 0, retry: false }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.requests.pathKey() });
  const fail = (error: { message: string }) => setMessage({ error: true, text: error.message });
  const create = useMutation(trpc.requests.create.mutationOptions({ onError: fail }));
  const update = useMutation(trpc.requests.update.mutationOptions({ onError: fail }));
  const submit = useMutation(trpc.requests.submit.mutationOptions({ onError: fail }));
  const removeFile = useMutation(trpc.requests.removeAttachment.mutationOptions({ onError: fail, onSuccess: () => void refresh() }));

  const problems = formProblems(items);
  const editable = (saved.data?.status ?? 'draft') === 'draft';
  const busy = create.isPending || update.isPending || submit.isPending;
  const current = toRequestItems(items);
  const changes = current.map(changeOf);
  const stale = previewed !== null && JSON.stringify(previewed) !== JSON.stringify(changes);

  /** Saves the draft (creating it the first time): its id, or null when refused. */
  const save = async (): Promise<number | null> => {
    setShowProblems(true);
    setMessage(null);
    if (problems.length || !title.trim()) return null;
    try {
      const view = requestId === null ? await create.mutateAsync({ datasetId, roundId, title, items: current }) : await update.mutateAsync({ id: requestId, title, items: current });
      setRequestId(view.id);
      await refresh();
      setMessage({ error: false, text: t('requests.saved') });
      return view.id;
    } catch {
      return null;
    }
  };
  const send = async () => {
    if (!window.confirm(t('requests.confirmSubmit'))) return;
    const id = await save();
    if (id === null) return;
    const sent = await submit.mutateAsync({ id }).then(() => true, () => false);
    await refresh();
    if (sent) onClose();
  };
  const preview = () => {
    setShowProblems(true);
    if (!problems.length) setPreviewed(changes);
  };

  return (
    <div className="panel" data-testid="request-form">
      <div className={styles.form}>
        <label className={styles.field}>
          <span>{t('requests.round')}</span>
          <select value={roundId} disabled={requestId !== null} onChange={(e) => setRoundId(Number(e.target.value))} data-testid="request-round">
            {rounds.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t('requests.subject')}</span>
          <input value={title} maxLength={100} disabled={!editable} onChange={(e) => setTitle(e.target.value)} aria-invalid={showProblems && !title.trim() ? true : undefined} data-testid="request-title" />
        </label>
        <div>
          <div className={`${styles.itemRow} ${styles.itemHead}`} aria-hidden="true">
            <span>{t('requests.kind')}</span>
            <span>{t('requests.target')}</span>
            <span>{t('requests.value')}</span>
            <span>{t('requests.reason')}</span>
          </div>
          {items.map((item, i) => (
            <ItemEditor
              key={i}
              index={i}
              item={item}
              levers={levers.data}
              disabled={!editable}
              problems={showProblems ? problems.filter((p) => p.item === i).map((p) => p.problem) : []}
              onChange={(next) => setItems(items.map((x, j) => (j === i ? next : x)))}
              onRemove={() => setItems(items.filter((_, j) => j !== i))}
            />
          ))}
          <button type="button" disabled={!editable || items.length >= 20} onClick={() => setItems([...items, emptyItem()])} data-testid="request-add-item">{t('requests.addItem')}</button>
        </div>
        <AttachmentsEditor requestId={requestId} attachments={saved.data?.attachments ?? []} editable={editable} limits={levers.data?.limits} onChanged={() => void refresh()} onRemove={(id) => removeFile.mutate({ id })} />
        <div className={styles.actions}>
          <button type="button" disabled={busy || !editable} onClick={() => void save()} data-testid="request-save">{t('requests.saveDraft')}</button>
          <button type="button" disabled={busy || !items.length} onClick={preview} data-testid="request-preview">{t('requests.preview')}</button>
          <button type="button" className="primary" disabled={busy || !editable || !items.length} onClick={() => void send()} data-testid="request-submit">{t('requests.submit')}</button>
          <button type="button" onClick={onClose}>{t('requests.close')}</button>
          {message ? <span className={message.error ? styles.errors : 'muted'} data-testid="request-message">{message.text}</span> : null}
          {showProblems && (problems.length || !title.trim()) ? <span className={styles.errors}>{t('requests.fixProblems')}</span> : null}
        </div>
      </div>
      {impact.error ? <p className="error">{impact.error.message}</p> : null}
      {stale ? <p className="muted">{t('requests.impactStale')}</p> : null}
      {previewed && impact.isFetching ? <p className="muted">{t('settle.running')}</p> : null}
      {impact.data && !impact.isFetching ? <ImpactPreview impact={impact.data} /> : null}
    </div>
  );
}
