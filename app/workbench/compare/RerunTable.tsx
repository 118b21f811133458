'use client';
import { useLayoutEffect, useMemo, useRef, type CSSProperties, type MouseEvent, type ReactNode, type RefObject } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { cellText, SortableHeader, TableToolbar, useSortedRows, type SortableColumn } from '../../components/table-core';
import { useValueInView, whenIdle } from '../../lib/in-view';

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
  /** the first 1 or 2 columns (code, name) stay in view as the table scrolls sideways */
  frozenColumns?: 0 | 1 | 2;
}

/**
 * A sortable, searchable table with a totals row and XLSX/CSV export, made for a table that a rerun rewrites
 * several times a second (the hospital impact table):
 * - React renders the rows' elements (one <tr> per row shown, keyed by position, one empty <td> per column) only
 *   when their number or the columns change. A rerun writes its new texts and tones into them (writeRows), only
 *   where they differ: reconciling some 3,000 cells through React cost more than the writes themselves.
 * - Each row is its own grid of fixed column widths, and rows off screen skip layout and paint
 *   (content-visibility) and are written when the page is idle (useRowWriter): a rerun costs the rows in view,
 *   not all of them.
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
  const frozen = props.frozenColumns ?? 0;
  const style = {
    '--rerun-columns': props.columns.map((c) => c.width).join(' '),
    // the second frozen column starts where the first ends
    ...(frozen === 2 && props.columns[0] ? { '--rerun-frozen-left': props.columns[0].width } : {}),
  } as CSSProperties;
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
  const scroller = useRef<HTMLDivElement>(null);
  useRowWriter(scroller, body, skeleton, { rows: visibleRows, columns, rowKey, rowKeyAttribute });
  return (
    <div className="data-table" ref={box}>
      <TableToolbar caption={props.caption} toolbar={props.toolbar} search={search} onSearch={setSearch} testId={props.testId} exportName={props.exportName} columns={props.columns} rows={visibleRows} />
      <div className="table-scroll" ref={scroller}>
        <table className="rerun-table" data-testid={props.testId} style={style} data-frozen={frozen || undefined}>
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
 * rows further than this from what the window shows of the table's scrolled view are marked far: not laid out,
 * not painted, and written when the page is idle (8 rows ≈ 320 px of scrolling per frame before a row shows
 * blank for a frame; A/B with table and charts on screen, 20 → 8 rows: p50 113 → 105 ms, p95 170 → 149 ms in a
 * slow phase of the VM)
 */
const NEAR_ROWS = 8;

/** What the row elements are to show: the rows in order, and how to write them. */
interface RowsContent<Row> {
  rows: readonly Row[];
  columns: readonly RerunColumn<Row>[];
  rowKey: (row: Row) => string;
  rowKeyAttribute: string;
}

/** What was last written into a row's element: its key, then per cell its text and class. */
interface WrittenRow {
  key: string;
  texts: string[];
  classes: string[];
}

/**
 * Keeps the row elements showing `content`, and marks the rows far from what the window shows of the table's
 * scrolled view (data-far: content-visibility hidden) as the box or the page scrolls, or the box resizes.
 *
 * - content-visibility auto alone left most rows of the scroll box laid out on each rerun (Chromium counts rows
 *   near the page's viewport as relevant, wherever the box is scrolled): a rerun writing every row took ≈ 15 ms
 *   of layout, ≈ 8 ms with the rows beyond 30 hidden. Near rows are counted from the part of the box on screen:
 *   with the page scrolled to the table's last rows, ≈ 15 rows are near instead of ≈ 27.
 * - A rerun writes the near rows before its paint, and the far ones (whole rows: key, texts, tones) when the page
 *   is next idle, or as they come near, or before printing, whichever comes first. New row elements are written
 *   at once, all of them. Writing all 170 rows cost an
 *   edit ≈ 7 ms of its frame (CPU profile, 1 M cases, slow phase), the near ones ≈ 1. So a far row may show the
 *   rerun before for a moment; a row on screen never does. `data-rows-pending` on the box says far rows wait.
 */
