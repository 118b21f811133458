'use client';
/**
 * Table export: the rows a table shows (all of them, not only the visible page), with the headers of the
 * current language. CSV carries a UTF-8 BOM so that Excel opens Chinese headers correctly.
 */

export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
  /** Excel number format, e.g. '#,##0.00' */
  numFmt?: string;
}

export interface ExportSpec<Row> {
  /** file name without extension */
  filename: string;
  sheetName?: string;
  columns: ExportColumn<Row>[];
  rows: readonly Row[];
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<Row>(spec: ExportSpec<Row>): string {
  const lines = [spec.columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of spec.rows) lines.push(spec.columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function exportCsv<Row>(spec: ExportSpec<Row>): void {
  download(new Blob(['\uFEFF', toCsv(spec)], { type: 'text/csv;charset=utf-8' }), `${spec.filename}.csv`);
}

export async function exportXlsx<Row>(spec: ExportSpec<Row>): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheetName ?? 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({
    header: c.header,
    width: Math.max(10, c.header.length * 2 + 2),
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  for (const row of spec.rows) sheet.addRow(spec.columns.map((c) => c.value(row)));
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  download(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${spec.filename}.xlsx`,
  );
}
