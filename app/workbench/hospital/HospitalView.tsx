'use client';
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { Plot } from '../../components/Plot';
import { formatCount, formatNumber, formatSignedWan, formatWan, wanUnit } from '../../lib/format';
import { hasCells, type SettlementSummary } from '@/worker/settlement/result';
import type { RoundParams } from '@/worker/settlement/round';
import { clearingRows, drgChanges, monthlyRows, type DrgChange, type PoolClearing } from './hospital-detail';
import { OutlierCases } from './OutlierCases';

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

/** 医院详情: monthly pre-payments and clearing, DRGs ranked by gain/loss between two rounds, outlier cases. */
export function HospitalView(props: HospitalViewProps) {
  const { t, locale } = useLocale();
  const hospital = props.hospitals.find((h) => h.code === props.code);
  const drgNames = useMemo(() => new Map(props.catalog.map((d) => [d.code, d.name])), [props.catalog]);
  const { baseline, round } = props;
  const months = useMemo(() => (round ? monthlyRows(round, props.code) : []), [round, props.code]);
  const clearing = useMemo(() => (round ? clearingRows(round, props.code) : []), [round, props.code]);
  const baselineClearing = useMemo(() => (baseline ? clearingRows(baseline, props.code) : []), [baseline, props.code]);
  const drgs = useMemo(
    () => (baseline && round && hasCells(baseline) && hasCells(round) ? drgChanges(baseline, round, props.code) : []),
    [baseline, round, props.code],
  );
  const unit = wanUnit(locale);

  const monthChart = useMemo(
    () => ({
      data: (['employee', 'resident'] as const).map((pool) => ({
        type: 'bar',
        name: t(`pool.${pool}`),
        x: months.filter((m) => m.pool === pool).map((m) => `${m.month}${t('hospital.monthSuffix')}`),
        y: months.filter((m) => m.pool === pool).map((m) => m.prepaid / 1e4),
      })),
      layout: { title: { text: t('hospital.monthlyTitle') }, barmode: 'stack', yaxis: { title: { text: unit } } },
    }),
    [months, t, unit],
  );

  const drgColumns = useMemo<TableColumn<DrgChange>[]>(
    () => [
      { id: 'code', header: 'DRG', value: (d) => d.code },
      { id: 'name', header: t('hospital.drgName'), value: (d) => drgNames.get(d.code) ?? '' },
      { id: 'cases', header: t('hospitals.cases'), value: (d) => d.cases, numeric: true, render: (d) => formatCount(d.cases, locale) },
      { id: 'basePoints', header: `${props.baselineName} ${t('hospital.points')}`, value: (d) => d.baselinePoints, numeric: true, render: (d) => formatNumber(d.baselinePoints, locale, 1) },
      { id: 'points', header: `${props.roundName} ${t('hospital.points')}`, value: (d) => d.points, numeric: true, render: (d) => formatNumber(d.points, locale, 1) },
      { id: 'revenue', header: `${t('hospital.revenue')} (${unit})`, value: (d) => d.revenue, numeric: true, render: (d) => formatWan(d.revenue, locale) },
      { id: 'cost', header: `${t('hospitals.totalCost')} (${unit})`, value: (d) => d.totalCost, numeric: true, render: (d) => formatWan(d.totalCost, locale) },
      {
        id: 'change', header: `${t('impact.vsBaseline')} (${unit})`, value: (d) => d.change, numeric: true,
        render: (d) => <span className={d.change > 0 ? 'gain' : d.change < 0 ? 'loss' : undefined}>{formatSignedWan(d.change, locale)}</span>,
      },
    ],
    [t, locale, unit, drgNames, props.baselineName, props.roundName],
  );

  return (
    <div data-testid="hospital-view">
      <p className="no-print"><button type="button" onClick={props.onBack}>← {t('hospital.back')}</button></p>
      <h2>
        {props.code} {hospital?.name ?? ''} {hospital ? `· ${t(`level.${hospital.level as 1 | 2 | 3}`)}` : ''}
      </h2>
      {!round || !baseline || !hasCells(round) || !hasCells(baseline) ? <p className="muted">{t('settle.running')}</p> : null}
      <ClearingTable rows={clearing} baselineRows={baselineClearing} roundName={props.roundName} baselineName={props.baselineName} />
      <Plot data={monthChart.data} layout={monthChart.layout} filename={`monthly-${props.code}`} height={360} testId="chart-monthly" />
      <DataTable
        caption={t('hospital.drgTitle', { round: props.roundName, baseline: props.baselineName })}
        rows={drgs}
        columns={drgColumns}
        rowKey={(d) => d.code}
        exportName={`drgs-${props.code}`}
        testId="hospital-drg-table"
      />
      {props.roundParams ? <OutlierCases datasetId={props.datasetId} code={props.code} params={props.roundParams} /> : null}
    </div>
  );
}

function ClearingTable({ rows, baselineRows, roundName, baselineName }: { rows: PoolClearing[]; baselineRows: PoolClearing[]; roundName: string; baselineName: string }) {
  const { t, locale } = useLocale();
  const unit = wanUnit(locale);
  return (
    <div className="table-scroll" style={{ marginBottom: '1rem' }}>
      <table data-testid="hospital-clearing">
        <thead>
          <tr>
            <th>{t('hospital.pool')}</th>
            <th className="num">{baselineName} {t('hospital.settlement')} ({unit})</th>
            <th className="num">{roundName} {t('hospital.settlement')} ({unit})</th>
            <th className="num">{t('hospital.fundPayment')} ({unit})</th>
            <th className="num">{t('hospital.prepaid')} ({unit})</th>
            <th className="num">{t('hospital.clearing')} ({unit})</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.pool}>
              <td>{t(`pool.${r.pool}`)}</td>
              <td className="num">{formatWan(baselineRows.find((b) => b.pool === r.pool)?.settlement ?? 0, locale)}</td>
              <td className="num">{formatWan(r.settlement, locale)}</td>
              <td className="num">{formatWan(r.fundPayment, locale)}</td>
              <td className="num">{formatWan(r.prepaid, locale)}</td>
              <td className={`num ${r.clearing < 0 ? 'loss' : ''}`}>{formatSignedWan(r.clearing, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function useHospitalCases(datasetId: number, code: string, params: RoundParams) {
  const trpc = useTRPC();
  return useQuery(trpc.settlement.hospitalCases.queryOptions({ datasetId, hospitalCode: code, params: params as Record<string, unknown> }));
}
