/**
 * How a table column shows its values and how its export carries them, from one place so they cannot drift:
 * `shownFigure` rounds a value to the figure the screen shows (money to the fen, then to the 2 decimals of 万元
 * shown; ratios to the 1 decimal of % shown), the screen writes that figure (`cellText`), and the export carries
 * the same figure (`exportFigure`) with the cell format that prints it alike (`numFmtOf`).
 */
import type { Locale } from '../i18n/messages';
import { decimalFigure, formatNumber, formatPercent, formatSignedWan, formatWan, percentFigure, wanFigure, wanUnit } from './format';

export type ColumnFormat =
  | { kind: 'text' }
  /** value in yuan; shown and exported in 万元 with 2 decimals */
  | { kind: 'money' }
  /** the same, shown with + / − */
  | { kind: 'signedMoney' }
  /** value a ratio; shown as a signed percentage with 1 decimal (XLSX: the ratio as shown, '0.0%'; CSV: e.g. −3.3) */
  | { kind: 'percent' }
  /** a whole number, with thousands separators */
  | { kind: 'count' }
  | { kind: 'decimal'; digits: number };

export type CellValue = string | number | null;

export type ExportTarget = 'xlsx' | 'csv';

/** The formats of the table columns, to write `format: MONEY` rather than an object literal per column. */
export const TEXT: ColumnFormat = { kind: 'text' };
export const MONEY: ColumnFormat = { kind: 'money' };
export const SIGNED_MONEY: ColumnFormat = { kind: 'signedMoney' };
export const PERCENT: ColumnFormat = { kind: 'percent' };
export const COUNT: ColumnFormat = { kind: 'count' };
export function decimal(digits: number): ColumnFormat {
  return { kind: 'decimal', digits };
}

function isFigure(value: CellValue): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isNumeric(format: ColumnFormat | undefined): boolean {
  return format !== undefined && format.kind !== 'text';
}

/**
 * The figure the screen shows for `value`, in the column's unit: 万元 for money (2 decimals), percentage points
 * for a ratio (1 decimal), the count, the decimal; null when nothing is shown (—).
 */
export function shownFigure(format: ColumnFormat, value: number): number | null {
  if (!Number.isFinite(value)) return null;
  switch (format.kind) {
    case 'money':
    case 'signedMoney':
      return wanFigure(value);
    case 'percent':
      return percentFigure(value);
    case 'count':
      return decimalFigure(value, 0);
    case 'decimal':
      return decimalFigure(value, format.digits);
    case 'text':
      return value;
  }
}

/** A cell's text on screen (— for no value). Text columns show their value as it is. */
export function formatCell(format: ColumnFormat | undefined, value: CellValue, locale: Locale): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (!format || format.kind === 'text') return plainText(value, locale);
  if (!Number.isFinite(value)) return '—';
  switch (format.kind) {
    case 'money':
      return formatWan(value, locale);
    case 'signedMoney':
      return formatSignedWan(value, locale);
    case 'percent':
      return formatPercent(value, locale);
    case 'count':
      return formatNumber(value, locale, 0);
    case 'decimal':
      return formatNumber(value, locale, format.digits);
  }
}

const plain = new Map<Locale, Intl.NumberFormat>();

/** A number in a column of no format: as written, up to 4 decimals. */
function plainText(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '—';
  let formatter = plain.get(locale);
  if (!formatter) plain.set(locale, (formatter = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 })));
  return formatter.format(value);
}

/**
 * What an export carries in a cell: the figure shown (a number) for a numeric column, the text for a text
 * column; a percentage is the ratio as shown in XLSX (printed by '0.0%') and the percent figure in CSV.
 */
export function exportFigure(format: ColumnFormat | undefined, value: CellValue, target: ExportTarget): CellValue {
  if (value === null || typeof value === 'string' || !format || format.kind === 'text') return value;
  const figure = shownFigure(format, value);
  if (figure === null || format.kind !== 'percent' || target === 'csv') return figure;
  // tenths of a percent → the ratio, as the nearest double to the decimal shown (e.g. −3.3 → −0.033)
  return Math.round(figure * 10) / 1000 || 0;
}

/** The XLSX number format that prints an exported figure as the screen shows it. */
export function numFmtOf(format: ColumnFormat | undefined): string | undefined {
  switch (format?.kind) {
    case 'money':
      return '#,##0.00';
    case 'signedMoney':
      return '+#,##0.00;-#,##0.00;0.00';
    case 'percent':
      return '+0.0%;-0.0%;0.0%';
    case 'count':
      return '#,##0';
    case 'decimal':
      return format.digits > 0 ? `#,##0.${'0'.repeat(format.digits)}` : '#,##0';
    default:
      return undefined;
  }
}

/** The unit a header names for a format ('万元', '%'), or null when the header needs none. */
export function unitOf(format: ColumnFormat | undefined, locale: Locale): string | null {
  if (format?.kind === 'money' || format?.kind === 'signedMoney') return wanUnit(locale);
  if (format?.kind === 'percent') return '%';
  return null;
}

/** A header with its unit: "第1轮 (万元)", "较基线 (%)". */
export function withUnit(label: string, format: ColumnFormat | undefined, locale: Locale): string {
  const unit = unitOf(format, locale);
  return unit ? `${label} (${unit})` : label;
}
