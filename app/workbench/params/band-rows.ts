/** Band tables (高倍率, 合理超支分担, 鼓励系数) as the editor holds them: rows of typed text, parsed on demand. */
import { getIn } from './paths';
import { BAND_SPECS, readNumber, type BandKey, type BandRowInput } from './validate';

export interface BandText {
  bound: string;
  value: string;
}

const text = (value: unknown) => (typeof value === 'number' ? String(value) : '');

/** The rows of a band table of the (resolved) round as text. */
export function bandTexts(key: BandKey, resolved: unknown): BandText[] {
  const spec = BAND_SPECS[key];
  const rows = getIn(resolved, [key]);
  if (!Array.isArray(rows)) return [];
  return rows.map((row: unknown) => ({ bound: text(getIn(row, [spec.bound])), value: text(getIn(row, [spec.value])) }));
}

export function parseBandTexts(rows: readonly BandText[]): BandRowInput[] {
  return rows.map((row) => ({ bound: readNumber(row.bound), value: readNumber(row.value) }));
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * A new band that keeps the table valid, for the panel to adjust: before an open last band (bound one step past
 * the band before it), else after the last band (one step further in the table's order, its value repeated).
 */
export function withNewBand(key: BandKey, rows: readonly BandText[]): BandText[] {
  const spec = BAND_SPECS[key];
  const last = rows[rows.length - 1];
  const openLast = spec.openLast && last !== undefined && last.bound.trim() === '';
  const before = openLast ? rows[rows.length - 2] : last;
  const previous = before ? readNumber(before.bound) : null;
  const step = key === 'eval_bands' ? -10 : key === 'sharing_bands' ? 0.1 : 1;
  const start = key === 'eval_bands' ? 60 : step;
  const bound = typeof previous === 'number' ? round(Math.max(0, previous + step)) : start;
  const band = { bound: String(bound), value: (before ?? last)?.value ?? '1' };
  return openLast ? [...rows.slice(0, -1), band, last] : [...rows, band];
}

export function withoutBand(rows: readonly BandText[], index: number): BandText[] {
  return rows.filter((_, i) => i !== index);
}

/** A band table in one line for the undo history: "≤1: 3 / ≤3: 2 / 以上: 1.5". */
export function describeBands(key: BandKey, rows: readonly BandText[], openText: string): string {
  const sign = BAND_SPECS[key].order === 'ascending' ? '≤' : '≥';
  return rows.map((row) => `${row.bound.trim() === '' ? openText : `${sign}${row.bound.trim()}`}: ${row.value.trim()}`).join(' / ');
}
