'use client';
import { useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import type { AttachmentInfo } from '@/server/services/requests';
import { fileKind, kb } from '../../requests/RequestDetail';
import styles from '../../requests/requests.module.css';

async function upload(requestId: number, file: File): Promise<string | null> {
  const res = await fetch(`/api/requests/${requestId}/attachments?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
  if (res.ok) return null;
  const body = (await res.json().catch(() => null)) as { error?: { zh: string; en: string } } | null;
  return body?.error ? `${body.error.zh} / ${body.error.en}` : `HTTP ${res.status}`;
}

/** A draft's attachments: add (PDF or image, checked by the server by content) and remove. */
export function AttachmentsEditor({ requestId, attachments, editable, limits, onChanged, onRemove }: {
  requestId: number | null;
  /** the server's limits, for the hint (the upload route decides) */
  limits: { attachmentMb: number; attachments: number } | undefined;
  attachments: AttachmentInfo[];
  editable: boolean;
  onChanged: () => void;
  onRemove: (id: number) => void;
}) {
  const { t } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = async (files: FileList | null) => {
    if (!files?.length || requestId === null) return;
    setBusy(true);
    setError(null);
    for (const file of Array.from(files)) {
      const failure = await upload(requestId, file);
      if (failure) setError(`${file.name}: ${failure}`);
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    onChanged();
  };
  return (
    <div data-testid="request-attachments">
      <strong>{t('requests.attachments')}</strong>
      <ul className={styles.files}>
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={`/api/requests/attachments/${a.id}`} download={a.fileName}>{a.fileName}</a> <span className="muted">({fileKind(a.mime)}, {kb(a.size)})</span>{' '}
            {editable ? <button type="button" onClick={() => onRemove(a.id)}>{t('requests.removeAttachment')}</button> : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <div className={styles.actions}>
          {/* the browser's own file picker is labelled in the browser's language ("Choose Files"): a button in the page's opens it */}
          <input ref={input} type="file" hidden accept="application/pdf,image/png,image/jpeg,image/webp" multiple disabled={requestId === null || busy} onChange={(e) => void choose(e.target.files)} data-testid="request-attach" />
          <button type="button" disabled={requestId === null || busy} onClick={() => input.current?.click()}>{t('requests.attach')}</button>
          <span className="muted">{busy ? t('requests.uploading') : t('requests.attachHint', { mb: limits?.attachmentMb ?? '—', n: limits?.attachments ?? '—' })}</span>
        </div>
      ) : null}
      {error ? <p className="error" data-testid="request-attach-error">{error}</p> : null}
    </div>
  );
}
