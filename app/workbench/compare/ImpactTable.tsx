'use client';
import { memo, useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { formatCount, formatNumber, formatPercent, formatSignedWan, formatWan, wanUnit } from '../../lib/format';
import { change, type ImpactRow } from './impact';

export interface ImpactTableProps {
  rows: ImpactRow[];
  baselineName: string;
  roundNames: string[];
  onOpenHospital: (code: string) => void;
  exportName: string;
}

function sum(rows: readonly ImpactRow[], pick: (r: ImpactRow) => number | undefined): number {
  return rows.reduce((s, r) => s + (pick(r) ?? 0), 0);
}

function Signed({ yuan, ratio }: { yuan: number; ratio?: number }) {
  const { locale } = useLocale();
  const cls = yuan > 0.005 ? 'gain' : yuan < -0.005 ? 'loss' : undefined;
  return <span className={cls}>{ratio === undefined ? formatSignedWan(yuan, locale) : formatPercent(ratio, locale)}</span>;
}

/** 医院影响表: one row per hospital, settlement under each round, change vs baseline and vs the previous round. */
export const ImpactTable = memo(function ImpactTable({ rows, baselineName, roundNames, onOpenHospital, exportName }: ImpactTableProps) {
  const { t, locale } = useLocale();
  const [level, setLevel] = useState<number | null>(null);
  const [district, setDistrict] = useState<string>('');
  const [type, setType] = useState<string>('');
  const districts = useMemo(() => [...new Set(rows.map((r) => r.hospital.district).filter(Boolean))].sort() as string[], [rows]);
  const types = useMemo(() => [...new Set(rows.map((r) => r.hospital.type).filter(Boolean))].sort() as string[], [rows]);
  const filtered = useMemo(
    () =>
      rows.filter(
        (r) => (level === null || r.hospital.level === level) && (!district || r.hospital.district === district) && (!type || r.hospital.type === type),
      ),
    [rows, level, district, type],
  );
  const unit = wanUnit(locale);
  const columns = useMemo<TableColumn<ImpactRow>[]>(() => {
    const money = (yuan: number) => formatWan(yuan, locale);
    const list: TableColumn<ImpactRow>[] = [
      { id: 'code', header: t('hospitals.code'), value: (r) => r.hospital.code, footer: (rs) => `${t('hospitals.total')} (${rs.length})` },
      { id: 'name', header: t('hospitals.name'), value: (r) => r.hospital.name },
      { id: 'level', header: t('hospitals.level'), value: (r) => r.hospital.level, render: (r) => t(`level.${r.hospital.level as 1 | 2 | 3}`) },
      {
        id: 'cases', header: t('hospitals.cases'), numeric: true,
        value: (r) => casesOf(r), render: (r) => formatCount(casesOf(r), locale),
        footer: (rs) => formatCount(sum(rs, casesOf), locale),
      },
      { id: 'cmi', header: 'CMI', numeric: true, value: (r) => primary(r)?.cmi ?? null, render: (r) => formatNumber(primary(r)?.cmi ?? 0, locale, 3) },
      {
        id: 'baseline', header: `${baselineName} (${unit})`, numeric: true, numFmt: '#,##0.00',
        value: (r) => r.baseline?.settlement ?? null, render: (r) => money(r.baseline?.settlement ?? 0),
        footer: (rs) => money(sum(rs, (r) => r.baseline?.settlement)),
      },
    ];
    roundNames.forEach((name, i) => {
      const settlementOf = (r: ImpactRow) => r.rounds[i]?.settlement;
      const previousOf = (r: ImpactRow) => (i === 0 ? r.baseline?.settlement : r.rounds[i - 1]?.settlement);
      list.push(
        {
          id: `settlement-${i}`, header: `${name} (${unit})`, numeric: true, numFmt: '#,##0.00',
          value: (r) => settlementOf(r) ?? null, render: (r) => money(settlementOf(r) ?? 0),
          footer: (rs) => money(sum(rs, settlementOf)),
        },
        {
          id: `delta-${i}`, header: `${t('impact.vsBaseline')} (${unit})`, numeric: true, numFmt: '#,##0.00',
          value: (r) => change(r.baseline?.settlement, settlementOf(r)).yuan,
          render: (r) => <Signed yuan={change(r.baseline?.settlement, settlementOf(r)).yuan} />,
          footer: (rs) => <Signed yuan={sum(rs, settlementOf) - sum(rs, (r) => r.baseline?.settlement)} />,
        },
        {
          id: `ratio-${i}`, header: t('impact.vsBaselinePct'), numeric: true, numFmt: '0.00%',
          value: (r) => finiteOrNull(change(r.baseline?.settlement, settlementOf(r)).ratio),
          render: (r) => <Signed yuan={change(r.baseline?.settlement, settlementOf(r)).yuan} ratio={change(r.baseline?.settlement, settlementOf(r)).ratio} />,
        },
      );
      if (i > 0) {
        list.push({
          id: `previous-${i}`, header: `${t('impact.vsPrevious')} (${unit})`, numeric: true, numFmt: '#,##0.00',
          value: (r) => change(previousOf(r), settlementOf(r)).yuan,
          render: (r) => <Signed yuan={change(previousOf(r), settlementOf(r)).yuan} />,
        });
      }
    });
    list.push(
      {
        id: 'pcr', header: t('impact.paymentCostRatio'), numeric: true, numFmt: '0.000',
        value: (r) => primary(r)?.paymentCostRatio ?? null, render: (r) => formatNumber(primary(r)?.paymentCostRatio ?? 0, locale, 3),
      },
      ...(['high', 'low', 'special', 'ungrouped', 'excluded'] as const).map(
        (k): TableColumn<ImpactRow> => ({
          id: `class-${k}`, header: t(`class.${k}`), numeric: true,
          value: (r) => primary(r)?.cases[k] ?? 0,
          footer: (rs) => formatCount(sum(rs, (r) => primary(r)?.cases[k]), locale),
        }),
      ),
    );
    return list;
  }, [t, locale, unit, baselineName, roundNames]);

  const toolbar = (
    <>
      <select aria-label={t('hospitals.level')} value={level ?? ''} onChange={(e) => setLevel(e.target.value ? Number(e.target.value) : null)} data-testid="impact-level-filter">
        <option value="">{t('hospitals.level')}: {t('common.all')}</option>
        {[3, 2, 1].map((l) => <option key={l} value={l}>{t(`level.${l as 1 | 2 | 3}`)}</option>)}
      </select>
      <select aria-label={t('hospitals.district')} value={district} onChange={(e) => setDistrict(e.target.value)}>
        <option value="">{t('hospitals.district')}: {t('common.all')}</option>
        {districts.map((d) => <option key={d} value={d}>{d}</option>)}
      </select>
      <select aria-label={t('hospitals.type')} value={type} onChange={(e) => setType(e.target.value)}>
        <option value="">{t('hospitals.type')}: {t('common.all')}</option>
        {types.map((d) => <option key={d} value={d}>{d}</option>)}
      </select>
    </>
  );
  return (
    <DataTable
      caption={t('impact.title')}
      rows={filtered}
      columns={columns}
      rowKey={(r) => r.hospital.code}
      rowAttributes={(r) => ({ 'data-hospital-code': r.hospital.code })}
      onRowClick={(r) => onOpenHospital(r.hospital.code)}
      exportName={exportName}
      testId="hospital-impact-table"
      initialSort={[{ id: 'delta-0', desc: false }]}
      toolbar={toolbar}
    />
  );
});

function primary(r: ImpactRow) {
  return r.rounds[0] ?? r.baseline;
}

function casesOf(r: ImpactRow): number {
  const c = primary(r)?.cases;
  return c ? c.normal + c.high + c.low + c.special + c.ungrouped + c.excluded : 0;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
