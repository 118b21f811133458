/**
 * An audit entry's detail (stored as JSON) as a line to read: each changed value as "path: old → new", every other
 * value as "path: value", nested keys joined with dots ("params.budget.employee: 5e8 → 5.2e8"), lists of plain
 * values with commas. The table, its exports and the filter all show this text; the stored JSON stays as it is.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPlain = (value: Json): boolean => value === null || typeof value !== 'object';

function isChange(value: Json): value is { before?: Json; after?: Json } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'before' || k === 'after');
}

function scalar(value: Json | undefined): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function walk(value: Json, path: string, out: string[]): void {
  const name = path || '·';
  if (isChange(value)) out.push(`${name}: ${scalar(value.before)} → ${scalar(value.after)}`);
  else if (Array.isArray(value) && value.every(isPlain)) out.push(`${name}: ${value.map((v) => scalar(v)).join(', ')}`);
  else if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v] as const) : Object.entries(value);
    if (!entries.length) out.push(`${name}: —`);
    for (const [key, v] of entries) walk(v, path ? `${path}.${key}` : key, out);
  } else out.push(`${name}: ${scalar(value)}`);
}

export function auditDetailText(detail: string): string {
  if (!detail) return '';
  let parsed: Json;
  try {
    parsed = JSON.parse(detail) as Json;
  } catch {
    return detail;
  }
  const out: string[] = [];
  walk(parsed, '', out);
  return out.join('; ');
}
