'use client';
import type { ReactNode } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { useLocale } from '../i18n/locale';
import { formatCell } from '../lib/column-format';
import { isNumericColumn, SortableHeader, TableToolbar, useSortedRows, type SortableColumn } from './table-core';

/**
 * One column: how to read the value (sort, search, export), its format, and optionally an element to show
 * instead of its text (an input, a coloured figure: its text must still be the figure's formatCell).
 */
export interface TableColumn<Row> extends SortableColumn<Row> {
  render?: (row: Row) => ReactNode;
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
  const { table, visibleRows, search, setSearch } = useSortedRows(props.rows, props.columns, props.initialSort);
  const { locale } = useLocale();
  const hasFooter = props.columns.some((c) => c.total);
  return (
    <div className="data-table">
      <TableToolbar caption={props.caption} toolbar={props.toolbar} search={search} onSearch={setSearch} testId={props.testId} exportName={props.exportName} columns={props.columns} rows={visibleRows} />
      <div className="table-scroll">
        <table data-testid={props.testId}>
          <SortableHeader table={table} columns={props.columns} />
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
                  <td key={c.id} className={isNumericColumn(c) ? 'num' : undefined}>
                    {c.render ? c.render(row.original) : c.text ? c.text(row.original) : formatCell(c.format, c.value(row.original), locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {hasFooter ? (
            <tfoot>
              <tr>
                {props.columns.map((c) => (
                  <td key={c.id} className={isNumericColumn(c) ? 'num' : undefined}>
                    {c.total ? formatCell(c.format, c.total(visibleRows), locale) : null}
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
