/**
 * One CSV cell, as every CSV the app writes spells it (table exports, the demo city's import files): quoted when
 * it holds a comma, a quote or a line break, and kept from being run as a formula by a spreadsheet (CSV
 * injection). A text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is what Excel, LibreOffice
 * and Google Sheets evaluate (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`, `@SUM(…)`, `-2+3+cmd…`): OWASP's advice is
 * to put a single quote before it and quote the cell, so it opens as the text it is. Numbers — negative ones
 * included — stay numbers: a number cell is never touched, and neither is a text that is a plain decimal number
 * ("-3.3"), which no spreadsheet reads as anything but that number.
 */

export type CsvValue = string | number | boolean | null;

/** The characters a spreadsheet takes as the start of a formula (or of a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, signed or not: a spreadsheet reads it as the number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a text cell would be evaluated as a formula when a spreadsheet opens the CSV. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** The text as written into a CSV: a formula-like text gets a leading `'`; then quoted if it needs to be. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  const formulaLike = isFormulaLike(value);
  const text = formulaLike ? `'${value}` : value;
  return formulaLike || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (no line ending). */
export function csvLine(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}
