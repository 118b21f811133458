'use client';
import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { cellText, SortableHeader, TableToolbar, useSortedRows, type SortableColumn } from '../../components/table-core';

export type Tone = 'gain' | 'loss' | undefined;

/** One column: the value (sort, search, export), the text shown and its colour, and a fixed width. */
export interface RerunColumn<Row> extends SortableColumn<Row> {
  /** the text of a cell (default: the value) */
  text?: (row: Row) => string;
  tone?: (row: Row) => Tone;
  /** totals row */
  footer?: (rows: readonly Row[]) => { text: string; tone?: Tone } | string;
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

/**
 * A sortable, searchable table with a totals row and XLSX/CSV export, made for a table that a rerun rewrites
 * several times a second (the hospital impact table): the DOM rows stay in place and only their text changes
 * (rows are keyed by position, so a new sort order moves no element), each row is its own grid of fixed column
 * widths, and rows off screen skip layout and paint (content-visibility). A rerun then costs the browser the
 * rows in view, not all of them. Same markup as DataTable (table / thead / tbody tr / td) and the same test ids.
 */
export function RerunTable<Row>(props: RerunTableProps<Row>) {
  const { table, visibleRows, search, setSearch } = useSortedRows(props.rows, props.columns, props.initialSort);
  const hasFooter = props.columns.some((c) => c.footer);
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
      <TableToolbar caption={props.caption} toolbar={props.toolbar} search={search} onSearch={setSearch} testId={props.testId} exportName={props.exportName} columns={props.columns} rows={visibleRows} />
      <div className="table-scroll">
        <table className="rerun-table" data-testid={props.testId} style={style}>
          <SortableHeader table={table} columns={props.columns} />
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
