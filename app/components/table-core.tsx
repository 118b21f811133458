'use client';
import { useMemo, useState, type ReactNode } from 'react';
import { getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState, type Table } from '@tanstack/react-table';
import { useLocale } from '../i18n/locale';
import { ExportButtons } from './ExportButtons';
import { formatCell, isNumeric, type CellValue, type ColumnFormat } from '../lib/column-format';
import type { ExportColumn, ExportSpec } from '../lib/export';

/**
 * What the app's tables (DataTable, and RerunTable for the table a rerun rewrites) share: a column's value for
 * sort, search and export, the sorted and searched rows, the toolbar with search and XLSX/CSV export, and the
 * sortable header.
 */
export interface SortableColumn<Row> {
  id: string;
  /** the header with the unit of its figures, e.g. "第1轮 (万元)" (column-format's withUnit) */
  header: string;
  /** the value to sort and search by, and of a numeric column the figure shown and exported (yuan, ratio …) */
  value: (row: Row) => string | number | null;
  /** right-aligned, sorted as numbers (default: whether the format is a figure's) */
  numeric?: boolean;
  /** how the value shows and exports (column-format.ts): money in 万元, ratios in %, counts, decimals; default text */
  format?: ColumnFormat;
  /**
   * the text of a cell as shown; of a text column also what its export carries (a level's name for its number,
   * 是/否 for a flag). A numeric column's text must be formatCell(format, value): its export carries the figure.
   */
  text?: (row: Row) => string;
  /** the totals row's value (in the value's unit: yuan, a count …; or a text such as "合计 (170)"), shown and exported */
  total?: (rows: readonly Row[]) => CellValue;
}

/** The export of a table: the rows shown (filtered, sorted), their figures as shown, and the totals row if any. */
export function exportSpecOf<Row>(filename: string, columns: readonly SortableColumn<Row>[], rows: readonly Row[]): ExportSpec<Row> {
  const exported = columns.map(
    (c): ExportColumn<Row> => ({ header: c.header, format: c.format, value: isNumeric(c.format) || !c.text ? c.value : c.text }),
  );
  const totals = columns.some((c) => c.total) ? columns.map((c) => c.total?.(rows) ?? null) : undefined;
  return { filename, columns: exported, rows, totals };
}

/** Whether a column holds figures: right-aligned, sorted as numbers. */
export function isNumericColumn<Row>(column: Pick<SortableColumn<Row>, 'numeric' | 'format'>): boolean {
  return column.numeric ?? isNumeric(column.format);
}

/** What the search box matches in a cell: a text column's text as shown (二级, not 2), else the value. */
function searchText<Row>(column: SortableColumn<Row> | undefined, row: Row, value: unknown): string {
  const text = column?.text && !isNumericColumn(column) ? column.text(row) : value === null || value === undefined ? '' : String(value);
  return text.toLowerCase();
}

/** The rows sorted by the clicked header and filtered by the search box. */
export function useSortedRows<Row>(rows: readonly Row[], columns: readonly SortableColumn<Row>[], initialSort: SortingState | undefined) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ?? []);
  const [search, setSearch] = useState('');
  const columnDefs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: Row) => c.value(row),
        sortUndefined: 'last',
        sortingFn: isNumericColumn(c) ? 'basic' : 'alphanumeric',
      })),
    [columns],
  );
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const table = useReactTable({
    data: rows as Row[],
    columns: columnDefs,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    onGlobalFilterChange: setSearch,
    globalFilterFn: (row, columnId, filter: string) => searchText(byId.get(columnId), row.original, row.getValue(columnId)).includes(filter.toLowerCase()),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    // no pages: without this, every new set of rows queues a reset of the page index, a second render of the table
    autoResetAll: false,
  });
  // the same array until the rows, their order or the search change (the row model is memoized by the table)
  const model = table.getRowModel();
  const visibleRows = useMemo(() => model.rows.map((r) => r.original), [model]);
  return { table, visibleRows, search, setSearch };
}

/** A value as a cell of no format shows it when the column gives no text of its own (RerunTable's default). */
export function cellText(value: string | number | null): string {
  return formatCell(undefined, value, 'zh');
}

/** Caption, filters, the search box and the export of the rows shown (filtered and sorted). */
export function TableToolbar<Row>(props: {
  caption?: ReactNode;
  toolbar?: ReactNode;
  search: string;
  onSearch: (search: string) => void;
  testId?: string | undefined;
  exportName: string;
  columns: readonly SortableColumn<Row>[];
  rows: Row[];
}) {
  const { t } = useLocale();
  const exportSpec = () => exportSpecOf(props.exportName, props.columns, props.rows);
  return (
    <div className="table-toolbar">
      {props.caption ? <span className="table-caption">{props.caption}</span> : null}
      {props.toolbar}
      <input
        type="search"
        placeholder={t('common.search')}
        value={props.search}
        onChange={(e) => props.onSearch(e.target.value)}
        data-testid={props.testId ? `${props.testId}-search` : undefined}
      />
      <ExportButtons spec={exportSpec} {...(props.testId ? { testId: `${props.testId}-export` } : {})} />
    </div>
  );
}

/** The header row: click a column to sort by it (▲ ascending, ▼ descending). */
export function SortableHeader<Row>({ table, columns }: { table: Table<Row>; columns: readonly SortableColumn<Row>[] }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const column = columns.find((c) => c.id === header.column.id);
            const sorted = header.column.getIsSorted();
            return (
              <th
                key={header.id}
                className={column && isNumericColumn(column) ? 'num' : undefined}
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
  );
}
