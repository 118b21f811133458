'use client';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { Plot } from '../../components/Plot';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { WarningIcon } from '../../components/icons';
import { decimal, formatCell, MONEY, PERCENT, SIGNED_MONEY, withUnit } from '../../lib/column-format';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
import type { ExposedRow, ProjectedPool } from '@/worker/analysis/projection';
import type { RoundParams } from '@/worker/settlement/round';
import type { Settlement } from '../engine/useSettlement';
import type { HospitalInfo } from '../compare/impact';
import { useProjection } from './useProjection';
import { projectionInputOf, zeroGrowthForm, type ProjectionForm } from './projection-input';
import { monthRows, projectionChart, type MonthRow } from './projection-chart';
import { ProjectionInputs } from './ProjectionInputs';
import styles from './analysis.module.css';

export interface ProjectionViewProps {
  roundName: string;
  edited: Settlement;
  params: RoundParams | null;
  hospitals: HospitalInfo[];
  exportName: string;
}

type Exposed = ExposedRow & { name: string; level: number };

/**
 * 下年度预测 of the edited round: next year from this year's cases reweighted by the growth the user types, run
 * in the round's worker on every change. The point value per month and for the year against this year's, the
 * 点值通缩 warning past the threshold, the projected fund balance, the hospitals most exposed; exported as tables.
 */
