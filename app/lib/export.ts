/**
 * Table export: the rows a table shows (all of them, filtered and sorted as on screen, not only those in view),
 * with the headers of the current language, the totals row, and a block above the table saying what it holds
 * (data set, rounds, parameters' fingerprints, time, unit). Each cell carries the figure the screen shows
 * (app/lib/column-format.ts): numbers as numbers with the XLSX format that prints them alike. CSV carries a UTF-8
 * BOM so that Excel opens Chinese headers correctly.
 */
import type { Workbook } from 'exceljs';
import { exportFigure, numFmtOf, type CellValue, type ColumnFormat, type ExportTarget } from './column-format';
import { csvLine } from './csv-cell';

export interface ExportColumn<Row> {
  /** the header as the screen shows it, with its unit, e.g. "第1轮 (万元)" */
  header: string;
  format?: ColumnFormat | undefined;
  /** the value of a numeric column (yuan, ratio …) or the text of a text column, as the screen shows it */
  value: (row: Row) => CellValue;
}

/** One line of the block above the table: 数据集 …, 基线 …, 导出时间 … */
export interface AboutLine {
  label: string;
  text: string;
}

export interface ExportSpec<Row> {
  /** file name without extension */
  filename: string;
  sheetName?: string | undefined;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
  /** the totals row, one value per column as `value` gives them (null: an empty cell) */
  totals?: readonly CellValue[] | undefined;
  about?: readonly AboutLine[] | undefined;
}

/** A table as an export writes it: cells already the figures shown. */
export interface ExportSheet {
  about: readonly AboutLine[];
  headers: string[];
  numFmts: (string | undefined)[];
  rows: CellValue[][];
  /** whether the last row is the totals row */
  hasTotals: boolean;
}

export function sheetOf<Row>(spec: ExportSpec<Row>, target: ExportTarget): ExportSheet {
  const { columns } = spec;
  const rows = spec.rows.map((row) => columns.map((c) => exportFigure(c.format, c.value(row), target)));
  if (spec.totals) rows.push(columns.map((c, i) => exportFigure(c.format, spec.totals?.[i] ?? null, target)));
  return {
    about: spec.about ?? [],
    headers: columns.map((c) => c.header),
    numFmts: columns.map((c) => numFmtOf(c.format)),
    rows,
    hasTotals: spec.totals !== undefined,
  };
}

/**
 * The CSV text: the about block, a blank line, the header row, the rows, the totals row. Text cells that a
 * spreadsheet would run as a formula (a hospital named `=HYPERLINK(…)`) are written as text (csv-cell.ts).
 */
export function toCsv<Row>(spec: ExportSpec<Row>): string {
  const sheet = sheetOf(spec, 'csv');
  const lines = sheet.about.map((line) => csvLine([line.label, line.text]));
  if (lines.length) lines.push('');
  lines.push(csvLine(sheet.headers));
  for (const row of sheet.rows) lines.push(csvLine(row));
  return `${lines.join('\r\n')}\r\n`;
}

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\ */
function sheetNameOf(name: string | undefined): string {
  return (name ?? 'Sheet1').replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** Width in Excel's characters: CJK characters take two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return width;
}

/**
 * The workbook: the about block (label, text), a blank row, the bold header row, the rows and the bold totals
 * row; frozen below the header row; figures as numbers in the format that prints them as the screen does.
 */
export function toWorkbook<Row>(ExcelJS: typeof import('exceljs'), spec: ExportSpec<Row>): Workbook {
  const sheet = sheetOf(spec, 'xlsx');
  const workbook = new ExcelJS.Workbook();
  const headerRow = sheet.about.length ? sheet.about.length + 2 : 1;
  const ws = workbook.addWorksheet(sheetNameOf(spec.sheetName), { views: [{ state: 'frozen', ySplit: headerRow }] });
  for (const line of sheet.about) {
    const row = ws.addRow([line.label, line.text]);
    row.getCell(1).font = { bold: true };
  }
  if (sheet.about.length) ws.addRow([]);
  ws.addRow(sheet.headers).font = { bold: true };
  for (const cells of sheet.rows) ws.addRow(cells);
  if (sheet.hasTotals) ws.getRow(ws.rowCount).font = { bold: true };
  sheet.headers.forEach((header, i) => {
    const column = ws.getColumn(i + 1);
    const numFmt = sheet.numFmts[i];
    if (numFmt) for (let r = headerRow + 1; r <= ws.rowCount; r++) ws.getCell(r, i + 1).numFmt = numFmt;
    const widest = sheet.rows.reduce((w, row) => Math.max(w, textWidth(String(row[i] ?? '')) + (numFmt ? 3 : 0)), textWidth(header));
    column.width = Math.min(48, Math.max(10, widest + 2));
  });
  return workbook;
}

/** Hands the browser a file to save. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportCsv<Row>(spec: ExportSpec<Row>): void {
  downloadBlob(new Blob(['\uFEFF', toCsv(spec)], { type: 'text/csv;charset=utf-8' }), `${spec.filename}.csv`);
}

export async function exportXlsx<Row>(spec: ExportSpec<Row>): Promise<void> {
  const ExcelJS = await import('exceljs');
  const buffer = await toWorkbook(ExcelJS.default ?? ExcelJS, spec).xlsx.writeBuffer();
  downloadBlob(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${spec.filename}.xlsx`,
  );
}
