'use client';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import type { Locale } from '../../i18n/messages';
import { formatCell } from '../../lib/column-format';
import type { RerunColumn, Tone } from '../compare/RerunTable';
import { columnEm, headerUnit, partWidths, splitColumns } from './print-parts';
import styles from './report.module.css';

/**
 * Room for a part on an A4 landscape page, in em of the print tables' 8 pt type (report.module.css): 297 mm less
 * 2 × 10 mm of margins is 277 mm ≈ 98 em; the rest is slack for the estimate of the texts' widths.
 */
const PAGE_EM = 90;

interface Cell {
  text: string;
  tone: Tone;
}

export interface PrintTableProps<Row> {
  title: string;
  rows: readonly Row[];
  /** the columns as the screen's table has them (header with unit, text, tone, totals) */
  columns: readonly RerunColumn<Row>[];
  /** the first columns (code, name), repeated in every part */
  keyColumns: number;
  /** the column the rows are ordered by (the screen table's first order), ascending unless `descending` */
  sortBy: string;
  descending?: boolean;
  /** columns of one group (a round's figures) print in one part when they fit one; '' for none */
  groupOf?: (column: RerunColumn<Row>) => string;
  note?: string;
  testId: string;
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** The rows in the given order (missing values last), as the texts and tones each cell prints. */
function printedRows<Row>(rows: readonly Row[], columns: readonly RerunColumn<Row>[], sortBy: string, descending: boolean, locale: Locale): Cell[][] {
  const by = columns.find((c) => c.id === sortBy);
  const ordered = by
    ? [...rows].sort((a, b) => {
        const x = by.value(a);
        const y = by.value(b);
        return x === null || y === null ? compareValues(x, y) : (descending ? -1 : 1) * compareValues(x, y);
      })
    : rows;
  return ordered.map((row) => columns.map((c) => ({ text: c.text ? c.text(row) : formatCell(c.format, c.value(row), locale), tone: c.tone?.(row) })));
}

function footerOf<Row>(c: RerunColumn<Row>, rows: readonly Row[]): Cell {
  const footer = c.footer?.(rows);
  return typeof footer === 'string' || footer === undefined ? { text: footer ?? '', tone: undefined } : { text: footer.text, tone: footer.tone };
}

/** A header, its unit kept on one line ("较基线 (万元)" never breaks inside "(万元)"). */
function HeaderText({ text }: { text: string }) {
  const { label, unit } = headerUnit(text);
  return unit ? (
    <>
      {label} <span className={styles.unit}>{unit}</span>
    </>
  ) : (
    <>{text}</>
  );
}

function cellClass(numeric: boolean | undefined, wrap: boolean | undefined, tone: Tone): string | undefined {
  const names = [numeric ? 'num' : '', wrap ? styles.wrap : '', tone ?? ''].filter(Boolean);
  return names.length ? names.join(' ') : undefined;
}

/**
 * A wide table as the printed report shows it (print media only): cut into parts that fit an A4 landscape page,
 * each repeating the key columns, every column in one of them; the header row repeats on each page (a real
 * <thead>), the totals row closes each part, and no row is cut between pages.
 */
export function PrintTable<Row>({ title, rows, columns, keyColumns, sortBy, descending = false, groupOf, note, testId }: PrintTableProps<Row>) {
  const { t, locale } = useLocale();
  const cells = useMemo(() => printedRows(rows, columns, sortBy, descending, locale), [rows, columns, sortBy, descending, locale]);
  const footer = useMemo(() => (columns.some((c) => c.footer) ? columns.map((c) => footerOf(c, rows)) : null), [rows, columns]);
  const parts = useMemo(() => {
    const texts = (i: number) => [...cells.map((r) => r[i]?.text ?? ''), footer?.[i]?.text ?? ''];
    // a clipped column on screen (a name) may wrap on paper: it needs less, and takes more where there is room
    const least = columns.map((c, i) => columnEm(c.header, texts(i), c.clip === true));
    const preferred = columns.map((c, i) => (c.clip ? columnEm(c.header, texts(i), false) : least[i]!));
    return splitColumns(least, keyColumns, PAGE_EM, groupOf ? columns.map(groupOf) : undefined).map((part) => {
      const widths = partWidths(part, least, preferred, PAGE_EM);
      const total = widths.reduce((s, w) => s + w, 0);
      return part.map((column, k) => ({ column, percent: (100 * widths[k]!) / total }));
    });
  }, [columns, cells, footer, keyColumns, groupOf]);
  return (
    <div className={styles.print} data-testid={testId} data-parts={parts.length}>
      {parts.map((part, p) => (
        <section key={p} className={styles.part}>
          <h3 className={styles.title}>{parts.length > 1 ? t('print.part', { title, part: p + 1, parts: parts.length }) : title}</h3>
          {note && p === 0 ? <p className={styles.note}>{note}</p> : null}
          <table className={styles.table}>
            {/* the part's width shared in proportion to what each column needs (fixed layout: the paper's width holds) */}
            <colgroup>
              {part.map(({ column, percent }) => (
                <col key={column} style={{ width: `${percent}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {part.map(({ column: i }) => (
                  <th key={columns[i]!.id} className={columns[i]!.numeric ? 'num' : undefined} data-column={columns[i]!.id}>
                    <HeaderText text={columns[i]!.header} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells.map((row, r) => (
                <tr key={r}>
                  {part.map(({ column: i }) => (
                    <td key={i} className={cellClass(columns[i]!.numeric, columns[i]!.clip, row[i]?.tone)}>
                      {row[i]?.text}
                    </td>
                  ))}
                </tr>
              ))}
              {footer ? (
                <tr className={styles.total}>
                  {part.map(({ column: i }) => (
                    <td key={i} className={cellClass(columns[i]!.numeric, false, footer[i]?.tone)}>
                      {footer[i]?.text}
                    </td>
                  ))}
                </tr>
              ) : null}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
