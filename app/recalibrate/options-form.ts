/**
 * The options form of the 权重测算 page as text fields, and the options they make (ANALYSIS.md §C): the same
 * schema as the server's input and the CLI's, so a value the page accepts is one they accept. A bad field says
 * what and why (the schema's Chinese / English reason), and nothing is computed.
 */
import { DEFAULT_OPTIONS, recalibrationOptionsSchema, type RecalibrationOptions, type Recentre, type TrimMethod } from '@/worker/recalibration/options';

export type TrimKind = TrimMethod['kind'];
export const TRIM_KINDS: readonly TrimKind[] = ['iqr', 'pct', 'logsd', 'none'];

export interface OptionsFields {
  trimKind: TrimKind;
  /** K of iqr and logsd */
  k: string;
  lo: string;
  hi: string;
  minCases: string;
  blend: string;
  capOn: boolean;
  cap: string;
  recentre: Recentre;
}

export type FieldName = 'k' | 'lo' | 'hi' | 'minCases' | 'blend' | 'cap' | 'recentre';

/** The form as the defaults fill it (K 2 and 5–95 % for the methods that have no default of their own). */
export function fieldsOf(options: RecalibrationOptions): OptionsFields {
  const { trim } = options;
  return {
    trimKind: trim.kind,
    k: trim.kind === 'iqr' || trim.kind === 'logsd' ? String(trim.k) : '1.5',
    lo: trim.kind === 'pct' ? String(trim.lo) : '5',
    hi: trim.kind === 'pct' ? String(trim.hi) : '95',
    minCases: String(options.minCases),
    blend: String(options.blend),
    capOn: options.cap !== null,
    cap: options.cap === null ? '0.1' : String(options.cap),
    recentre: options.recentre,
  };
}

export const DEFAULT_FIELDS: OptionsFields = fieldsOf(DEFAULT_OPTIONS);

/** A number as typed: plain decimal digits (a blank or "1e3" is not one). */
function numberOf(text: string): number {
  const trimmed = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function trimOf(fields: OptionsFields): unknown {
  switch (fields.trimKind) {
    case 'iqr':
    case 'logsd':
      return { kind: fields.trimKind, k: numberOf(fields.k) };
    case 'pct':
      return { kind: 'pct', lo: numberOf(fields.lo), hi: numberOf(fields.hi) };
    case 'none':
      return { kind: 'none' };
  }
}

const TRIM_FIELDS: Record<string, FieldName> = { k: 'k', lo: 'lo', hi: 'hi' };

export type FormResult = { ok: true; options: RecalibrationOptions } | { ok: false; errors: Partial<Record<FieldName, string>> };

/** The options of the form, or each bad field's reason. `notNumber` is the reason for a field that is not a number. */
export function optionsOfFields(fields: OptionsFields, notNumber: string): FormResult {
  const candidate = {
    trim: trimOf(fields),
    minCases: numberOf(fields.minCases),
    blend: numberOf(fields.blend),
    cap: fields.capOn ? numberOf(fields.cap) : null,
    recentre: fields.recentre,
  };
  const parsed = recalibrationOptionsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, options: parsed.data };
  const errors: Partial<Record<FieldName, string>> = {};
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path.map(String);
    const field: FieldName = first === 'trim' ? (TRIM_FIELDS[second ?? ''] ?? 'k') : (first as FieldName);
    const typed = field === 'recentre' ? '0' : fields[field];
    errors[field] ??= Number.isNaN(numberOf(typed)) ? notNumber : issue.message;
  }
  return { ok: false, errors };
}

/** Whether two option sets are the same (the result shown was computed with these). */
export function sameOptions(a: RecalibrationOptions, b: RecalibrationOptions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
