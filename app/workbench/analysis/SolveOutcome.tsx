'use client';
import { useLocale } from '../../i18n/locale';
import type { SolveOutcome, SolvePoint } from '@/worker/analysis/solve';
import type { TargetUnit } from '@/worker/analysis/targets';
import { WarningIcon } from '../../components/icons';
import { formatNumber } from '../../lib/format';
import { formatLever, formatTarget } from './solve-input';
import type { SolveRequest } from './useSolve';
import styles from './analysis.module.css';

export interface SolveOutcomePanelProps {
  outcome: SolveOutcome;
  request: SolveRequest;
  unit: TargetUnit;
  ms: number | null;
  leverLabel: string;
  targetLabel: string;
  /** the round's parameters are the solution now */
  applied: boolean;
  /** the round changed since the solve started: applying would drop those edits */
  stale: boolean;
  readOnly: boolean;
  saving: boolean;
  saved: string | null;
  saveError: string | null;
  onApply: () => void;
  onSave: () => void;
}

/** The solution (value, achieved, residual) with apply and save; or why no value reaches the target, with the closest on each side. */
export function SolveOutcomePanel(props: SolveOutcomePanelProps) {
  const { t, locale } = useLocale();
  const { outcome, request, unit } = props;
  if (!outcome.ok) {
    const point = (p: SolvePoint | null) => (p ? `${formatLever(request.lever, p.value, locale)} → ${formatTarget(unit, p.achieved, locale)}` : t('solve.none'));
    return (
      <div className={`panel ${styles.unreachable}`} data-testid="solve-unreachable" data-reason={outcome.reason} role="alert">
        <h3><WarningIcon /> {t('solve.unreachable')}</h3>
        <p>{locale === 'zh' ? outcome.message_zh : outcome.message_en}</p>
        <p data-testid="solve-below" data-value={outcome.below?.value ?? ''} data-achieved={outcome.below?.achieved ?? ''}>
          {t('solve.below', { point: point(outcome.below) })}
        </p>
        <p data-testid="solve-above" data-value={outcome.above?.value ?? ''} data-achieved={outcome.above?.achieved ?? ''}>
          {t('solve.above', { point: point(outcome.above) })}
        </p>
      </div>
    );
  }
  const residual = unit === 'yuan' ? `${formatNumber(outcome.residual, locale, 2)} ${locale === 'zh' ? '元' : 'yuan'}` : outcome.residual.toExponential(2);
  return (
    <div className="panel" data-testid="solve-result" data-value={outcome.value} data-achieved={outcome.achieved} data-residual={outcome.residual} data-lever={request.lever} data-target={request.target}>
      <div className={styles.outcome}>
        <span>{t('solve.result')}</span>
        <strong data-testid="solve-solved">{t('solve.solved', { lever: props.leverLabel, value: formatLever(request.lever, outcome.value, locale) })}</strong>
        <span>{t('solve.achieved')} {props.targetLabel} = {formatTarget(unit, outcome.achieved, locale)}</span>
        <span className="muted">{t('solve.residual')} {residual}</span>
        <span className="muted">{t('solve.settlements', { n: outcome.settlements, ms: Math.round(props.ms ?? 0) })}</span>
      </div>
      <div className={styles.actions}>
        <button type="button" className="primary" data-testid="solve-apply" disabled={props.readOnly || props.applied || props.stale} onClick={props.onApply}>
          {props.applied ? t('solve.applied') : t('solve.apply')}
        </button>
        <button type="button" data-testid="solve-save" disabled={props.saving} onClick={props.onSave}>{t('solve.save')}</button>
        {props.stale ? <span className="muted" data-testid="solve-stale">{t('solve.stale')}</span> : null}
        {props.saved ? <span className="muted">{t('solve.saved', { name: props.saved })}</span> : null}
        {props.saveError ? <span className="error" role="alert">{props.saveError}</span> : null}
      </div>
    </div>
  );
}
