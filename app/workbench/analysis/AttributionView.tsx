'use client';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { Plot } from '../../components/Plot';
import type { RoundParams } from '@/worker/settlement/round';
import type { Settlement } from '../engine/useSettlement';
import type { HospitalInfo } from '../compare/impact';
import { useAttribution } from './useAttribution';
import { useWeightsDrill } from './useWeightsDrill';
import { attributionRows, levelRows, poolsOf, type FigureName, type PoolChoice } from './attribution-rows';
import { largestChanges, partBars } from './attribution-charts';
import { familyLabelKey } from './families';
import { HospitalAttribution } from './HospitalAttribution';
import { AttributionTable, LevelAttributionTable, type ColumnMode } from './AttributionTables';
import { formatSignedWan } from '../../lib/format';
import styles from './analysis.module.css';
import { FigurePoolSelects } from './FigurePoolSelects';

export interface AttributionViewProps {
  hospitals: HospitalInfo[];
  baselineName: string;
  roundName: string;
  baseline: Settlement;
  edited: Settlement;
  baselineParams: RoundParams | null;
  roundParams: RoundParams | null;
  exportName: string;
}

/** the hospitals in the chart of parts: as many as a projector shows with their names legible */
const CHART_HOSPITALS = 20;

/**
 * 变动归因: the baseline → the edited round (unsaved edits included) split over the five lever families for every
 * hospital: the largest changes as stacked bars, the table of hospitals × families (parts, or one at a time and
 * the interaction), totals by level and pool, and a clicked hospital's waterfall with its weights part by DRG.
 */
export function AttributionView(props: AttributionViewProps) {
  const { t, locale } = useLocale();
  const [figure, setFigure] = useState<FigureName>('settlement');
  const [pool, setPool] = useState<PoolChoice>('all');
  const [mode, setMode] = useState<ColumnMode>('parts');
  const [selected, setSelected] = useState<string | null>(null);
  const attribution = useAttribution(props.baseline, props.edited, props.baselineParams, props.roundParams, props.hospitals);
  const { decomposition } = attribution;
  const info = useMemo(() => new Map(props.hospitals.map((h) => [h.code, { name: h.name, level: h.level }])), [props.hospitals]);
  const levels = useMemo(() => new Map(props.hospitals.map((h) => [h.code, h.level])), [props.hospitals]);
  const rows = useMemo(() => (decomposition ? attributionRows(decomposition, info, pool, figure) : []), [decomposition, info, pool, figure]);
  const levelTotals = useMemo(() => (decomposition ? levelRows(decomposition, levels, pool, figure) : []), [decomposition, levels, pool, figure]);
  const figureName = t(`analysis.figure.${figure}`);
  const poolName = pool === 'all' ? t('analysis.pool.all') : t(`pool.${pool}`);
  const chart = useMemo(() => {
    const top = largestChanges(rows, CHART_HOSPITALS);
    return partBars(top, (f) => t(familyLabelKey(f)), t('analysis.chartTotal'), (wan) => formatSignedWan(wan * 1e4, locale));
  }, [rows, t, locale]);
  const selectedRow = rows.find((r) => r.code === selected) ?? null;
  const drillPools = useMemo(() => poolsOf(pool), [pool]);
  const drill = useWeightsDrill(props.edited.worker, props.baselineParams, props.roundParams, selectedRow ? selectedRow.code : null, drillPools);

  return (
    <div data-testid="attribution-view">
      <div className="panel">
        <div className={styles.controls}>
          <h2>{t('analysis.title', { round: props.roundName, baseline: props.baselineName })}</h2>
          <FigurePoolSelects figure={figure} pool={pool} onFigure={setFigure} onPool={setPool} testId="attribution" />
          <label>
            {t('analysis.mode')}
            <select data-testid="attribution-mode" value={mode} onChange={(e) => setMode(e.target.value as ColumnMode)}>
              <option value="parts">{t('analysis.mode.parts')}</option>
              <option value="alone">{t('analysis.mode.alone')}</option>
            </select>
          </label>
          <AttributionStatus state={attribution} />
        </div>
        <p className={styles.intro}>{t('analysis.intro')} {t('analysis.clickHint')}</p>
      </div>
      {attribution.error ? <p className="error" role="alert">{t('analysis.error', { message: attribution.error })}</p> : null}
      {!decomposition ? null : (
        <div className={attribution.current ? undefined : styles.stale} data-testid="attribution-result" data-current={attribution.current ? 'true' : 'false'}>
          {selectedRow ? (
            <HospitalAttribution
              hospital={`${selectedRow.code} ${selectedRow.name}`}
              figureName={figureName}
              figures={selectedRow}
              drill={drill.lines}
              poolName={poolName}
              exportName={`${props.exportName}-${selectedRow.code}`}
              onClose={() => setSelected(null)}
            />
          ) : null}
          {drill.error ? <p className="error">{drill.error}</p> : null}
          <Plot
            data={chart.data}
            layout={{ ...chart.layout, title: { ...(chart.layout.title as object), text: t('analysis.chartTitle', { n: Math.min(CHART_HOSPITALS, rows.length), figure: figureName }) } }}
            height={chart.layout.height as number}
            filename={`${props.exportName}-parts`}
            testId="attribution-chart"
          />
          <AttributionTable
            rows={rows}
            mode={mode}
            caption={t('analysis.tableCaption', { figure: figureName, pool: poolName })}
            selected={selected}
            onSelect={(code) => {
              setSelected(code);
              window.scrollTo({ top: 0, behavior: 'smooth' });
            }}
            exportName={`${props.exportName}-attribution`}
          />
          <LevelAttributionTable rows={levelTotals} mode={mode} exportName={`${props.exportName}-attribution-levels`} />
        </div>
      )}
    </div>
  );
}

function AttributionStatus({ state }: { state: ReturnType<typeof useAttribution> }) {
  const { t } = useLocale();
  const text =
    state.status === 'computing'
      ? t('analysis.computingShares', { n: state.settlements, done: state.progress.done, total: state.progress.total })
      : state.status === 'waiting'
        ? t('analysis.waiting')
        : state.status === 'done' && state.ms !== null
          ? t('analysis.done', { n: state.settlements, ms: Math.round(state.ms) })
          : '';
  return (
    <span className={styles.status} data-testid="attribution-status" data-state={state.status} data-current={state.current ? 'true' : 'false'} role="status">
      {text}
    </span>
  );
}
