'use client';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { ArrowLeftIcon } from '../../components/icons';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { Plot } from '../../components/Plot';
import { wanUnit } from '../../lib/format';
import { COUNT, decimal, formatCell, MONEY, SIGNED_MONEY, withUnit } from '../../lib/column-format';
import { sumFen, sumYuan } from '../../lib/money';
import { hasCells, type SettlementSummary } from '@/worker/settlement/result';
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
import { POOLS } from '@/worker/settlement/types';
import { drgChanges, type DrgChange } from './hospital-detail';
import { hospitalStatements } from '@/worker/settlement/money/hospital-statement';
import { monthlyPrepayments } from '@/worker/settlement/money/monthly-prepayments';
import { StatementTable } from './StatementTable';
import { MonthlyTable } from './MonthlyTable';
import { ReserveUseTable } from './ReserveUseTable';
import { OutlierCases } from './OutlierCases';
import styles from './hospital.module.css';

/** points as the DRG table shows them */
const POINTS = decimal(1);

export interface HospitalViewProps {
  datasetId: number;
  code: string;
  hospitals: { code: string; name: string; level: number }[];
  catalog: { code: string; name: string }[];
  baselineName: string;
  roundName: string;
  /** with their hospital × DRG cells once settled for this page (until then the DRG table waits) */
  baseline: SettlementSummary | null;
  round: SettlementSummary | null;
  roundParams: RoundParams | null;
  onBack: () => void;
}

/**
 * 医院详情: the year-end statement of each pool line by line (§4.3), the monthly pre-payments with their point
 * values, the reserve's use hospital by hospital, DRGs ranked by gain/loss between two rounds, outlier cases.
 */
export function HospitalView(props: HospitalViewProps) {
  const { t, locale } = useLocale();
  const hospital = props.hospitals.find((h) => h.code === props.code);
  const drgNames = useMemo(() => new Map(props.catalog.map((d) => [d.code, d.name])), [props.catalog]);
  const { baseline, round } = props;
  const months = useMemo(
    () => (round ? POOLS.map((pool) => ({ pool, rows: monthlyPrepayments(round, props.code, pool) })).filter((m) => m.rows.length > 0) : []),
    [round, props.code],
  );
  const statements = useMemo(() => (round ? hospitalStatements(round, props.code) : []), [round, props.code]);
  const baselineStatements = useMemo(() => (baseline ? hospitalStatements(baseline, props.code) : []), [baseline, props.code]);
  const sharingBands = useMemo(() => (props.roundParams ? resolveRound(props.roundParams).sharing_bands : null), [props.roundParams]);
  const drgs = useMemo(
    () => (baseline && round && hasCells(baseline) && hasCells(round) ? drgChanges(baseline, round, props.code) : []),
    [baseline, round, props.code],
  );
  const unit = wanUnit(locale);

  const monthChart = useMemo(
    () => ({
      data: months.map(({ pool, rows }) => ({
        type: 'bar',
        name: t(`pool.${pool}`),
        x: rows.map((m) => `${m.month}${t('hospital.monthSuffix')}`),
        // whole fen → 万元
        y: rows.map((m) => m.prepaidFen / 1e6),
      })),
      layout: { title: { text: t('hospital.monthlyTitle') }, barmode: 'stack', yaxis: { title: { text: unit } } },
    }),
    [months, t, unit],
  );

  const drgColumns = useMemo<TableColumn<DrgChange>[]>(() => {
    const sumOf = (pick: (d: DrgChange) => number) => (ds: readonly DrgChange[]) => ds.reduce((s, d) => s + pick(d), 0);
    return [
      { id: 'code', header: 'DRG', value: (d) => d.code, total: (ds) => `${t('hospitals.total')} (${ds.length})` },
      { id: 'name', header: t('hospital.drgName'), value: (d) => drgNames.get(d.code) ?? '' },
      { id: 'cases', header: t('hospitals.cases'), value: (d) => d.cases, numeric: true, format: COUNT, total: sumOf((d) => d.cases) },
      { id: 'basePoints', header: `${props.baselineName} ${t('hospital.points')}`, value: (d) => d.baselinePoints, numeric: true, format: POINTS, total: sumOf((d) => d.baselinePoints) },
      { id: 'points', header: `${props.roundName} ${t('hospital.points')}`, value: (d) => d.points, numeric: true, format: POINTS, total: sumOf((d) => d.points) },
      { id: 'revenue', header: withUnit(t('hospital.revenue'), MONEY, locale), value: (d) => d.revenue, numeric: true, format: MONEY, total: (ds) => sumYuan(ds, (d) => d.revenue) },
      { id: 'cost', header: withUnit(t('hospitals.totalCost'), MONEY, locale), value: (d) => d.totalCost, numeric: true, format: MONEY, total: (ds) => sumYuan(ds, (d) => d.totalCost) },
      {
        id: 'change', header: withUnit(t('impact.vsBaseline'), SIGNED_MONEY, locale), value: (d) => d.change, numeric: true, format: SIGNED_MONEY,
        render: (d) => <span className={d.change > 0 ? 'gain' : d.change < 0 ? 'loss' : undefined}>{formatCell(SIGNED_MONEY, d.change, locale)}</span>,
        total: (ds) => (sumFen(ds, (d) => d.revenue) - sumFen(ds, (d) => d.baselineRevenue)) / 100,
      },
    ];
  }, [t, locale, drgNames, props.baselineName, props.roundName]);

  return (
    <div data-testid="hospital-view">
      <p className="no-print"><button type="button" onClick={props.onBack}><ArrowLeftIcon /> {t('hospital.back')}</button></p>
      <h2>
        {props.code} {hospital?.name ?? ''} {hospital ? `· ${t(`level.${hospital.level as 1 | 2 | 3}`)}` : ''}
      </h2>
      {!round || !baseline || !hasCells(round) || !hasCells(baseline) ? <p className="muted">{t('settle.running')}</p> : null}
      {round ? (
        <StatementTable
          code={props.code}
          roundName={props.roundName}
          baselineName={props.baselineName}
          method={round.method}
          basis={round.basis}
          round={statements}
          baseline={baselineStatements}
        />
      ) : null}
      <Plot data={monthChart.data} layout={monthChart.layout} filename={`monthly-${props.code}`} height={360} testId="chart-monthly" />
      {round ? (
        <div className={styles.months}>
          {months.map(({ pool, rows }) => (
            <MonthlyTable key={pool} code={props.code} pool={pool} months={rows} method={round.method} />
          ))}
        </div>
      ) : null}
      {round ? <ReserveUseTable code={props.code} hospitals={props.hospitals} result={round} sharingBands={sharingBands} /> : null}
      <DataTable
        caption={t('hospital.drgTitle', { round: props.roundName, baseline: props.baselineName })}
        rows={drgs}
        columns={drgColumns}
        rowKey={(d) => d.code}
        exportName={`drgs-${props.code}`}
        testId="hospital-drg-table"
      />
      {props.roundParams ? <OutlierCases datasetId={props.datasetId} code={props.code} source={{ params: props.roundParams }} /> : null}
    </div>
  );
}
