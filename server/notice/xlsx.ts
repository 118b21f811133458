/**
 * The notice as an XLSX workbook (exceljs): one sheet per table, Chinese headers, figures as numbers with the
 * format that prints them (weights 0.0000, money in 元 #,##0.00, coefficients 0.00, percentages 0.0%). Each sheet's
 * first row names the notice and its round; a round not yet locked puts its mark (草稿 / 征求意见稿 / 送审稿) there
 * and in every printed page's header. Text is stored as text: a name such as "=1+1" is never a formula.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '@/app/i18n/messages';
import { translator } from '@/app/i18n/translate';
import { cellParts, numFmtOf, type NoticeSheet, type NoticeTable } from './formats';
import type { NoticeData } from './notice-data';

const MARK_COLOR = 'FFC0392B';
const HEADER_FILL = 'FFEEF2F6';
/** columns beyond this many print in landscape */
const PORTRAIT_COLUMNS = 7;

/** Width in Excel's characters: CJK characters take two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

/** The page header every printed page of a sheet carries: the mark of a round not locked, else the notice's name. */
function pageHeader(text: string, marked: boolean): string {
  // & starts a code in Excel's header language: a literal one is doubled
  const safe = text.replaceAll('&', '&&');
  return marked ? `&C&"-,Bold"&16${safe}` : `&C${safe}`;
}

/** Writes one table from row `start`: its title, its note, the bold header row, the rows; returns the next free row. */
function writeTable(ws: ExcelJS.Worksheet, table: NoticeTable, start: number): { next: number; headerRow: number } {
  let r = start;
  const title = ws.getRow(r++);
  title.getCell(1).value = table.title;
  title.font = { bold: true, size: 12 };
  if (table.note) ws.getRow(r++).getCell(1).value = table.note;
  const headerRow = r++;
  const header = ws.getRow(headerRow);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
  const columnValues = table.columns.map((c, i) => table.rows.map((row) => cellParts(row.cells[i] ?? null, c.format).value).filter((v): v is number => typeof v === 'number'));
  for (const row of table.rows) {
    const excelRow = ws.getRow(r++);
    row.cells.forEach((raw, i) => {
      const columnFormat = table.columns[i]?.format ?? 'text';
      const { value, format } = cellParts(raw, columnFormat);
      const cell = excelRow.getCell(i + 1);
      cell.value = value;
      const numFmt = typeof value === 'number' ? numFmtOf(format, format === columnFormat ? columnValues[i] : [value]) : undefined;
      if (numFmt && numFmt !== '@') cell.numFmt = numFmt;
    });
    if (row.total) excelRow.font = { bold: true };
  }
  return { next: r + 1, headerRow };
}

function setWidths(ws: ExcelJS.Worksheet, tables: readonly NoticeTable[]): void {
  const count = Math.max(...tables.map((t) => t.columns.length));
  for (let i = 0; i < count; i++) {
    let widest = 8;
    for (const table of tables) {
      const header = table.columns[i]?.header ?? '';
      widest = Math.max(widest, Math.min(24, textWidth(header)));
      for (const row of table.rows) {
        const value = cellParts(row.cells[i] ?? null, table.columns[i]?.format ?? 'text').value;
        widest = Math.max(widest, typeof value === 'number' ? 14 : textWidth(value ?? ''));
      }
    }
    ws.getColumn(i + 1).width = Math.min(60, widest + 2);
  }
}

function addSheet(workbook: ExcelJS.Workbook, sheet: NoticeSheet, banner: string, mark: string | null): void {
  const marked = mark !== null;
  const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
  const columns = Math.max(...sheet.tables.map((t) => t.columns.length));
  const first = ws.getRow(1);
  first.getCell(1).value = banner;
  first.font = marked ? { bold: true, size: 14, color: { argb: MARK_COLOR } } : { bold: true, size: 12 };
  if (columns > 1) ws.mergeCells(1, 1, 1, columns);
  let next = 3;
  let firstHeader = 0;
  for (const table of sheet.tables) {
    const written = writeTable(ws, table, next);
    firstHeader ||= written.headerRow;
    next = written.next;
  }
  setWidths(ws, sheet.tables);
  // a single table scrolls under its frozen header row and repeats it on every printed page
  if (sheet.tables.length === 1) {
    ws.views = [{ state: 'frozen', ySplit: firstHeader }];
    ws.pageSetup.printTitlesRow = `${firstHeader}:${firstHeader}`;
  }
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.orientation = columns > PORTRAIT_COLUMNS ? 'landscape' : 'portrait';
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
  ws.headerFooter.oddHeader = pageHeader(mark ?? banner, marked);
  ws.headerFooter.oddFooter = '&C&P / &N';
}

/** The notice's workbook: the sheets in order, each headed by the notice line (with the mark of a round not locked). */
export function noticeWorkbook(data: NoticeData, sheets: readonly NoticeSheet[], locale: Locale): ExcelJS.Workbook {
  const t = translator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = data.engineVersion;
  workbook.title = t('notice.title', { year: data.dataset.year });
  workbook.created = new Date(data.generatedAt);
  const mark = data.mark ? t(`notice.mark.${data.mark}`) : null;
  const round = t('notice.subtitle', { dataset: data.dataset.name, round: data.round.name });
  const banner = mark ? `${t('notice.markNote', { mark })} ${round}` : `${t('notice.titleShort')} · ${round} · ${t('notice.official')}`;
  for (const sheet of sheets) addSheet(workbook, sheet, banner, mark);
  return workbook;
}

export async function noticeXlsxBuffer(data: NoticeData, sheets: readonly NoticeSheet[], locale: Locale): Promise<Buffer> {
  return Buffer.from(await noticeWorkbook(data, sheets, locale).xlsx.writeBuffer());
}
