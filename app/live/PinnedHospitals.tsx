'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ContractResult } from '@/worker/settlement/result';
import type { HospitalTotal } from '@/server/services/dataset-queries';
import { useLocale } from '../i18n/locale';
import { formatPercent, formatSignedWan, formatWan, wanUnit } from '../lib/format';
import { HeadlineCards } from '../workbench/compare/HeadlineCards';
import { change, headline, impactRows } from '../workbench/compare/impact';
import { inParens } from './punctuation';
import styles from './live.module.css';

const PINNED_KEY = 'drg-live-pinned';
/** a projector's screen shows this many rows in large type */
export const MAX_PINNED = 12;

/** The hospitals this follower cares about, kept in the browser between sessions. */
export function usePinnedHospitals(): { pinned: string[]; pin: (code: string) => void; unpin: (code: string) => void } {
  const [pinned, setPinned] = useState<string[]>([]);
  useEffect(() => {
    try {
      const stored = JSON.parse(window.localStorage.getItem(PINNED_KEY) ?? '[]') as unknown;
      if (Array.isArray(stored)) setPinned(stored.filter((c): c is string => typeof c === 'string').slice(0, MAX_PINNED));
    } catch {
      // nothing kept, or not ours
    }
  }, []);
  const update = useCallback((change: (list: string[]) => string[]) => setPinned((list) => {
    const next = change(list);
    window.localStorage.setItem(PINNED_KEY, JSON.stringify(next));
    return next;
  }), []);
  const pin = useCallback((code: string) => update((list) => (list.includes(code) ? list : [...list, code].slice(-MAX_PINNED))), [update]);
  const unpin = useCallback((code: string) => update((list) => list.filter((c) => c !== code)), [update]);
  return { pinned, pin, unpin };
}

export interface PinnedHospitalsProps {
  hospitals: HospitalTotal[];
  pinned: string[];
  onPin: (code: string) => void;
  onUnpin: (code: string) => void;
  baselineName: string;
  roundName: string;
  baseline: ContractResult | null;
  round: ContractResult | null;
  /** projector mode: the headline figures above, large type, nothing but these */
  projector: boolean;
}

/**
 * 关注的医院: the hospitals a follower picked (or clicked in the impact table), baseline vs the presenter's round,
 * every figure with its label written out (a projector has no hover). In projector mode the headline figures
 * below them (the comparison view, which has its own, is not shown then).
 */
export function PinnedHospitals(props: PinnedHospitalsProps) {
  const { t, locale } = useLocale();
  const [choice, setChoice] = useState('');
  const { baseline, round, hospitals } = props;
  const rows = useMemo(() => (baseline && round ? impactRows(hospitals, baseline, [round]) : []), [hospitals, baseline, round]);
  const figures = useMemo(() => (props.projector && round && rows.length ? headline(rows, round, 0) : null), [props.projector, rows, round]);
  const names = useMemo(() => new Map(hospitals.map((h) => [h.code, h.name])), [hospitals]);
  const shown = props.pinned.map((code) => rows.find((r) => r.hospital.code === code) ?? null).filter((r) => r !== null);
  const unit = wanUnit(locale);
  return (
    <section className={`panel ${styles.pinned}`} data-testid="live-pinned">
      <div className={styles.pinnedHead}>
        <h3 className={styles.pinnedTitle}>{t('live.pinned')}</h3>
        {shown.length ? null : <span className="muted">{t('live.pinnedNone')}</span>}
        <label className={styles.pinPicker}>
          <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="live-pin-choice" aria-label={t('live.pinPlaceholder')}>
            <option value="">{t('live.pinPlaceholder')}</option>
            {hospitals.filter((h) => !props.pinned.includes(h.code)).map((h) => (
              <option key={h.code} value={h.code}>{h.code} {h.name}</option>
            ))}
          </select>
          <button type="button" data-testid="live-pin" disabled={!choice} onClick={() => { props.onPin(choice); setChoice(''); }}>{t('live.pin')}</button>
        </label>
      </div>
      {shown.length ? (
        <table className={styles.pinnedTable}>
          <thead>
            <tr>
              <th>{t('hospitals.name')}</th>
              <th className="num">{props.baselineName}{inParens(unit, locale)}</th>
              <th className="num">{props.roundName}{inParens(unit, locale)}</th>
              <th className="num">{t('live.change')}{inParens(unit, locale)}</th>
              <th className="num">{t('live.change')}{inParens('%', locale)}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const moved = change(row.baseline?.settlement, row.rounds[0]?.settlement);
              const tone = moved.yuan > 0.005 ? 'gain' : moved.yuan < -0.005 ? 'loss' : undefined;
              return (
                <tr key={row.hospital.code} data-testid={`live-pinned-${row.hospital.code}`}>
                  <td>{row.hospital.code} {row.hospital.name}</td>
                  <td className="num">{formatWan(row.baseline?.settlement ?? 0, locale)}</td>
                  <td className="num">{formatWan(row.rounds[0]?.settlement ?? 0, locale)}</td>
                  <td className={`num ${tone ?? ''}`}>{formatSignedWan(moved.yuan, locale)}</td>
                  <td className={`num ${tone ?? ''}`}>{formatPercent(moved.ratio, locale)}</td>
                  <td>
                    <button type="button" className={styles.unpin} aria-label={t('live.unpin', { name: row.hospital.name })} onClick={() => props.onUnpin(row.hospital.code)}>
                      {t('live.unpinShort')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {figures ? <HeadlineCards headline={figures} names={names} /> : null}
    </section>
  );
}
