'use client';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { DataTable, type TableColumn } from '../components/DataTable';
import { ExportSubjectProvider } from '../components/ExportSubject';
import { COUNT, decimal, formatCell, MONEY, SIGNED_MONEY, withUnit } from '../lib/column-format';
import { formatMoney, formatNumber, formatPercent, formatSignedWan, wanUnit } from '../lib/format';
import { sumFen, sumYuan } from '../lib/money';
import { StatementTable } from '../workbench/hospital/StatementTable';
import { MonthlyTable } from '../workbench/hospital/MonthlyTable';
import { OutlierCases } from '../workbench/hospital/OutlierCases';
import { MyAttribution } from './MyAttribution';
import { POOLS } from '@/worker/settlement/types';
import type { DrgChange } from '../workbench/hospital/hospital-detail';

type Drg = DrgChange & { name: string };
const POINTS = decimal(1);

/**
 * 本院: how a round treats one hospital against a baseline, settled on the server (myHospital.compare) and cut
 * to that hospital and the city's totals. A hospital user sees only its own hospital and rounds from 'proposed' on.
 */
export function MyHospitalView({ ownHospital }: { ownHospital: string | null }) {
  const trpc = useTRPC();
  const { t, locale } = useLocale();
  const asked = useSearchParams().get('hospital');
  const hospitalCode = ownHospital ?? asked ?? 'H001';
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const [datasetChoice, setDataset] = useState<number | null>(null);
  const datasetId = datasetChoice ?? datasets.data?.[0]?.id ?? null;
  const rounds = useQuery(trpc.myHospital.rounds.queryOptions({ datasetId: datasetId ?? 0 }, { enabled: datasetId !== null }));
  const [baselineChoice, setBaseline] = useState<number | null>(null);
  const [roundChoice, setRound] = useState<number | null>(null);
  const list = rounds.data ?? [];
  const baselineId = baselineChoice ?? list[0]?.id ?? null;
  const roundId = roundChoice ?? list[list.length - 1]?.id ?? null;
  const ready = datasetId !== null && baselineId !== null && roundId !== null;
  const view = useQuery(
    trpc.myHospital.compare.queryOptions(
      { datasetId: datasetId ?? 0, baselineId: baselineId ?? 0, roundId: roundId ?? 0, ...(ownHospital ? {} : { hospitalCode }) },
      { enabled: ready },
    ),
  );
  const data = view.data;

  const drgColumns = useMemo<TableColumn<Drg>[]>(
    () => [
      { id: 'code', header: 'DRG', value: (d) => d.code, total: (ds) => `${t('hospitals.total')} (${ds.length})` },
      { id: 'name', header: t('hospital.drgName'), value: (d) => d.name },
      { id: 'cases', header: t('hospitals.cases'), value: (d) => d.cases, numeric: true, format: COUNT, total: (ds) => ds.reduce((s, d) => s + d.cases, 0) },
      { id: 'points', header: t('hospital.points'), value: (d) => d.points, numeric: true, format: POINTS },
      { id: 'revenue', header: withUnit(t('hospital.revenue'), MONEY, locale), value: (d) => d.revenue, numeric: true, format: MONEY, total: (ds) => sumYuan(ds, (d) => d.revenue) },
      {
        id: 'change', header: withUnit(t('impact.vsBaseline'), SIGNED_MONEY, locale), value: (d) => d.change, numeric: true, format: SIGNED_MONEY,
        render: (d) => <span className={d.change > 0 ? 'gain' : d.change < 0 ? 'loss' : undefined}>{formatCell(SIGNED_MONEY, d.change, locale)}</span>,
        total: (ds) => (sumFen(ds, (d) => d.revenue) - sumFen(ds, (d) => d.baselineRevenue)) / 100,
      },
    ],
    [t, locale],
  );

  if (datasets.isLoading || rounds.isLoading) return <p>{t('common.loading')}</p>;
  if (datasetId === null) return <p>{t('datasets.empty')}</p>;
  if (!list.length) return <p>{t('myHospital.noRounds')}</p>;
  const settlementFen = (statements: { settlementFen: number }[]) => statements.reduce((s, x) => s + x.settlementFen, 0);
  const before = data ? settlementFen(data.baseline.statements) : 0;
  const after = data ? settlementFen(data.round.statements) : 0;

  return (
    <div data-testid="my-hospital">
      <div className="toolbar-row panel">
        <label>
          {t('nav.datasets')}{' '}
          <select value={datasetId} onChange={(e) => setDataset(Number(e.target.value))}>
            {(datasets.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label>
          {t('myHospital.baseline')}{' '}
          <select value={baselineId ?? ''} onChange={(e) => setBaseline(Number(e.target.value))} data-testid="my-baseline">
            {list.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
        <label>
          {t('myHospital.round')}{' '}
          <select value={roundId ?? ''} onChange={(e) => setRound(Number(e.target.value))} data-testid="my-round">
            {list.map((r) => <option key={r.id} value={r.id}>{r.name} · {t(`status.${r.status}`)}</option>)}
          </select>
        </label>
      </div>
      {view.error ? <p className="error">{view.error.message}</p> : null}
      {!data ? <p className="muted">{t('settle.running')}</p> : (
        <ExportSubjectProvider
          subject={{
            dataset: datasets.data?.find((d) => d.id === datasetId)?.name ?? '',
            baseline: { name: data.baseline.name, fingerprint: data.baseline.fingerprint },
            rounds: [{ name: data.round.name, fingerprint: data.round.fingerprint }],
          }}
        >
          <h2 data-testid="my-hospital-name">{data.hospital.code} {data.hospital.name} · {t(`level.${data.hospital.level as 1 | 2 | 3}`)}</h2>
          <div className="cards">
            <div className="card"><div className="label">{data.baseline.name} · {t('hospital.settlement')}</div><div className="value">{formatMoney(before / 100, locale)}</div></div>
            <div className="card"><div className="label">{data.round.name} · {t('hospital.settlement')}</div><div className="value">{formatMoney(after / 100, locale)}</div></div>
            <div className="card" data-testid="my-change">
              <div className="label">{t('impact.vsBaseline')}</div>
              <div className={`value ${after > before ? 'gain' : after < before ? 'loss' : ''}`}>{formatSignedWan((after - before) / 100, locale)} {wanUnit(locale)}</div>
              <div className="muted">{before ? formatPercent((after - before) / Math.abs(before), locale) : '—'}</div>
            </div>
            {POOLS.filter((p) => data.round.city.pointValue[p] !== undefined).map((p) => (
              <div className="card" key={p}><div className="label">{t(`pool.${p}`)} · {t('myHospital.pointValue')}</div><div className="value">{formatNumber(data.round.city.pointValue[p]!, locale, 4)}</div></div>
            ))}
            <div className="card"><div className="label">{t('myHospital.citySettlement')}</div><div className="value">{formatMoney(data.round.city.settlementFen / 100, locale)}</div></div>
            {data.level ? (
              <div className="card"><div className="label">{t('myHospital.levelChange', { level: t(`level.${data.level.level as 1 | 2 | 3}`), n: data.level.hospitals })}</div><div className="value">{formatSignedWan((data.level.roundFen - data.level.baselineFen) / 100, locale)} {wanUnit(locale)}</div></div>
            ) : null}
          </div>
          <StatementTable
            code={data.hospital.code}
            roundName={data.round.name}
            baselineName={data.baseline.name}
            method={data.round.city.method}
            basis={data.round.city.basis}
            round={data.round.statements}
            baseline={data.baseline.statements}
          />
          {POOLS.map((pool) => {
            const months = data.round.months.filter((m) => m.pool === pool);
            return months.length ? <MonthlyTable key={pool} code={data.hospital.code} pool={pool} months={months} method={data.round.city.method} /> : null;
          })}
          <DataTable
            caption={t('hospital.drgTitle', { round: data.round.name, baseline: data.baseline.name })}
            rows={data.drgs}
            columns={drgColumns}
            rowKey={(d) => d.code}
            exportName={`drgs-${data.hospital.code}`}
            testId="my-hospital-drgs"
          />
          <MyAttribution datasetId={datasetId} baselineId={data.baseline.id} roundId={data.round.id} hospitalCode={ownHospital ? null : hospitalCode} exportName={`${data.hospital.code}-${data.round.name}-vs-${data.baseline.name}`} />
          <OutlierCases datasetId={datasetId} code={data.hospital.code} source={{ roundId: data.round.id, asHospital: ownHospital ? null : hospitalCode }} />
        </ExportSubjectProvider>
      )}
    </div>
  );
}
