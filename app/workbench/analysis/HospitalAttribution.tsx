'use client';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { Plot } from '../../components/Plot';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { SIGNED_MONEY, withUnit } from '../../lib/column-format';
import { formatSignedWan, formatWan } from '../../lib/format';
import { waterfall } from './attribution-charts';
import { FAMILIES, FAMILY_COLORS, familyLabelKey } from './families';
import type { DrillLine, FenFigures } from './attribution-rows';
import styles from './analysis.module.css';

export interface HospitalAttributionProps {
  /** e.g. "H001 云泽市第一人民医院" */
  hospital: string;
  /** the figure's name (结算金额 / 基金支付) */
  figureName: string;
  figures: FenFigures;
  /** the weights part of `settlement` by DRG: null while it is computed, 'none' when the weights did not change */
  drill: DrillLine[] | null | 'none';
  /** the pools the figures add (名称 shown in the drill's title) */
  poolName: string;
  exportName: string;
  onClose?: () => void;
  testId?: string;
}

/**
 * One hospital's change from the baseline to the round: its five parts as a waterfall with their figures written
 * on the bars, the same in a legend line, and its weights part drilled down to the DRGs behind it.
 */
export function HospitalAttribution(props: HospitalAttributionProps) {
  const { t, locale } = useLocale();
  const label = (f: (typeof FAMILIES)[number]) => t(familyLabelKey(f));
  const chart = useMemo(
    () => waterfall(props.figures, (f) => t(familyLabelKey(f)), t('analysis.change'), (wan) => formatSignedWan(wan * 1e4, locale)),
    [props.figures, t, locale],
  );
  const drillColumns = useMemo<TableColumn<DrillLine>[]>(
    () => [
      { id: 'code', header: 'DRG', value: (l) => l.code ?? '', total: (ls) => `${t('hospitals.total')} (${ls.length})` },
      { id: 'name', header: t('hospital.drgName'), value: (l) => (l.code === null ? t('analysis.drillOther') : l.name) },
      {
        id: 'part',
        header: withUnit(t('analysis.drillPart'), SIGNED_MONEY, locale),
        value: (l) => l.fen / 100,
        format: SIGNED_MONEY,
        total: (ls) => ls.reduce((fen, l) => fen + l.fen, 0) / 100,
      },
    ],
    [t, locale],
  );
  const { figures } = props;
  return (
    <section className={`panel ${styles.hospital}`} data-testid={props.testId ?? 'attribution-hospital'} data-change={figures.change} data-parts={FAMILIES.map((f) => figures.parts[f]).join(',')}>
      <div className={styles.hospitalHead}>
        <h3>
          {t('analysis.hospitalTitle', { hospital: props.hospital, figure: props.figureName })} <span className="muted">{t('analysis.unitNote')}</span>
        </h3>
        {props.onClose ? (
          <button type="button" onClick={props.onClose} data-testid="attribution-hospital-close">{t('analysis.close')}</button>
        ) : null}
      </div>
      <p className={styles.sums}>
        <span>{t('analysis.from')} {formatWan(figures.from / 100, locale)}</span>
        <span>{t('analysis.to')} {formatWan(figures.to / 100, locale)}</span>
        <strong data-testid="attribution-hospital-change" data-value={figures.change}>
          {t('analysis.change')} {formatSignedWan(figures.change / 100, locale)}
        </strong>
        {FAMILIES.map((f) => (
          <span key={f} className={styles.legendItem} data-family={f} data-value={figures.parts[f]}>
            <i style={{ background: FAMILY_COLORS[f] }} aria-hidden="true" />
            {label(f)} {formatSignedWan(figures.parts[f] / 100, locale)}
          </span>
        ))}
      </p>
      <div className={styles.hospitalBody}>
        <Plot data={chart.data} layout={chart.layout} height={340} filename={`${props.exportName}-waterfall`} testId="attribution-waterfall" />
        <div>
          <h4>{t('analysis.drillTitle', { pool: props.poolName })}</h4>
          {props.drill === null ? (
            <p className="muted">{t('analysis.drillComputing')}</p>
          ) : props.drill === 'none' ? (
            <p className="muted">{t('analysis.drillNone')}</p>
          ) : (
            <DataTable rows={props.drill} columns={drillColumns} rowKey={(l) => l.code ?? '-'} exportName={`${props.exportName}-weights-by-drg`} testId="attribution-drgs" />
          )}
          <p className="muted">{t('analysis.drillNote')}</p>
        </div>
      </div>
    </section>
  );
}
