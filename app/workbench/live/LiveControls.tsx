'use client';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { useLivePresenter, type LivePresenterInput, type LivePresenting } from './useLivePresenter';
import styles from './live-controls.module.css';

/** 现场: a broadcast mark (a dot and two arcs) */
function LiveIcon() {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" aria-hidden focusable="false" style={{ verticalAlign: '-0.125em', flexShrink: 0 }}>
      <circle cx="8" cy="8" r="1.6" fill="currentColor" />
      <path d="M5 5a4.2 4.2 0 0 0 0 6M11 5a4.2 4.2 0 0 1 0 6M3 3a7 7 0 0 0 0 10M13 3a7 7 0 0 1 0 10" />
    </svg>
  );
}

/** The link to follow, selectable, with a copy button (the clipboard API exists only on https and localhost). */
function CopyLink({ url }: { url: string }) {
  const { t } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'manual' | null>(null);
  const copy = () => {
    input.current?.select();
    const done = () => setCopied('yes');
    if (navigator.clipboard && window.isSecureContext) void navigator.clipboard.writeText(url).then(done, () => setCopied('manual'));
    else setCopied(document.execCommand?.('copy') ? 'yes' : 'manual');
  };
  return (
    <label className={styles.linkRow}>
      <span className={styles.caption}>{t('live.linkLabel')}</span>
      <input ref={input} readOnly value={url} className={styles.url} data-testid="live-url" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" data-testid="live-copy" onClick={copy}>{t('live.copy')}</button>
      {copied ? <span className={copied === 'yes' ? 'muted' : 'error'} role="status">{t(copied === 'yes' ? 'live.copied' : 'live.copyHint')}</span> : null}
    </label>
  );
}

/**
 * The presenter's controls in the toolbar: 现场 starts a session; once started, a chip with the followers'
 * count (`live-link`, the join URL in `data-url`) opens the link, who follows, the hand-over and the end.
 */
export function LiveControls({ live }: { live: LivePresenting }) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const [handTo, setHandTo] = useState('');
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false);
    const escape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);
  const error = live.error ? <span className="error" role="alert" data-testid="live-error">{t('common.error')}: {live.error.zh} / {live.error.en}</span> : null;

  if (!live.session) {
    if (!live.canPresent) return null;
    return (
      <span className={styles.controls}>
        <button type="button" data-testid="live-start" title={t('live.startTitle')} disabled={live.busy} onClick={live.start}>
          <LiveIcon /> {t('live.start')}
        </button>
        {error}
      </span>
    );
  }
  if (!live.presenting) {
    return (
      <span className={styles.controls} data-testid="live-away">
        <span className="muted">{live.ended ? t('live.ended') : t('live.handedOver', { name: live.presenter ?? '' })}</span>
        {live.ended ? null : <a href={live.session.url} data-testid="live-follow">{t('live.follow')}</a>}
        <button type="button" onClick={live.dismiss}>{t('live.dismiss')}</button>
      </span>
    );
  }
  const followers = live.followers;
  const candidates = (followers?.bureau ?? []).filter((name) => name !== live.presenter);
  return (
    <span ref={box} className={styles.controls}>
      <span data-testid="live-link" data-url={live.session.url} className={styles.chip}>
        <button type="button" className={styles.chipButton} aria-expanded={open} title={t('live.menu')} data-testid="live-menu" onClick={() => setOpen((o) => !o)}>
          <span className={styles.dot} aria-hidden /> {t('live.on')} · <span data-testid="live-followers" data-count={followers?.total ?? 0}>{t('live.followers', { n: followers?.total ?? 0 })}</span>
        </button>
      </span>
      {open ? (
        <div className={`panel ${styles.panel}`} data-testid="live-panel">
          <strong>{t('live.title')}</strong>
          <CopyLink url={live.session.url} />
          <span className="muted">{t('live.followersDetail', { bureau: followers ? followers.total - followers.hospitals : 0, hospitals: followers?.hospitals ?? 0, names: candidates.length ? t('live.followerNames', { names: candidates.join(t('live.listJoin')) }) : '' })}</span>
          <span className={styles.row}>
            <span className={styles.caption}>{t('live.handoverTo')}</span>
            {candidates.length ? (
              <>
                <select data-testid="live-handover-to" value={handTo} onChange={(e) => setHandTo(e.target.value)}>
                  <option value="">—</option>
                  {candidates.map((name) => <option key={name} value={name}>{name}</option>)}
                </select>
                <button type="button" data-testid="live-handover" disabled={!handTo || live.busy} onClick={() => live.handover(handTo)}>{t('live.handover')}</button>
              </>
            ) : (
              <span className="muted">{t('live.handoverNone')}</span>
            )}
          </span>
          <button type="button" className={styles.end} data-testid="live-end" disabled={live.busy} onClick={live.end}>{t('live.end')}</button>
          {error}
        </div>
      ) : (
        error
      )}
    </span>
  );
}

/** The workbench's live session: the presenter's state posted at every change, and its controls in the toolbar. */
export function LivePresenter(props: LivePresenterInput) {
  return <LiveControls live={useLivePresenter(props)} />;
}
