/**
 * Finds the §5 columns (`table-columns.ts`) in a file's header row. Headers match after trimming, dropping a
 * BOM, ignoring ASCII case and a trailing unit in brackets ("医疗总费用（元）").
 */
import type { ErrorList } from './errors';
import { REASONS } from './reasons';
import { TABLE_COLUMNS, type ColumnName, type ColumnSpec, type TableName } from './table-columns';

export { TABLE_COLUMNS, type ColumnName, type ColumnSpec, type TableName };

/** Position of each §5 column in the file's header; -1 = absent (an optional column). */
export type ColumnIndex<T extends TableName> = Record<ColumnName<T>, number>;

/** "医疗总费用（元）" → "医疗总费用"; "\uFEFF Case_ID " → "case_id". */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*[(（][^()（）]*[)）]$/, '')
    .toLowerCase();
}

function specsOf(table: TableName): readonly ColumnSpec[] {
  return TABLE_COLUMNS[table];
}

/** Every header a column accepts: its §5 name, its Chinese name, its other aliases. */
export function acceptedHeaders(spec: ColumnSpec): string[] {
  return [spec.name, spec.zh, ...spec.aliases];
}

function aliasMap(table: TableName): Map<string, string> {
  const map = new Map<string, string>();
  for (const spec of specsOf(table)) {
    for (const accepted of acceptedHeaders(spec)) map.set(normalizeHeader(accepted), spec.name);
  }
  return map;
}

/**
 * Finds every §5 column in a header row. A missing required column or a column given twice (e.g. both
 * `month` and `月份`) is one error naming it; unknown extra columns are ignored. Null when the file
 * cannot be read row by row.
 */
export function resolveColumns<T extends TableName>(
  table: T,
  header: readonly string[],
  place: { file: string; row: number },
  errors: ErrorList,
): ColumnIndex<T> | null {
  const { file, row } = place;
  const aliases = aliasMap(table);
  const index: Record<string, number> = {};
  for (const spec of specsOf(table)) index[spec.name] = -1;
  let ok = true;
  header.forEach((cell, position) => {
    const name = aliases.get(normalizeHeader(cell));
    if (name === undefined) return;
    if (index[name] !== -1) {
      errors.add(file, row, name, REASONS.columnTwice(index[name]! + 1, position + 1));
      ok = false;
    } else index[name] = position;
  });
  for (const spec of specsOf(table)) {
    if (!spec.required || index[spec.name] !== -1) continue;
    errors.add(file, row, spec.name, REASONS.columnMissing(acceptedHeaders(spec)));
    ok = false;
  }
  return ok ? (index as ColumnIndex<T>) : null;
}
