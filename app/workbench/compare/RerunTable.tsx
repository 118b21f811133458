'use client';
import { useMemo, useState, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useLocale } from '../../i18n/locale';
import { ExportButtons } from '../../components/ExportButtons';
import type { ExportColumn } from '../../lib/export';

export type Tone = 'gain' | 'loss' | undefined;

/** One column: the value (sort, search, export), the text shown and its colour, and a fixed width. */
export interface RerunColumn<Row> {
  id: string;
  header: string;
  value: (row: Row) => string | number | null;
  /** the text of a cell (default: the value) */
  text?: (row: Row) => string;
  tone?: (row: Row) => Tone;
  numeric?: boolean;
  /** totals row */
  footer?: (rows: readonly Row[]) => { text: string; tone?: Tone } | string;
  numFmt?: string;
  /** CSS width of the column, e.g. '9em' */
  width: string;
  /** cut text wider than the column (with …) instead of letting it run over the next one */
  clip?: boolean;
}

export interface RerunTableProps<Row> {
  rows: readonly Row[];
  columns: RerunColumn<Row>[];
  /** a row's key, written to its row element as the attribute `rowKeyAttribute` (e.g. data-hospital-code) */
  rowKey: (row: Row) => string;
  rowKeyAttribute: `data-${string}`;
  onRowClick?: (key: string) => void;
  exportName: string;
  testId: string;
  initialSort?: SortingState;
  toolbar?: ReactNode;
  caption?: ReactNode;
}

const plainNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

function cellText(value: string | number | null): string {
  if (value === null) return '—';
  return typeof value === 'number' ? plainNumber.format(value) : value;
}

/**
 * A sortable, searchable table with a totals row and XLSX/CSV export, made for a table that a rerun rewrites
 * several times a second (the hospital impact table): the DOM rows stay in place and only their text changes
 * (rows are keyed by position, so a new sort order moves no element), each row is its own grid of fixed column
 * widths, and rows off screen skip layout and paint (content-visibility). A rerun then costs the browser the
 * rows in view, not all of them. Same markup as DataTable (table / thead / tbody tr / td) and the same test ids.
 */
export function RerunTable<Row>(props: RerunTableProps<Row>) {
  const { t } = useLocale();
  const [sorting, setSorting] = useState<SortingState>(props.initialSort ?? []);
  const [search, setSearch] = useState('');
  const columnDefs = useMemo<ColumnDef<Row>[]>(
    () =>
      props.columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: Row) => c.value(row),
        sortUndefined: 'last',
        sortingFn: c.numeric ? 'basic' : 'alphanumeric',
      })),
    [props.columns],
  );
  const table = useReactTable({
    data: props.rows as Row[],
    columns: columnDefs,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    onGlobalFilterChange: setSearch,
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    // no pages: without this, every new set of rows queues a reset of the page index, a second render of the table
    autoResetAll: false,
  });
  const visibleRows = table.getRowModel().rows.map((r) => r.original);
  const hasFooter = props.columns.some((c) => c.footer);
  const exportSpec = () => ({
    filename: props.exportName,
    columns: props.columns.map((c): ExportColumn<Row> => ({ header: c.header, value: c.value, ...(c.numFmt ? { numFmt: c.numFmt } : {}) })),
    rows: visibleRows,
  });
  const style = { '--rerun-columns': props.columns.map((c) => c.width).join(' ') } as CSSProperties;
  const { onRowClick, rowKeyAttribute } = props;
  // one listener for all rows: a row element shows another row whenever the order changes
  const onClick = onRowClick
    ? (e: MouseEvent<HTMLElement>) => {
        const key = (e.target as HTMLElement).closest('tr')?.getAttribute(rowKeyAttribute);
        if (key) onRowClick(key);
      }
    : undefined;
  const cellClass = (c: RerunColumn<Row>, tone: Tone) => {
    const base = c.numeric ? (c.clip ? 'num clip' : 'num') : c.clip ? 'clip' : '';
    return tone ? (base ? `${base} ${tone}` : tone) : base || undefined;
  };
  return (
    <div className="data-table">
      <div className="table-toolbar">
        {props.caption ? <span className="table-caption">{props.caption}</span> : null}
        {props.toolbar}
        <input type="search" placeholder={t('common.search')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid={`${props.testId}-search`} />
        <ExportButtons spec={exportSpec} testId={`${props.testId}-export`} />
      </div>
      <div className="table-scroll">
        <table className="rerun-table" data-testid={props.testId} style={style}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header, i) => {
                  const column = props.columns[i];
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      className={column?.numeric ? 'num' : undefined}
                      onClick={header.column.getToggleSortingHandler()}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      {column?.header}
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody onClick={onClick}>
            {visibleRows.map((row, index) => {
              const attributes = { [rowKeyAttribute]: props.rowKey(row) };
              return (
                <tr key={index} {...attributes} className={onRowClick ? 'clickable' : undefined}>
                  {props.columns.map((c) => (
                    <td key={c.id} className={cellClass(c, c.tone?.(row))} title={c.clip ? (c.text ? c.text(row) : cellText(c.value(row))) : undefined}>
                      {c.text ? c.text(row) : cellText(c.value(row))}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
          {hasFooter ? (
            <tfoot>
              <tr>
                {props.columns.map((c) => {
                  const footer = c.footer?.(visibleRows);
                  const cell = typeof footer === 'string' ? { text: footer } : footer;
                  return (
                    <td key={c.id} className={cellClass(c, cell?.tone)}>
                      {cell?.text}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </div>
  );
}