function useRowWriter<Row>(
  scroller: RefObject<HTMLDivElement | null>,
  body: RefObject<HTMLTableSectionElement | null>,
  skeleton: unknown,
  content: RowsContent<Row>,
): void {
  const state = useRef({
    /** rows [from, to) of the body are near the scrolled view */
    near: [0, 0] as [number, number],
    /** the height given to rows never laid out (px; 0: the stylesheet's) */
    rowHeight: 0,
    content: null as RowsContent<Row> | null,
    /** rows whose elements do not show `content` yet (far rows after a rerun) */
    stale: new Set<number>(),
    skeleton: null as unknown,
    written: new WeakMap<HTMLTableRowElement, WrittenRow>(),
    cancelIdle: null as (() => void) | null,
  });
  const rowCount = content.rows.length;

  // the near rows, on mount, when the number of rows changes, as the box or the page scrolls (wheel, keys, a jump of
  // the scroll position), and as the box or its rows change size (a web font arriving, the window resized) — before
  // the rows are written below: the first write needs them
  useLayoutEffect(() => {
    const box = scroller.current;
    const tbody = body.current;
    if (!box || !tbody) return;
    const s = state.current;
    let frame = 0;
    const mark = () => {
      frame = 0;
      // showing a row changes its height (a far row has its remembered or its intrinsic size), which moves the rows
      // below it: measure again until the near rows stay the same (twice at most in practice)
      for (let pass = 0; pass < 4; pass++) {
        matchIntrinsicHeight(tbody, s);
        const [from, to] = nearRows(box, tbody);
        const same = from === s.near[0] && to === s.near[1];
        s.near = [from, to];
        // rows coming near show the newest rows before they are laid out again
        if (s.content) for (let i = from; i < to; i++) if (s.stale.delete(i)) writeRow(tbody, i, s.content, s.written);
        if (!s.stale.size) box.removeAttribute('data-rows-pending');
        let toggled = false;
        const rows = tbody.rows;
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i]!;
          const far = i < from || i >= to;
          if (far !== row.hasAttribute('data-far')) {
            row.toggleAttribute('data-far', far);
            toggled = true;
          }
        }
        if (!toggled || same) break;
      }
    };
    mark();
    const later = () => {
      frame ||= requestAnimationFrame(mark);
    };
    box.addEventListener('scroll', later, { passive: true });
    window.addEventListener('scroll', later, { passive: true });
    const resize = new ResizeObserver(later);
    resize.observe(box);
    resize.observe(tbody);
    return () => {
      box.removeEventListener('scroll', later);
      window.removeEventListener('scroll', later);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller, body, rowCount]);

  // the rows: near ones now, before the paint; far ones when the page is next idle
  const { rows, columns, rowKey, rowKeyAttribute } = content;
  useLayoutEffect(() => {
    const tbody = body.current;
    if (!tbody) return;
    const s = state.current;
    // new row elements (the first rows, another number of rows, other columns) are all written now: a far row
    // may show the rerun before for a moment, never nothing
    const fresh = s.skeleton !== skeleton;
    if (fresh) {
      s.skeleton = skeleton;
      s.written = new WeakMap();
    }
    const next = { rows, columns, rowKey, rowKeyAttribute };
    s.content = next;
    s.stale.clear();
    const [from, to] = s.near;
    const count = Math.min(rows.length, tbody.rows.length);
    for (let i = 0; i < count; i++) {
      if (fresh || (i >= from && i < to)) writeRow(tbody, i, next, s.written);
      else s.stale.add(i);
    }
    s.cancelIdle?.();
    s.cancelIdle = null;
    // tests and the UI benchmark wait for this to go (set outside the table: no change of the table's own)
    const pending = (on: boolean) => scroller.current?.toggleAttribute('data-rows-pending', on);
    pending(s.stale.size > 0);
    if (!s.stale.size) return;
    const flush = () => {
      s.cancelIdle?.();
      s.cancelIdle = null;
      for (const i of s.stale) writeRow(tbody, i, next, s.written);
      s.stale.clear();
      pending(false);
    };
    s.cancelIdle = whenIdle(flush);
    // printing shows every row
    window.addEventListener('beforeprint', flush);
    const cancel = s.cancelIdle;
    s.cancelIdle = () => {
      cancel();
      window.removeEventListener('beforeprint', flush);
    };
    return () => s.cancelIdle?.();
  }, [scroller, body, skeleton, rows, columns, rowKey, rowKeyAttribute]);
}

/**
 * Rows never laid out take the height of a row that is (its font, its line height), so the box's scroll height is
 * the table's true height: a jump to the bottom lands on the last row, and nothing moves as rows come near.
 */
function matchIntrinsicHeight(tbody: HTMLTableSectionElement, s: { near: [number, number]; rowHeight: number }): void {
  const row = tbody.rows[s.near[0]] ?? tbody.rows[0];
  if (!row || row.hasAttribute('data-far')) return;
  const height = row.getBoundingClientRect().height;
  if (height > 0 && Math.abs(height - s.rowHeight) > 0.5) {
    s.rowHeight = height;
    tbody.style.setProperty('--rerun-row-height', `${height}px`);
  }
}

/**
 * Rows [from, to) of the body that are within NEAR_ROWS of what the window shows of the box's scrolled view, found
 * from the rows' own positions (binary search: rows are stacked in order), never from an assumed row height: rows
 * laid out, rows hidden with a remembered size and rows never laid out (their intrinsic size) differ in height
 * with the font and the data, and a jump of the scroll position must find the rows really in view.
 */
function nearRows(box: HTMLElement, tbody: HTMLTableSectionElement): [number, number] {
  const rows = tbody.rows;
  const count = rows.length;
  if (!count) return [0, 0];
  const frame = box.getBoundingClientRect();
  const header = tbody.previousElementSibling?.getBoundingClientRect().height ?? 0;
  const shownTop = Math.max(frame.top + header, 0);
  const shownBottom = Math.max(shownTop, Math.min(frame.bottom, window.innerHeight));
  // the first row whose bottom is below the shown top, and the first row whose top is at or below the shown bottom
  const first = firstRow(count, (i) => rows[i]!.getBoundingClientRect().bottom > shownTop);
  const end = firstRow(count, (i) => rows[i]!.getBoundingClientRect().top >= shownBottom);
  const from = Math.max(0, Math.min(first, count - 1) - NEAR_ROWS);
  return [from, Math.max(from, Math.min(count, Math.max(end, first + 1) + NEAR_ROWS))];
}

/** The smallest index in [0, count) for which `past` holds (`past` is false then true along the rows), or count. */
function firstRow(count: number, past: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Writes row `index` of `content` into the body's row element of that index (one <td> per column), touching only
 * what differs from what was written there last: a rerun's new figures, a row key when the order changes.
 */
function writeRow<Row>(body: HTMLTableSectionElement, index: number, content: RowsContent<Row>, written: WeakMap<HTMLTableRowElement, WrittenRow>): void {
  const row = content.rows[index];
  const tr = body.rows[index];
  if (row === undefined || !tr) return;
  const { columns } = content;
  let last = written.get(tr);
  if (!last) written.set(tr, (last = { key: '', texts: [], classes: [] }));
  const key = content.rowKey(row);
  if (last.key !== key) tr.setAttribute(content.rowKeyAttribute, (last.key = key));
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
