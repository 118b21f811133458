'use client';
import { useMemo, useState, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useLocale } from '../i18n/locale';
import { ExportButtons } from './ExportButtons';
import type { ExportColumn } from '../lib/export';

/** One column: how to read the value (sort, search, export) and, optionally, how to show it. */
export interface TableColumn<Row> {
  id: string;
  header: string;
  value: (row: Row) => string | number | null;
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
  /** footer cell of the totals row */
  footer?: (rows: readonly Row[]) => ReactNode;
  numFmt?: string;
}

export interface DataTableProps<Row> {
  rows: readonly Row[];
  columns: TableColumn<Row>[];
  rowKey: (row: Row) => string;
  /** data-* attributes of a row, e.g. { 'data-hospital-code': code } */
  rowAttributes?: (row: Row) => Record<string, string>;
  onRowClick?: (row: Row) => void;
  exportName: string;
  testId?: string;
  initialSort?: SortingState;
  /** extra controls shown before the search box (filters) */
  toolbar?: ReactNode;
  caption?: ReactNode;
}

/** A sortable, searchable table with a totals row and XLSX/CSV export of every (filtered) row. */
export function DataTable<Row>(props: DataTableProps<Row>) {
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
  });
  const visibleRows = table.getRowModel().rows.map((r) => r.original);
  const hasFooter = props.columns.some((c) => c.footer);
  const exportSpec = () => ({
    filename: props.exportName,
    columns: props.columns.map((c): ExportColumn<Row> => ({ header: c.header, value: c.value, ...(c.numFmt ? { numFmt: c.numFmt } : {}) })),
    rows: visibleRows,
  });
  return (
    <div className="data-table">
      <div className="table-toolbar">
        {props.caption ? <span className="table-caption">{props.caption}</span> : null}
        {props.toolbar}
        <input
          type="search"
          placeholder={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid={props.testId ? `${props.testId}-search` : undefined}
        />
        <ExportButtons spec={exportSpec} {...(props.testId ? { testId: `${props.testId}-export` } : {})} />
      </div>
      <div className="table-scroll">
        <table data-testid={props.testId}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = props.columns.find((c) => c.id === header.column.id);
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      className={column?.numeric ? 'num' : undefined}
                      onClick={header.column.getToggleSortingHandler()}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={props.rowKey(row.original)}
                {...props.rowAttributes?.(row.original)}
                onClick={props.onRowClick ? () => props.onRowClick?.(row.original) : undefined}
                className={props.onRowClick ? 'clickable' : undefined}
              >
                {props.columns.map((c) => (
                  // cells are rendered directly, not through flexRender: a cell function is not a component,
                  // so new column definitions do not remount every cell
                  <td key={c.id} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(row.original) : formatCell(c.value(row.original))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {hasFooter ? (
            <tfoot>
              <tr>
                {props.columns.map((c) => (
                  <td key={c.id} className={c.numeric ? 'num' : undefined}>
                    {c.footer?.(visibleRows)}
                  </td>
                ))}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </div>
  );
}

function formatCell(value: string | number | null): ReactNode {
  if (value === null) return '—';
  return typeof value === 'number' ? plainNumber.format(value) : value;
}

const plainNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
