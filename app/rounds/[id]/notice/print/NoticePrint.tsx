import type { Locale } from '@/app/i18n/messages';
import { cellParts, cellText, type NoticeSheet, type NoticeTable } from '@/server/notice/formats';
import type { NoticeMark } from '@/server/notice/notice-data';
import type { NoticeProse } from '@/server/notice/prose';
import { PrintButton } from './PrintButton';
import styles from './notice.module.css';

export interface NoticePrintProps {
  mark: NoticeMark | null;
  prose: NoticeProse;
  sheets: readonly NoticeSheet[];
  locale: Locale;
  texts: { print: string; hint: string; appendix: (n: number, title: string) => string; pageOf: string };
}

const PAGE_NAMES = ['noticeText', 'noticeTables'];

/** A CSS string of a text of ours (quotes and backslashes escaped). */
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

/**
 * The printed pages' margin boxes: the mark of a round not locked in the top right corner of every page, the page
 * number at the foot ("第 {page} 页 / 共 {pages} 页" with the page counters in place of the names).
 */
function pageBoxes(mark: string | null, pageOf: string): string {
  const [before = '', between = '', after = ''] = pageOf.split(/\{page\}|\{pages\}/);
  const footer = `@bottom-center { content: ${cssString(before)} counter(page) ${cssString(between)} counter(pages) ${cssString(after)}; font-size: 8pt; color: #5a6b7b; }`;
  const header = mark ? `@top-right { content: ${cssString(mark)}; color: #c0392b; font-size: 14pt; font-weight: 700; }` : '';
  return PAGE_NAMES.map((name) => `@page ${name} { ${header} ${footer} }`).join('\n');
}

/** A table's brief columns (the XLSX has them all): its header row repeats on every printed page. */
function PrintedTable({ table, locale, caption }: { table: NoticeTable; locale: Locale; caption: string | null }) {
  const shown = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.brief);
  return (
    <>
      {caption ? <h3 className={styles.caption}>{caption}</h3> : null}
      {table.note ? <p className={styles.note}>{table.note}</p> : null}
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              {shown.map(({ c, i }) => (
                <th key={i} className={c.format === 'text' || c.format === 'plain' ? undefined : styles.num}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} className={row.total ? styles.total : undefined}>
                {shown.map(({ c, i }) => (
                  <td key={i} className={typeof cellParts(row.cells[i] ?? null, c.format).value === 'number' ? styles.num : undefined}>
                    {cellText(row.cells[i] ?? null, c.format, locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * The printed notice: its text (title, basis, the parameters in prose, the appendices' list, signature), then each
 * appendix from a new landscape page. The mark of a round not locked sits in the corner of every printed page (a
 * fixed element repeats on each page) and across the first.
 */
export function NoticePrint({ mark, prose, sheets, locale, texts }: NoticePrintProps) {
  const about = sheets.find((s) => s.id === 'about')?.tables[0];
  return (
    <article className={styles.notice} data-testid="notice-print" data-mark={mark ?? ''}>
      <style>{pageBoxes(prose.mark?.word ?? null, texts.pageOf)}</style>
      <div className={`no-print ${styles.toolbar}`}>
        <PrintButton label={texts.print} />
        <span className={styles.hint}>{texts.hint}</span>
      </div>
      {prose.mark ? (
        <div className={styles.mark} data-testid="notice-mark" aria-hidden="true">
          {prose.mark.word}
        </div>
      ) : null}
      <section className={styles.text}>
        <h1 className={styles.title}>{prose.title}</h1>
        <p className={styles.subtitle}>{prose.subtitle}</p>
        {prose.mark ? <p className={styles.markNote}>{prose.mark.note}</p> : null}
        <p className={styles.paragraph}>{prose.basis}</p>
        {prose.sections.map((section) => (
          <div key={section.heading}>
            <h2 className={styles.heading}>{section.heading}</h2>
            {section.paragraphs.map((p) => (
              <p key={p} className={styles.paragraph}>
                {p}
              </p>
            ))}
          </div>
        ))}
        <ol className={styles.appendices}>
          {prose.appendices.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ol>
        <p className={styles.signature}>{prose.signature}</p>
        <p className={styles.signature}>{prose.date}</p>
        {about ? (
          <div className={styles.about}>
            <PrintedTable table={about} locale={locale} caption={null} />
          </div>
        ) : null}
      </section>
      {sheets
        .filter((s) => s.id !== 'about')
        .map((sheet, n) => (
          <section key={sheet.id} className={styles.appendix} data-testid={`notice-appendix-${sheet.id}`}>
            <h2 className={styles.appendixTitle}>{texts.appendix(n + 1, sheet.name)}</h2>
            {sheet.tables.map((table) => (
              <PrintedTable key={table.title} table={table} locale={locale} caption={sheet.tables.length > 1 ? table.title : null} />
            ))}
          </section>
        ))}
    </article>
  );
}
