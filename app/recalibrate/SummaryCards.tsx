'use client';
import { useLocale } from '../i18n/locale';
import { formatNumber } from '../lib/format';
import type { RecalibrationSummary } from '@/worker/recalibration';
import styles from './recalibrate.module.css';

/** The city before and after: CMI, total points of the used cases, what was used, M and s, the flags. */
export function SummaryCards({ summary }: { summary: RecalibrationSummary }) {
  const { t, locale } = useLocale();
  const n = (x: number | null, digits: number) => (x === null ? '—' : formatNumber(x, locale, digits));
  // each card's value in parts that never break inside: a narrow card wraps between them (at the arrow, the dot)
  const cards: [string, string, string[]][] = [
    ['cmi', t('recal.card.cmi'), [n(summary.cmiBefore, 4), `→ ${n(summary.cmiAfter, 4)}`]],
    ['points', t('recal.card.points'), [n(summary.totalPointsBefore, 0), `→ ${n(summary.totalPointsAfter, 0)}`]],
    ['cases', t('recal.card.cases'), t('recal.card.casesValue', { cases: n(summary.usedCases, 0), eligible: summary.eligibleDrgs, drgs: summary.drgs }).split(' · ')],
    ['pooled', t('recal.card.pooledMean'), [n(summary.pooledMean, 0), `· ${n(summary.scale, 4)}`]],
    ['flags', t('recal.card.flags'), [`${summary.flagged.few_cases} · ${summary.flagged.cv_over_1} · ${summary.flagged.change_over_10pct}`]],
  ];
  return (
    <div className={styles.cards} data-testid="recal-summary">
      {cards.map(([id, label, value]) => (
        <div key={id} className="card" data-testid={`recal-card-${id}`}>
          <div className="label">{label}</div>
          <div className="value">
            {value.map((part, i) => (
              <span key={i} className={styles.part}>
                {i > 0 && !part.startsWith('→') && !part.startsWith('·') ? `· ${part}` : part}
              </span>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
