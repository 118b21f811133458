/**
 * Row errors of an import (SETTLEMENT.md §5): values, never exceptions. Each names the file, the row as a
 * spreadsheet user sees it (header = row 1), the column (its §5 name) and the reason in Chinese and English
 * (`reasons.ts`).
 */
import type { Reason } from './reasons';

export type { Reason };
export type Language = keyof Reason;

export interface RowError {
  /** file name as given, e.g. "cases.csv" */
  file: string;
  /** 1-based row of the file (header = 1); 0 = the file or data set as a whole */
  row: number;
  /** the §5 column name ('' = the whole row or file) */
  column: string;
  reason: Reason;
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

/** "cases.csv:14 month: must be an integer 1–12 (got 13)" · "cases.csv 第 14 行 month：应为 1–12 的整数（当前值：13）" */
export function formatRowError(e: RowError, language: Language = 'en'): string {
  const reason = e.reason[language];
  if (language === 'zh') {
    const place = [e.file, e.row > 0 ? `第 ${e.row} 行` : '', e.column].filter(Boolean).join(' ');
    return place ? `${place}：${reason}` : reason;
  }
  const place = e.row > 0 ? `${e.file}:${e.row}` : e.file;
  const what = e.column ? `${e.column}: ${reason}` : reason;
  if (!place) return what;
  return e.row > 0 || e.column ? `${place} ${what}` : `${place}: ${what}`;
}

/** What ends a truncated listing, or null when every error is listed. */
export function omittedErrors(failure: ImportFailure): Reason | null {
  const rest = failure.errorCount - failure.errors.length;
  return rest > 0 ? { zh: `……另有 ${rest} 处错误未列出`, en: `… and ${rest} more errors` } : null;
}

/** Collects errors up to the cap, counting the rest. */
export class ErrorList {
  readonly listed: RowError[] = [];
  count = 0;

  constructor(private readonly cap: number = MAX_LISTED_ERRORS) {}

  add(file: string, row: number, column: string, reason: Reason): void {
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
