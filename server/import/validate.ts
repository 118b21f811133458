/** Runs a row schema over one record and turns its issues into row errors (one per column). */
import type { z } from 'zod';
import type { ErrorList } from './errors';
import { cellRuleReason, withValue } from './reasons';

export function validateRow<S extends z.ZodType>(
  schema: S,
  record: Readonly<Record<string, unknown>>,
  place: { file: string; row: number },
  errors: ErrorList,
): z.infer<S> | null {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  const reported = new Set<string>();
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? '');
    if (reported.has(column)) continue;
    reported.add(column);
    const value = record[column];
    const raw = value === null || value === undefined ? '' : String(value).trim();
    const rule = cellRuleReason(issue.message);
    errors.add(place.file, place.row, column, raw === '' ? rule : withValue(rule, raw));
  }
  return null;
}

/** Remembers where each code first appeared, to name it in a duplicate's error. */
export class FirstSeen {
  private readonly rows = new Map<string, number>();

  /** The row where `code` was seen before, or null (and `code` is now recorded at `row`). */
  check(code: string, row: number): number | null {
    const before = this.rows.get(code);
    if (before !== undefined) return before;
    this.rows.set(code, row);
    return null;
  }

  has(code: string): boolean {
    return this.rows.has(code);
  }
}
