'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { localTime } from '../lib/format';
import type { RequestView } from '@/server/services/requests';
import { itemText, type DrgNames } from './item-text';
import styles from './requests.module.css';

export const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** "PDF", "PNG", "JPEG", "WebP" rather than the stored MIME type */
export const fileKind = (mime: string) => (mime === 'application/pdf' ? 'PDF' : mime === 'image/webp' ? 'WebP' : mime.replace(/^image\//, '').toUpperCase());

/** A request's status and outcome in words: accepted into which round, or rejected and why. */
export function RequestOutcome({ request }: { request: RequestView }) {
  const { t } = useLocale();
  if (request.status === 'accepted') {
    return <span>{request.acceptedRound ? t('requests.acceptedInto', { round: request.acceptedRound.name }) : t('requests.acceptedPending')}</span>;
  }
  if (request.status === 'rejected') return <span>{t('requests.rejectedBecause', { reason: request.rejectReason ?? '' })}</span>;
  return null;
}

export function StatusBadge({ status }: { status: RequestView['status'] }) {
  const { t } = useLocale();
  return (
    <span className={`${styles.status} ${styles[status] ?? ''}`} data-status={status}>
      {t(`requests.status.${status}`)}
    </span>
  );
}

/** The changes a request asks for (each lever's value in the round now → the value asked), each with its reason, and its attachments to download. */
export function RequestDetail({ request, drgNames }: { request: RequestView; drgNames?: DrgNames }) {
  const { t } = useLocale();
  const trpc = useTRPC();
  // the round's values of the levers, for the request's hospital (a hospital user: its own, the server decides)
  const levers = useQuery(trpc.requests.levers.queryOptions({ datasetId: request.datasetId, roundId: request.round.id, hospitalCode: request.hospital.code }, { retry: false }));
  return (
    <div className={styles.detail} data-testid={`request-detail-${request.id}`}>
      <h3>
        #{request.id} {request.title} <StatusBadge status={request.status} />
      </h3>
      <p className="muted">
        {request.hospital.code} {request.hospital.name} · {t('requests.round')}：{request.round.name} · {t('requests.author')}：{request.author}
        {request.decidedBy && request.decidedAt ? ` · ${t('requests.decidedBy', { user: request.decidedBy, at: localTime(request.decidedAt) })}` : ''}
      </p>
      {request.status === 'accepted' || request.status === 'rejected' ? (
        <p className={styles.outcome} data-testid="request-outcome">
          <RequestOutcome request={request} />
        </p>
      ) : null}
      <ol className={styles.items}>
        {request.items.map((item, i) => (
          <li key={i} data-testid="request-item">
            <strong>{itemText(item, t, drgNames, levers.data)}</strong>
            <div className={styles.reason}>{t('requests.reason')}：{item.reason}</div>
          </li>
        ))}
      </ol>
      {request.attachments.length ? (
        <div>
          {t('requests.attachments')}：
          <ul className={styles.files}>
            {request.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/requests/attachments/${a.id}`} download={a.fileName} data-testid="request-attachment">
                  {a.fileName}
                </a>{' '}
                <span className="muted">({fileKind(a.mime)}, {kb(a.size)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
