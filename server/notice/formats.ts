/**
 * The notice's tables as plain cells, and how each kind of figure is written: the XLSX number format that prints
 * it (the cell keeps the number) and the text the DOCX and the printed notice show — one place, so the three files
 * print a figure alike.
 */
import type { Locale } from '@/app/i18n/messages';
import { formatNumber, formatPercent } from '@/app/lib/format';

/**
 * count: whole number; weight: RW to 4 decimals; yuan: money in 元 to the fen; wan: money in 万元; coefficient:
 * 2 decimals (more when a value has them); percent / signedPercent: a ratio shown in %; points: to 4 decimals;
 * pointValue: yuan per point to 4 decimals (kept unrounded in the XLSX cell); multiple: a ratio as ×; plain:
 * as written.
 */
export type NoticeFormat = 'text' | 'count' | 'weight' | 'yuan' | 'wan' | 'coefficient' | 'percent' | 'signedPercent' | 'points' | 'pointValue' | 'multiple' | 'plain';

/** A figure whose format is its own, not its column's (the parameter changes mix kinds in one column). */
export interface FormattedNumber {
  value: number;
  format: NoticeFormat;
}

export type NoticeCell = string | number | null | FormattedNumber;

export interface NoticeColumn {
  header: string;
  format: NoticeFormat;
  /** printed in the DOCX and the PDF too (the XLSX has every column) */
  brief: boolean;
}

export function column(header: string, format: NoticeFormat, brief = true): NoticeColumn {
  return { header, format, brief };
}

export interface NoticeRow {
  cells: NoticeCell[];
  /** a totals row (bold) */
  total?: boolean;
}

export interface NoticeTable {
  title: string;
  /** a line under the title (what the table is measured against, why it is empty) */
  note: string | null;
  columns: NoticeColumn[];
  rows: NoticeRow[];
}

export type NoticeSheetId = 'about' | 'drgs' | 'coefficients' | 'rates' | 'statements' | 'changes';

/** One XLSX sheet, one appendix of the DOCX and the printed notice. */
export interface NoticeSheet {
  id: NoticeSheetId;
  name: string;
  tables: NoticeTable[];
}

const NUM_FMTS: Record<Exclude<NoticeFormat, 'text' | 'coefficient' | 'plain'>, string> = {
  count: '#,##0',
  weight: '0.0000',
  yuan: '#,##0.00',
  wan: '#,##0.00',
  percent: '0.0%',
  signedPercent: '+0.0%;-0.0%;0.0%',
  points: '#,##0.0000',
  pointValue: '#,##0.0000',
  multiple: '0.000',
};

/** The decimals a coefficient needs to show as set (1.025 → 3), at least 2, at most 4. */
function coefficientDigits(value: number): number {
  for (let digits = 2; digits < 4; digits++) if (Math.abs(Math.round(value * 10 ** digits) - value * 10 ** digits) < 1e-9) return digits;
  return 4;
}

/** The XLSX number format of a figure; a coefficient column takes the decimals its finest value needs. */
export function numFmtOf(format: NoticeFormat, values: readonly number[] = []): string | undefined {
  if (format === 'text') return '@';
  if (format === 'plain') return undefined;
  if (format === 'coefficient') {
    const digits = values.reduce((d, v) => Math.max(d, coefficientDigits(v)), 2);
    return `0.${'0'.repeat(digits)}`;
  }
  return NUM_FMTS[format];
}

/** The value of a cell and its format (its own, or its column's). */
export function cellParts(cell: NoticeCell, columnFormat: NoticeFormat): { value: string | number | null; format: NoticeFormat } {
  if (cell !== null && typeof cell === 'object') return { value: cell.value, format: cell.format };
  return { value: cell, format: columnFormat };
}

/** A figure as the DOCX and the printed notice write it (— for none). */
export function figureText(value: number | null, format: NoticeFormat, locale: Locale): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'count':
      return formatNumber(value, locale, 0);
    case 'weight':
    case 'points':
    case 'pointValue':
      return formatNumber(value, locale, 4);
    case 'yuan':
    case 'wan':
      return formatNumber(value, locale, 2);
    case 'coefficient':
      return formatNumber(value, locale, coefficientDigits(value));
    case 'percent':
      return `${formatNumber(value * 100, locale, 1)}%`;
    case 'signedPercent':
      return formatPercent(value, locale);
    case 'multiple':
      return formatNumber(value, locale, 3);
    case 'text':
    case 'plain':
      return String(value);
  }
}

export function cellText(cell: NoticeCell, columnFormat: NoticeFormat, locale: Locale): string {
  const { value, format } = cellParts(cell, columnFormat);
  return typeof value === 'string' ? value : figureText(value, format, locale);
}
