'use client';
import { useEffect, useState } from 'react';
import type { Role } from '@/db/schema';
import type { LiveMeta } from '@/server/live/protocol';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { useLiveFollow } from './useLiveFollow';
import type { FollowerState } from './follower-state';
import { BureauFollower } from './BureauFollower';
import { HospitalFollower } from './HospitalFollower';
import { colon } from './punctuation';
import styles from './live.module.css';

const PROJECTOR_KEY = 'drg-live-projector';

/** The workbench link that takes the session over where it stands (its rounds; ?live= tells the workbench to present it). */
function takeOverHref(id: string, meta: LiveMeta): string {
  const query = new URLSearchParams({ dataset: String(meta.datasetId), round: String(meta.round.id), baseline: String(meta.baseline.id), live: id });
  if (meta.compared.length) query.set('compare', meta.compared.map((r) => r.id).join(','));
  return `/workbench?${query.toString()}`;
}

function ChangeNotice({ meta }: { meta: LiveMeta }) {
  const { t, locale } = useLocale();
  const kind = meta.change.kind;
  const text = t(`live.change.${kind}` as MessageKey, { name: kind === 'handover' ? meta.presenter : meta.round.name });
  return (
    <span className={styles.notice} data-testid="live-change" data-kind={kind} data-version={meta.version}>
      {text}
      {meta.change.label && kind !== 'saved' && kind !== 'rounds' ? `${colon(locale)}${meta.change.label}` : ''}
    </span>
  );
}

function ConnectionBadge({ state }: { state: FollowerState }) {
  const { t } = useLocale();
  const key: MessageKey = state.connection === 'open' ? 'live.connected' : state.connection === 'reconnecting' ? 'live.reconnecting' : state.connection === 'connecting' ? 'live.connecting' : state.connection === 'ended' ? 'live.ended' : 'live.missing';
  return (
    <span className={state.connection === 'open' ? styles.synced : styles.warning} data-testid="live-connection" data-state={state.connection}>
      {t(key)}
    </span>
  );
}

/** A follower's page: who presents which rounds, what just changed, then the bureau's or the hospital's view. */
export function LiveFollowerView({ id, viewer }: { id: string; viewer: { username: string; role: Role } }) {
  const { t } = useLocale();
  const state = useLiveFollow(id);
  const [projector, setProjector] = useState(false);
  useEffect(() => setProjector(window.localStorage.getItem(PROJECTOR_KEY) === '1'), []);
  const toggleProjector = () => {
    window.localStorage.setItem(PROJECTOR_KEY, projector ? '0' : '1');
    setProjector(!projector);
  };
  const meta = state.meta;
  const hospital = viewer.role === 'hospital';
  return (
    <div className={`${styles.page} ${projector ? styles.projector : ''}`} data-testid="live-follower" data-role={hospital ? 'hospital' : 'bureau'} data-projector={projector ? '1' : undefined}>
      <div className={`panel ${styles.head}`}>
        <strong className={styles.title}>{t('live.title')}</strong>
        {meta ? (
          <>
            <span data-testid="live-presenter">{t('live.presenter', { name: meta.presenter })}</span>
            <span data-testid="live-round" data-round-id={meta.round.id}>{t('live.round', { name: meta.round.name })}{meta.dirty ? ` ${t('live.unsaved')}` : ''}</span>
            <span data-testid="live-baseline">{t('live.baseline', { name: meta.baseline.name })}</span>
            {meta.compared.length ? <span data-testid="live-compared">{t('live.compared', { names: meta.compared.map((r) => r.name).join(t('live.listJoin')) })}</span> : null}
          </>
        ) : null}
        <ConnectionBadge state={state} />
        {/* once the session has ended there is nothing left to project */}
        {meta?.ended || state.connection === 'ended' ? null : (
          <button type="button" className={styles.projectorToggle} data-testid="live-projector" aria-pressed={projector} onClick={toggleProjector}>
            {t(projector ? 'live.projectorOff' : 'live.projector')}
          </button>
        )}
      </div>
      {meta && (meta.ended || state.connection === 'ended') ? (
        <div className={`panel ${styles.ended}`} data-testid="live-ended">
          <strong>{t('live.ended')}</strong>
          <span>{t(hospital ? 'live.endedNoteHospital' : 'live.endedNote')}</span>
          <a href={hospital ? '/my-hospital' : `/workbench?dataset=${meta.datasetId}`}>{t(hospital ? 'live.toMyHospital' : 'live.toWorkbench')}</a>
        </div>
      ) : meta ? (
        <div className={styles.changeRow}>
          <ChangeNotice meta={meta} />
          {!hospital && meta.presenter === viewer.username && !meta.ended ? (
            <a className={`button primary ${styles.takeOver}`} href={takeOverHref(id, meta)} data-testid="live-take-over">{t('live.takeOver')}</a>
          ) : null}
        </div>
      ) : null}
      {state.connection === 'missing' && !meta ? <p className="error">{t('live.missing')}</p> : null}
      {meta && !meta.ended && state.connection !== 'ended' ? (
        hospital ? <HospitalFollower state={state} projector={projector} /> : <BureauFollower meta={meta} params={state.params} projector={projector} />
      ) : null}
    </div>
  );
}
