'use client';
import { memo, useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { COUNT, formatCell, MONEY, SIGNED_MONEY, withUnit } from '../../lib/column-format';
import type { Locale } from '../../i18n/messages';
import { FAMILIES, familyLabelKey } from './families';
import { cityTotal, interactionFen, type AttributionRow, type FenFigures, type LevelAttributionRow } from './attribution-rows';
import styles from './analysis.module.css';

type R = AttributionRow;

/** the table's columns: the Shapley parts (they add up to the change), or one change at a time and the interaction (CMS style) */
export type ColumnMode = 'parts' | 'alone';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
const sumFen = <R,>(rows: readonly R[], fen: (r: R) => number) => rows.reduce((s, r) => s + fen(r), 0) / 100;

/** A signed money column of fen figures (the value in yuan, as every money column holds it). */
function fenColumn<R>(id: string, header: string, fen: (r: R) => number, locale: Locale, total?: (rows: readonly R[]) => number): TableColumn<R> {
  return {
    id,
    header: withUnit(header, SIGNED_MONEY, locale),
    value: (r) => fen(r) / 100,
    format: SIGNED_MONEY,
    render: (r) => {
      const value = fen(r);
      return <span className={value > 0 ? 'gain' : value < 0 ? 'loss' : undefined}>{formatCell(SIGNED_MONEY, value / 100, locale)}</span>;
    },
    total: total ?? ((rows) => sumFen(rows, fen)),
  };
}

/** The change and the family columns of either mode, for the hospital table and the level table alike. */
export function familyColumns<R extends FenFigures>(mode: ColumnMode, t: T, locale: Locale, total?: (rows: readonly R[]) => FenFigures): TableColumn<R>[] {
  const totalOf = (pick: (f: FenFigures) => number) => (total ? (rows: readonly R[]) => pick(total(rows)) / 100 : undefined);
  const change = fenColumn<R>('change', t('analysis.change'), (r) => r.change, locale, totalOf((f) => f.change));
  if (mode === 'parts') {
    return [change, ...FAMILIES.map((f) => fenColumn<R>(`part-${f}`, t(familyLabelKey(f)), (r) => r.parts[f], locale, totalOf((x) => x.parts[f])))];
  }
  return [
    change,
    ...FAMILIES.map((f) => fenColumn<R>(`alone-${f}`, t('analysis.alone', { family: t(familyLabelKey(f)) }), (r) => r.alone[f], locale, totalOf((x) => x.alone[f]))),
    fenColumn<R>('interaction', t('analysis.interaction'), (r) => interactionFen(r), locale, totalOf((x) => interactionFen(x))),
  ];
}

export interface AttributionTableProps {
  rows: AttributionRow[];
  mode: ColumnMode;
  caption: string;
  selected: string | null;
  onSelect: (code: string) => void;
  exportName: string;
}

/** Hospitals × families: sortable, searchable, exported as shown (万元; totals added in fen). */
export const AttributionTable = memo(function AttributionTable(props: AttributionTableProps) {
  const { t, locale } = useLocale();
  const { mode } = props;
  const columns = useMemo<TableColumn<R>[]>(
    () => [
      { id: 'code', header: t('hospitals.code'), value: (r) => r.code, total: (rows) => `${t('hospitals.total')} (${rows.length})` },
      { id: 'name', header: t('hospitals.name'), value: (r) => r.name },
      { id: 'level', header: t('hospitals.level'), value: (r) => r.level, text: (r) => t(`level.${r.level as 1 | 2 | 3}`) },
      ...(mode === 'parts'
        ? [
            { id: 'from', header: withUnit(t('analysis.from'), MONEY, locale), value: (r: R) => r.from / 100, format: MONEY, total: (rows: readonly R[]) => sumFen(rows, (r) => r.from) },
            { id: 'to', header: withUnit(t('analysis.to'), MONEY, locale), value: (r: R) => r.to / 100, format: MONEY, total: (rows: readonly R[]) => sumFen(rows, (r) => r.to) },
          ]
        : []),
      ...familyColumns<R>(mode, t, locale),
    ],
    [mode, t, locale],
  );
  return (
    <div className={styles.tableWrap}>
    <DataTable
      caption={props.caption}
      rows={props.rows}
      columns={columns}
      rowKey={(r) => r.code}
      rowAttributes={(r) => ({
        'data-hospital-code': r.code,
        'data-change': String(r.change),
        'data-parts': FAMILIES.map((f) => r.parts[f]).join(','),
        ...(r.code === props.selected ? { 'data-selected': 'true' } : {}),
      })}
      onRowClick={(r) => props.onSelect(r.code)}
      exportName={props.exportName}
      testId="attribution-table"
      initialSort={[{ id: 'change', desc: true }]}
    />
    </div>
  );
});

/** Totals by level and pool (each pool then its total), the city's total in the footer. */
export const LevelAttributionTable = memo(function LevelAttributionTable({ rows, mode, exportName }: { rows: LevelAttributionRow[]; mode: ColumnMode; exportName: string }) {
  const { t, locale } = useLocale();
  const columns = useMemo<TableColumn<LevelAttributionRow>[]>(
    () => [
      { id: 'pool', header: t('analysis.pool'), value: (r) => r.pool, text: (r) => t(`pool.${r.pool}`), total: () => t('hospitals.total') },
      { id: 'level', header: t('hospitals.level'), value: (r) => r.level ?? 0, text: (r) => (r.level === null ? t('analysis.poolTotal', { pool: t(`pool.${r.pool}`) }) : t(`level.${r.level as 1 | 2 | 3}`)) },
      { id: 'hospitals', header: t('levels.hospitals'), value: (r) => r.hospitals, format: COUNT },
      ...familyColumns<LevelAttributionRow>(mode, t, locale, (shown) => cityTotal(shown)),
    ],
    [mode, t, locale],
  );
  return (
    <DataTable
      caption={t('analysis.levelCaption')}
      rows={rows}
      columns={columns}
      rowKey={(r) => `${r.pool}-${r.level ?? 'all'}`}
      rowAttributes={(r) => ({ 'data-pool': r.pool, 'data-level': String(r.level ?? 'all'), 'data-change': String(r.change), 'data-parts': FAMILIES.map((f) => r.parts[f]).join(',') })}
      exportName={exportName}
      testId="attribution-levels"
    />
  );
});
