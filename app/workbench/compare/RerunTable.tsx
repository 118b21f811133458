'use client';
import { useLayoutEffect, useMemo, useRef, type CSSProperties, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { cellText, SortableHeader, TableToolbar, useSortedRows, type SortableColumn } from '../../components/table-core';
import { useValueInView } from '../../lib/in-view';

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
 * several times a second (the hospital impact table):
 * - React renders the rows' elements (one <tr> per row shown, keyed by position, one empty <td> per column) only
 *   when their number or the columns change. A rerun writes its new texts and tones into them (writeRows), only
 *   where they differ: reconciling some 3,000 cells through React cost more than the writes themselves.
 * - Each row is its own grid of fixed column widths, and rows off screen skip layout and paint
 *   (content-visibility): a rerun costs the browser the rows in view, not all of them.
 * - Off screen (the panel watching the charts), the table keeps the rows it shows and catches up when the page
 *   is next idle or it comes into view (useValueInView), like the charts.
 * Same markup as DataTable (table / thead / tbody tr / td, rows carrying `rowKeyAttribute`) and the same test ids.
 */
export function RerunTable<Row>(props: RerunTableProps<Row>) {
  // off screen, the table keeps the rows it shows until the page is idle or it comes into view
  const box = useRef<HTMLDivElement>(null);
  const rows = useValueInView(props.rows, box);
  const { table, visibleRows, search, setSearch } = useSortedRows(rows, props.columns, props.initialSort);
  const hasFooter = props.columns.some((c) => c.footer);
  const style = { '--rerun-columns': props.columns.map((c) => c.width).join(' ') } as CSSProperties;
  const { onRowClick, rowKeyAttribute, columns, rowKey } = props;
  // one listener for all rows: a row element shows another row whenever the order changes
  const onClick = onRowClick
    ? (e: MouseEvent<HTMLElement>) => {
        const key = (e.target as HTMLElement).closest('tr')?.getAttribute(rowKeyAttribute);
        if (key) onRowClick(key);
      }
    : undefined;
  const body = useRef<HTMLTableSectionElement>(null);
  const clickable = onRowClick !== undefined;
  // React renders the rows' elements, empty, only when their number or the columns change; the same elements
  // then skip reconciliation, and the layout effect below writes what changed into them before the paint
  const rowCount = visibleRows.length;
  const skeleton = useMemo(
    () =>
      Array.from({ length: rowCount }, (_, index) => (
        <tr key={index} className={clickable ? 'clickable' : undefined}>
          {columns.map((c) => (
            <td key={c.id} />
          ))}
        </tr>
      )),
    [rowCount, columns, clickable],
  );
  const written = useRef<{ skeleton: unknown; cells: WeakMap<HTMLTableRowElement, WrittenRow> }>({ skeleton: null, cells: new WeakMap() });
  useLayoutEffect(() => {
    if (!body.current) return;
    if (written.current.skeleton !== skeleton) written.current = { skeleton, cells: new WeakMap() };
    writeRows(body.current, visibleRows, columns, rowKey, rowKeyAttribute, written.current.cells);
  }, [skeleton, visibleRows, columns, rowKey, rowKeyAttribute]);
  const scroller = useRef<HTMLDivElement>(null);
  useFarRows(scroller, body, rowCount);
  return (
    <div className="data-table" ref={box}>
      <TableToolbar caption={props.caption} toolbar={props.toolbar} search={search} onSearch={setSearch} testId={props.testId} exportName={props.exportName} columns={props.columns} rows={visibleRows} />
      <div className="table-scroll" ref={scroller}>
        <table className="rerun-table" data-testid={props.testId} style={style}>
          <SortableHeader table={table} columns={props.columns} />
          <tbody ref={body} onClick={onClick}>
            {skeleton}
          </tbody>
          {hasFooter ? (
            <tfoot>
              <tr>
                {props.columns.map((c) => {
                  const footer = c.footer?.(visibleRows);
                  const cell = typeof footer === 'string' ? { text: footer } : footer;
                  return (
                    <td key={c.id} className={cellClass(c, cell?.tone) || undefined}>
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

function cellClass<Row>(c: RerunColumn<Row>, tone: Tone): string {
  const base = c.numeric ? (c.clip ? 'num clip' : 'num') : c.clip ? 'clip' : '';
  return tone ? (base ? `${base} ${tone}` : tone) : base;
}

/**
 * rows further than this from the table's scrolled view are marked far: not laid out, not painted (8 rows ≈ 320 px
 * of scrolling per frame before a row shows blank for a frame; A/B with table and charts on screen, 20 → 8 rows:
 * p50 113 → 105 ms, p95 170 → 149 ms in a slow phase of the VM)
 */
const NEAR_ROWS = 8;

/**
 * Marks the rows far from the table's scrolled view (data-far: content-visibility hidden), and again as it
 * scrolls or resizes. content-visibility auto alone left most rows of the scroll box laid out on each rerun (Chromium
 * counts rows near the page's viewport as relevant, wherever the box is scrolled): a rerun writing every row
 * took ≈ 15 ms of layout, ≈ 8 ms with the rows beyond 30 hidden. Their texts are still written, so the DOM always
 * holds the whole table.
 */
function useFarRows(scroller: RefObject<HTMLDivElement | null>, body: RefObject<HTMLTableSectionElement | null>, rowCount: number): void {
  useLayoutEffect(() => {
    const box = scroller.current;
    const tbody = body.current;
    if (!box || !tbody) return;
    let frame = 0;
    const mark = () => {
      frame = 0;
      const rows = tbody.rows;
      const rowHeight = rows[0]?.getBoundingClientRect().height || 1;
      const from = Math.floor(box.scrollTop / rowHeight) - NEAR_ROWS;
      const to = Math.ceil((box.scrollTop + box.clientHeight) / rowHeight) + NEAR_ROWS;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const far = i < from || i >= to;
        if (far !== row.hasAttribute('data-far')) row.toggleAttribute('data-far', far);
      }
    };
    mark();
    const later = () => {
      frame ||= requestAnimationFrame(mark);
    };
    // scrolled, or the box's height changed (the window resized: its height is a share of the viewport's)
    box.addEventListener('scroll', later, { passive: true });
    const resize = new ResizeObserver(later);
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', later);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller, body, rowCount]);
}

/** What was last written into a row's element: its key, then per cell its text and class. */
interface WrittenRow {
  key: string;
  texts: string[];
  classes: string[];
}

/**
 * Writes the rows into their elements (one <tr> per row shown, one <td> per column), touching only what differs
 * from what was written there last: a rerun's new figures, a row key when the order changes.
 */
function writeRows<Row>(
  body: HTMLTableSectionElement,
  rows: readonly Row[],
  columns: readonly RerunColumn<Row>[],
  rowKey: (row: Row) => string,
  rowKeyAttribute: string,
  written: WeakMap<HTMLTableRowElement, WrittenRow>,
): void {
  const elements = body.rows;
  for (let r = 0; r < rows.length && r < elements.length; r++) {
    const row = rows[r]!;
    const tr = elements[r]!;
    let last = written.get(tr);
    if (!last) written.set(tr, (last = { key: '', texts: [], classes: [] }));
    const key = rowKey(row);
    if (last.key !== key) tr.setAttribute(rowKeyAttribute, (last.key = key));
    const cells = tr.cells;
    for (let i = 0; i < columns.length && i < cells.length; i++) {
      const c = columns[i]!;
      const text = c.text ? c.text(row) : cellText(c.value(row));
      const className = cellClass(c, c.tone?.(row));
      const td = cells[i]!;
      if (last.texts[i] !== text) {
        last.texts[i] = text;
        const node = td.firstChild;
        if (node && text) (node as Text).data = text;
        else td.textContent = text;
        if (c.clip) td.title = text;
      }
      if (last.classes[i] !== className) td.className = last.classes[i] = className;
    }
  }
}
