/**
 * Row errors of an import (SETTLEMENT.md §5): values, never exceptions. Each names the file, the row as a
 * spreadsheet user sees it (header = row 1), the column (its §5 name) and the reason in plain English.
 */

export interface RowError {
  /** file name as given, e.g. "cases.csv" */
  file: string;
  /** 1-based row of the file (header = 1); 0 = the file or data set as a whole */
  row: number;
  /** the §5 column name ('' = the whole row or file) */
  column: string;
  reason: string;
}

/** A failed read: the first `MAX_LISTED_ERRORS` errors and how many there were in all. */
export interface ImportFailure {
  ok: false;
  errors: RowError[];
  /** all errors found, listed or not (≥ errors.length) */
  errorCount: number;
}

/** More errors than this are counted, not listed: a broken 1 M-row file should not print 1 M lines. */
export const MAX_LISTED_ERRORS = 1000;

/** "cases.csv:14 month: must be an integer 1–12 (got 13)" */
export function formatRowError(e: RowError): string {
  const place = e.row > 0 ? `${e.file}:${e.row}` : e.file;
  const what = e.column ? `${e.column}: ${e.reason}` : e.reason;
  if (!place) return what;
  return e.row > 0 || e.column ? `${place} ${what}` : `${place}: ${what}`;
}

/** The line that ends a truncated listing, or null when every error is listed. */
export function formatOmittedErrors(failure: ImportFailure): string | null {
  const rest = failure.errorCount - failure.errors.length;
  return rest > 0 ? `… and ${rest} more errors` : null;
}

/** Collects errors up to the cap, counting the rest. */
export class ErrorList {
  readonly listed: RowError[] = [];
  count = 0;

  constructor(private readonly cap: number = MAX_LISTED_ERRORS) {}

  add(file: string, row: number, column: string, reason: string): void {
    this.count++;
    if (this.listed.length < this.cap) this.listed.push({ file, row, column, reason });
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  failure(): ImportFailure {
    return { ok: false, errors: this.listed, errorCount: this.count };
  }
}

/** How a cell looks in a reason: `(got 13)`, `(got "abc")`, `(got empty)`. */
export function shownValue(raw: string): string {
  if (raw === '') return 'empty';
  const short = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return /^[-+]?[\d.,eE]+$/.test(short) ? short : `"${short}"`;
}