export function ProjectionView(props: ProjectionViewProps) {
  const { t, locale } = useLocale();
  const [form, setForm] = useState<ProjectionForm>(() => zeroGrowthForm());
  const read = useMemo(() => projectionInputOf(form), [form]);
  const state = useProjection(props.edited.worker, props.params, read.input);
  const { projection } = state;
  const points = props.params?.method !== 'rate';
  const names = useMemo(() => new Map(props.hospitals.map((h) => [h.code, h])), [props.hospitals]);
  const exposed = useMemo<Exposed[]>(
    () => (projection?.exposed ?? []).map((r) => ({ ...r, name: names.get(r.hospital_code)?.name ?? '', level: names.get(r.hospital_code)?.level ?? 0 })),
    [projection, names],
  );
  const exposedColumns = useMemo<TableColumn<Exposed>[]>(
    () => [
      { id: 'code', header: t('hospitals.code'), value: (r) => r.hospital_code, total: (rows) => `${t('hospitals.total')} (${rows.length})` },
      { id: 'name', header: t('hospitals.name'), value: (r) => r.name },
      { id: 'level', header: t('hospitals.level'), value: (r) => r.level, text: (r) => t(`level.${r.level as 1 | 2 | 3}`) },
      { id: 'pool', header: t('analysis.pool'), value: (r) => r.pool, text: (r) => t(`pool.${r.pool}`) },
      { id: 'thisYear', header: withUnit(t('projection.exposedThisYear'), MONEY, locale), value: (r) => r.this_year_settlement, format: MONEY, total: (rows) => fenSum(rows, (r) => r.this_year_settlement) },
      { id: 'projected', header: withUnit(t('projection.exposedProjected'), MONEY, locale), value: (r) => r.projected_settlement, format: MONEY, total: (rows) => fenSum(rows, (r) => r.projected_settlement) },
      {
        id: 'change', header: withUnit(t('projection.exposedChange'), SIGNED_MONEY, locale), value: (r) => r.change, format: SIGNED_MONEY,
        render: (r) => <span className={r.change > 0 ? 'gain' : r.change < 0 ? 'loss' : undefined}>{formatCell(SIGNED_MONEY, r.change, locale)}</span>,
        total: (rows) => fenSum(rows, (r) => r.projected_settlement) - fenSum(rows, (r) => r.this_year_settlement),
      },
      { id: 'ratio', header: t('projection.exposedRatio'), value: (r) => r.change_ratio, format: PERCENT },
    ],
    [t, locale],
  );

  return (
    <div data-testid="projection-view">
      <div className="panel">
        <div className={styles.controls}>
          <h2>{t('projection.title', { round: props.roundName })}</h2>
          <span className={styles.status} data-testid="projection-status" data-state={state.status} data-current={state.current ? 'true' : 'false'} role="status">
            {state.status === 'running' ? t('projection.computing') : state.ms !== null ? t('projection.done', { ms: Math.round(state.ms) }) : ''}
          </span>
        </div>
        <p className={styles.intro}>{t('projection.intro')}</p>
        <ProjectionInputs form={form} errors={read.errors ?? {}} onChange={setForm} />
      </div>
      {state.error ? <p className="error" role="alert">{t('projection.error', { message: state.error })}</p> : null}
      {projection ? (
        <div className={state.current ? undefined : styles.stale}>
          {projection.pools.filter((pool) => points && pool.deflation).map((pool) => (
            <div key={pool.pool} className={`panel ${styles.warning} ${styles.deflated}`} role="alert" data-testid={`projection-deflation-${pool.pool}`}>
              <WarningIcon />
              {t('projection.deflation', {
                pool: t(`pool.${pool.pool}`),
                pct: formatPercent(-pool.change, locale).replace(/^\+/, ''),
                threshold: formatPercent(read.input?.deflation_threshold ?? 0, locale).replace(/^\+/, ''),
              })}
            </div>
          ))}
          <div className="cards">
            {projection.pools.map((pool) => <PoolCards key={pool.pool} pool={pool} points={points} />)}
          </div>
          {points ? (
            <div className={styles.charts}>
              {projection.pools.map((pool) => <PoolChart key={pool.pool} pool={pool} exportName={props.exportName} />)}
            </div>
          ) : (
            <p className="muted">{t('projection.noPoints')}</p>
          )}
          <DataTable
            caption={t('projection.exposedCaption')}
            rows={exposed}
            columns={exposedColumns}
            rowKey={(r) => `${r.pool}-${r.hospital_code}`}
            rowAttributes={(r) => ({ 'data-hospital-code': r.hospital_code, 'data-pool': r.pool, 'data-this-year': String(r.this_year_settlement), 'data-projected': String(r.projected_settlement) })}
            exportName={`${props.exportName}-projection-hospitals`}
            testId="projection-exposed"
          />
          {points ? <MonthTable pools={projection.pools} exportName={`${props.exportName}-projection-months`} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/** Σ of yuan figures added in whole fen, in yuan. */
function fenSum<R>(rows: readonly R[], yuan: (r: R) => number): number {
  return rows.reduce((fen, r) => fen + Math.round(yuan(r) * 100), 0) / 100;
}

function PoolCards({ pool, points }: { pool: ProjectedPool; points: boolean }) {
  const { t, locale } = useLocale();
  const name = t(`pool.${pool.pool}`);
  return (
    <>
      {points ? (
        <div
          className={pool.deflation ? `card ${styles.deflated}` : 'card'}
          data-testid={`projection-point-value-${pool.pool}`}
          data-this-year={pool.this_year.point_value}
          data-projected={pool.projected.point_value}
          data-deflation={pool.deflation ? 'true' : 'false'}
        >
          <div className="label">{t('projection.pointValue', { pool: name })}</div>
          <div className="value">{formatNumber(pool.projected.point_value, locale, 4)}</div>
          <div className="muted">{t('projection.thisYear')} {formatNumber(pool.this_year.point_value, locale, 4)} · {formatPercent(pool.change, locale)}</div>
        </div>
      ) : null}
      <div className="card" data-testid={`projection-fund-balance-${pool.pool}`} data-this-year={pool.this_year.fund_balance} data-projected={pool.projected.fund_balance}>
        <div className="label">{t('projection.fundBalance', { pool: name })}</div>
        <div className={`value ${pool.projected.fund_balance < 0 ? 'loss' : ''}`}>{formatMoney(pool.projected.fund_balance, locale)}</div>
        <div className="muted">{t('projection.thisYear')} {formatMoney(pool.this_year.fund_balance, locale)} · {t('projection.fundBalanceNote')}</div>
      </div>
    </>
  );
}

function PoolChart({ pool, exportName }: { pool: ProjectedPool; exportName: string }) {
  const { t } = useLocale();
  const chart = useMemo(
    () => projectionChart(pool, { thisYear: t('projection.thisYear'), projected: t('projection.nextYear'), month: t('projection.month') }, (m) => t('projection.monthName', { month: m })),
    [pool, t],
  );
  const layout = useMemo(() => ({ ...chart.layout, title: { text: t('projection.chartTitle', { pool: t(`pool.${pool.pool}`) }) } }), [chart, pool.pool, t]);
  return <Plot data={chart.data} layout={layout} height={360} filename={`${exportName}-projection-${pool.pool}`} testId={`projection-chart-${pool.pool}`} />;
}

type MonthTableRow = MonthRow & { pool: ProjectedPool['pool'] };

function MonthTable({ pools, exportName }: { pools: ProjectedPool[]; exportName: string }) {
  const { t } = useLocale();
  const rows = useMemo<MonthTableRow[]>(() => pools.flatMap((p) => monthRows(p).map((r) => ({ ...r, pool: p.pool }))), [pools]);
  const columns = useMemo<TableColumn<MonthTableRow>[]>(
    () => [
      { id: 'pool', header: t('analysis.pool'), value: (r) => r.pool, text: (r) => t(`pool.${r.pool}`) },
      { id: 'month', header: t('projection.month'), value: (r) => r.month, numeric: true, format: decimal(0) },
      { id: 'thisYear', header: t('projection.thisYear'), value: (r) => r.thisYear, format: decimal(4) },
      { id: 'projected', header: t('projection.nextYear'), value: (r) => r.projected, format: decimal(4) },
    ],
    [t],
  );
  return <DataTable caption={t('projection.monthlyCaption', { pool: t('analysis.pool.all') })} rows={rows} columns={columns} rowKey={(r) => `${r.pool}-${r.month}`} exportName={exportName} testId="projection-months" />;
}
