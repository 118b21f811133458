'use client';
import { memo, useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { formatCount, formatNumber, formatPercent, formatSignedWan, formatWan, wanUnit } from '../../lib/format';
import { change, type ImpactRow } from './impact';
import { RerunTable, type RerunColumn, type Tone } from './RerunTable';

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

function toneOf(yuan: number): Tone {
  return yuan > 0.005 ? 'gain' : yuan < -0.005 ? 'loss' : undefined;
}

/**
 * A formatter that remembers its last texts: most figures of a row (baseline, cases, CMI, case classes) are
 * the same from one rerun to the next, and Intl formatting is the larger part of rendering the table.
 */
function remembered(format: (x: number) => string): (x: number) => string {
  const texts = new Map<number, string>();
  return (x) => {
    let text = texts.get(x);
    if (text === undefined) {
      if (texts.size > 4000) texts.clear();
      text = format(x);
      texts.set(x, text);
    }
    return text;
  };
}

/** Column widths (em of the table's font): wide enough for the largest figures of a 1 M-case city. */
const WIDTH = { code: '6em', name: '13.5em', level: '4.5em', count: '7em', ratio: '5.5em', money: '9.5em', percent: '6.5em', cases: '6em' };

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
  const columns = useMemo<RerunColumn<ImpactRow>[]>(() => {
    const money = (yuan: number) => formatWan(yuan, locale);
    const moneyText = remembered(money);
    const count = remembered((n) => formatCount(n, locale));
    const ratio3 = remembered((x) => formatNumber(x, locale, 3));
    const signed = remembered((yuan) => formatSignedWan(yuan, locale));
    const list: RerunColumn<ImpactRow>[] = [
      { id: 'code', header: t('hospitals.code'), width: WIDTH.code, value: (r) => r.hospital.code, footer: (rs) => `${t('hospitals.total')} (${rs.length})` },
      { id: 'name', header: t('hospitals.name'), width: WIDTH.name, clip: true, value: (r) => r.hospital.name },
      { id: 'level', header: t('hospitals.level'), width: WIDTH.level, value: (r) => r.hospital.level, text: (r) => t(`level.${r.hospital.level as 1 | 2 | 3}`) },
      {
        id: 'cases', header: t('hospitals.cases'), numeric: true, width: WIDTH.count,
        value: (r) => casesOf(r), text: (r) => count(casesOf(r)),
        footer: (rs) => formatCount(sum(rs, casesOf), locale),
      },
      { id: 'cmi', header: 'CMI', numeric: true, width: WIDTH.ratio, value: (r) => primary(r)?.cmi ?? null, text: (r) => ratio3(primary(r)?.cmi ?? 0) },
      {
        id: 'baseline', header: `${baselineName} (${unit})`, numeric: true, numFmt: '#,##0.00', width: WIDTH.money,
        value: (r) => r.baseline?.settlement ?? null, text: (r) => moneyText(r.baseline?.settlement ?? 0),
        footer: (rs) => money(sum(rs, (r) => r.baseline?.settlement)),
      },
    ];
    roundNames.forEach((name, i) => {
      const settlementOf = (r: ImpactRow) => r.rounds[i]?.settlement;
      const previousOf = (r: ImpactRow) => (i === 0 ? r.baseline?.settlement : r.rounds[i - 1]?.settlement);
      const delta = (r: ImpactRow) => change(r.baseline?.settlement, settlementOf(r));
      list.push(
        {
          id: `settlement-${i}`, header: `${name} (${unit})`, numeric: true, numFmt: '#,##0.00', width: WIDTH.money,
          value: (r) => settlementOf(r) ?? null, text: (r) => moneyText(settlementOf(r) ?? 0),
          footer: (rs) => money(sum(rs, settlementOf)),
        },
        {
          id: `delta-${i}`, header: `${t('impact.vsBaseline')} (${unit})`, numeric: true, numFmt: '#,##0.00', width: WIDTH.money,
          value: (r) => delta(r).yuan,
          text: (r) => signed(delta(r).yuan),
          tone: (r) => toneOf(delta(r).yuan),
          footer: (rs) => {
            const yuan = sum(rs, settlementOf) - sum(rs, (r) => r.baseline?.settlement);
            return { text: formatSignedWan(yuan, locale), tone: toneOf(yuan) };
          },
        },
        {
          id: `ratio-${i}`, header: t('impact.vsBaselinePct'), numeric: true, numFmt: '0.00%', width: WIDTH.percent,
          value: (r) => finiteOrNull(delta(r).ratio),
          text: (r) => formatPercent(delta(r).ratio, locale),
          tone: (r) => toneOf(delta(r).yuan),
        },
      );
      if (i > 0) {
        list.push({
          id: `previous-${i}`, header: `${t('impact.vsPrevious')} (${unit})`, numeric: true, numFmt: '#,##0.00', width: WIDTH.money,
          value: (r) => change(previousOf(r), settlementOf(r)).yuan,
          text: (r) => signed(change(previousOf(r), settlementOf(r)).yuan),
          tone: (r) => toneOf(change(previousOf(r), settlementOf(r)).yuan),
        });
      }
    });
    list.push(
      {
        id: 'pcr', header: t('impact.paymentCostRatio'), numeric: true, numFmt: '0.000', width: WIDTH.ratio,
        value: (r) => primary(r)?.paymentCostRatio ?? null, text: (r) => ratio3(primary(r)?.paymentCostRatio ?? 0),
      },
      ...(['high', 'low', 'special', 'ungrouped', 'excluded'] as const).map(
        (k): RerunColumn<ImpactRow> => ({
          id: `class-${k}`, header: t(`class.${k}`), numeric: true, width: WIDTH.cases,
          value: (r) => primary(r)?.cases[k] ?? 0,
          text: (r) => count(primary(r)?.cases[k] ?? 0),
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
    <RerunTable
      caption={t('impact.title')}
      rows={filtered}
      columns={columns}
      rowKey={hospitalCode}
      rowKeyAttribute="data-hospital-code"
      onRowClick={onOpenHospital}
      exportName={exportName}
      testId="hospital-impact-table"
      initialSort={[{ id: 'delta-0', desc: false }]}
      frozenColumns={2}
      toolbar={toolbar}
    />
  );
});

function hospitalCode(r: ImpactRow): string {
  return r.hospital.code;
}

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
