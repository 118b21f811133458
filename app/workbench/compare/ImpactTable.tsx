'use client';
import { memo, useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import type { Locale } from '../../i18n/messages';
import { COUNT, decimal, formatCell, MONEY, PERCENT, SIGNED_MONEY, withUnit, type ColumnFormat } from '../../lib/column-format';
import { sumFen, sumYuan } from '../../lib/money';
import { change, type ImpactRow } from './impact';
import { RerunTable, type RerunColumn, type Tone } from './RerunTable';
import type { SettlementSummary } from '@/worker/settlement/result';
import { useStatementColumns } from './StatementColumnPicker';
import { PrintTable } from '../report/PrintTable';

export interface ImpactTableProps {
  rows: ImpactRow[];
  baselineName: string;
  roundNames: string[];
  onOpenHospital: (code: string) => void;
  exportName: string;
  /** the index in roundNames of the round being edited: its CMI, cases and ratio are shown, its change sorts */
  editedIndex?: number;
  /** the compared rounds' engine results (order of roundNames), for the optional statement columns */
  statementResults?: readonly (SettlementSummary | null)[];
  /** the printed report: also the table as the paper shows it, cut into parts that fit A4 (report/PrintTable) */
  printable?: boolean;
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

/** A column of figures: its format, how to read a row (and the totals), and the colour of a change. */
interface FigureSpec {
  id: string;
  header: string;
  width: string;
  format: ColumnFormat;
  value: (r: ImpactRow) => number | null;
  tone?: (r: ImpactRow) => Tone;
  total?: (rows: readonly ImpactRow[]) => number | null;
}

/**
 * A figure column: cells and totals show formatCell(format, value) — the figure the export carries — the cells'
 * texts remembered between reruns; a change's total is coloured by its sign.
 */
function figureColumn(spec: FigureSpec, locale: Locale): RerunColumn<ImpactRow> {
  const { format, value, total, tone } = spec;
  const shown = remembered((x) => formatCell(format, x, locale));
  const signed = format.kind === 'signedMoney' || format.kind === 'percent';
  return {
    id: spec.id, header: spec.header, width: spec.width, numeric: true, format, value,
    text: (r) => {
      const x = value(r);
      return x === null ? '—' : shown(x);
    },
    ...(tone ? { tone } : {}),
    ...(total
      ? {
          total,
          footer: (rs: readonly ImpactRow[]) => {
            const x = total(rs);
            return { text: formatCell(format, x, locale), tone: signed && x !== null ? toneOf(x) : undefined };
          },
        }
      : {}),
  };
}

/** The change of the rows' total between two figures, added in whole fen; its ratio (null without a first total). */
function changeOfTotals(
  rows: readonly ImpactRow[],
  from: (r: ImpactRow) => number | undefined,
  to: (r: ImpactRow) => number | undefined,
): { yuan: number; ratio: number | null } {
  const fromFen = sumFen(rows, from);
  const fen = sumFen(rows, to) - fromFen;
  return { yuan: fen / 100, ratio: fromFen !== 0 ? fen / Math.abs(fromFen) : null };
}

/** Column widths (em of the table's font): wide enough for the largest figures of a 1 M-case city. */
const WIDTH = { code: '6em', name: '13.5em', level: '4.5em', count: '7em', ratio: '5.5em', money: '9.5em', percent: '6.5em', cases: '6em' };

/** 医院影响表: one row per hospital, settlement under each round, change vs baseline and vs the previous round. */
export const ImpactTable = memo(function ImpactTable({ rows, baselineName, roundNames, onOpenHospital, exportName, editedIndex = 0, statementResults, printable = false }: ImpactTableProps) {
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
  const statement = useStatementColumns(filtered, statementResults, roundNames);
  const columns = useMemo<RerunColumn<ImpactRow>[]>(() => {
    const figure = (spec: FigureSpec) => figureColumn(spec, locale);
    const baselineOf = (r: ImpactRow) => r.baseline?.settlement;
    const list: RerunColumn<ImpactRow>[] = [
      {
        id: 'code', header: t('hospitals.code'), width: WIDTH.code, value: (r) => r.hospital.code,
        total: (rs) => `${t('hospitals.total')} (${rs.length})`, footer: (rs) => `${t('hospitals.total')} (${rs.length})`,
      },
      { id: 'name', header: t('hospitals.name'), width: WIDTH.name, clip: true, value: (r) => r.hospital.name },
      { id: 'level', header: t('hospitals.level'), width: WIDTH.level, value: (r) => r.hospital.level, text: (r) => t(`level.${r.hospital.level as 1 | 2 | 3}`) },
      figure({ id: 'cases', header: t('hospitals.cases'), width: WIDTH.count, format: COUNT, value: (r) => casesOf(r, editedIndex), total: (rs) => sum(rs, (r) => casesOf(r, editedIndex)) }),
      figure({ id: 'cmi', header: 'CMI', width: WIDTH.ratio, format: decimal(3), value: (r) => primary(r, editedIndex)?.cmi ?? null }),
      figure({
        id: 'baseline', header: withUnit(baselineName, MONEY, locale), width: WIDTH.money, format: MONEY,
        value: (r) => baselineOf(r) ?? null, total: (rs) => sumYuan(rs, baselineOf),
      }),
    ];
    roundNames.forEach((name, i) => {
      const settlementOf = (r: ImpactRow) => r.rounds[i]?.settlement;
      const previousOf = (r: ImpactRow) => (i === 0 ? r.baseline?.settlement : r.rounds[i - 1]?.settlement);
      const delta = (r: ImpactRow) => change(baselineOf(r), settlementOf(r));
      const deltaTone = (r: ImpactRow) => toneOf(delta(r).yuan);
      list.push(
        figure({
          id: `settlement-${i}`, header: withUnit(name, MONEY, locale), width: WIDTH.money, format: MONEY,
          value: (r) => settlementOf(r) ?? null, total: (rs) => sumYuan(rs, settlementOf),
        }),
        figure({
          id: `delta-${i}`, header: withUnit(t('impact.vsBaseline'), SIGNED_MONEY, locale), width: WIDTH.money, format: SIGNED_MONEY,
          value: (r) => delta(r).yuan, tone: deltaTone, total: (rs) => changeOfTotals(rs, baselineOf, settlementOf).yuan,
        }),
        figure({
          id: `ratio-${i}`, header: withUnit(t('impact.vsBaseline'), PERCENT, locale), width: WIDTH.percent, format: PERCENT,
          value: (r) => finiteOrNull(delta(r).ratio), tone: deltaTone, total: (rs) => changeOfTotals(rs, baselineOf, settlementOf).ratio,
        }),
      );
      if (i > 0) {
        const step = (r: ImpactRow) => change(previousOf(r), settlementOf(r)).yuan;
        list.push(
          figure({
            id: `previous-${i}`, header: withUnit(t('impact.vsPrevious'), SIGNED_MONEY, locale), width: WIDTH.money, format: SIGNED_MONEY,
            value: step, tone: (r) => toneOf(step(r)), total: (rs) => changeOfTotals(rs, previousOf, settlementOf).yuan,
          }),
        );
      }
    });
    list.push(
      figure({ id: 'pcr', header: t('impact.paymentCostRatio'), width: WIDTH.ratio, format: decimal(3), value: (r) => primary(r, editedIndex)?.paymentCostRatio ?? null }),
      ...(['high', 'low', 'special', 'ungrouped', 'excluded'] as const).map((k) =>
        figure({
          id: `class-${k}`, header: t(`class.${k}`), width: WIDTH.cases, format: COUNT,
          value: (r) => primary(r, editedIndex)?.cases[k] ?? 0, total: (rs) => sum(rs, (r) => primary(r, editedIndex)?.cases[k]),
        }),
      ),
    );
    list.push(...statement.specs.map(figure));
    return list;
  }, [t, locale, baselineName, roundNames, editedIndex, statement.specs]);

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
      {statement.picker}
    </>
  );
  return (
    <>
    <RerunTable
      caption={t('impact.title')}
      rows={statement.rows}
      columns={columns}
      rowKey={hospitalCode}
      rowKeyAttribute="data-hospital-code"
      onRowClick={onOpenHospital}
      exportName={exportName}
      testId="hospital-impact-table"
      initialSort={[{ id: `delta-${editedIndex}`, desc: false }]}
      frozenColumns={2}
      toolbar={toolbar}
    />
    {printable ? (
      <PrintTable
        title={t('impact.title')}
        note={t('print.keyNote', { count: statement.rows.length })}
        rows={statement.rows}
        columns={columns}
        keyColumns={2}
        sortBy={`delta-${editedIndex}`}
        groupOf={roundOfColumn}
        testId="print-impact-table"
      />
    ) : null}
    </>
  );
});

/** the round (and fund) a column's figures are of: `settlement-1`, `delta-1` … `statement-1-employee-…` */
function roundOfColumn(c: RerunColumn<ImpactRow>): string {
  return /^(?:settlement|delta|ratio|previous)-(\d+)$/.exec(c.id)?.[1] ?? /^statement-\d+-[a-z]+/.exec(c.id)?.[0] ?? '';
}

function hospitalCode(r: ImpactRow): string {
  return r.hospital.code;
}

/** the edited round's outcome (the baseline's where the round has none) */
function primary(r: ImpactRow, editedIndex: number) {
  return r.rounds[editedIndex] ?? r.baseline;
}

function casesOf(r: ImpactRow, editedIndex: number): number {
  const c = primary(r, editedIndex)?.cases;
  return c ? c.normal + c.high + c.low + c.special + c.ungrouped + c.excluded : 0;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
