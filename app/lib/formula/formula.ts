/**
 * Formula edits (公式批量调整, ANALYSIS.md §D): a `where` condition chooses rows, a `set` expression gives each
 * chosen row its new value. Pure: rows in, a preview out (how many rows are chosen and each one's old → new
 * value), or the first refusal with its reason — then nothing changes. The caller turns the preview into one edit.
 */
import { bracketDepth, checkTree, MAX_FORMULA_LENGTH, MAX_FORMULA_DEPTH } from './check-tree';
import { issue, type FormulaField, type FormulaIssue } from './issues';
import { MixedComparisonError, parseFormulaText } from './restricted-math';

/** A value a row gives a name: a number, a text, a flag, or nothing (null: unknown for this row). */
export type FormulaValue = number | string | boolean | null;
export type FormulaRow = Readonly<Record<string, FormulaValue>>;

/** A checked expression, ready to run on rows. */
export interface CompiledExpression {
  field: FormulaField;
  text: string;
  /** the row names it reads */
  names: readonly string[];
  /** mathjs's evaluation of the checked tree on one row's names */
  run: (row: FormulaRow) => unknown;
}

export type Compiled = { ok: true; expression: CompiledExpression } | { ok: false; issue: FormulaIssue };

/** Checks and compiles one expression over rows with these `names`. */
export function compileExpression(text: string, field: FormulaField, names: readonly string[]): Compiled {
  const trimmed = text.trim();
  if (trimmed.length > MAX_FORMULA_LENGTH) return { ok: false, issue: issue('tooLong', field, { detail: String(MAX_FORMULA_LENGTH) }) };
  if (trimmed === '') return { ok: false, issue: issue('empty', field) };
  if (bracketDepth(trimmed) > MAX_FORMULA_DEPTH) return { ok: false, issue: issue('tooDeep', field, { detail: String(MAX_FORMULA_DEPTH) }) };
  let tree;
  try {
    tree = parseFormulaText(trimmed);
  } catch (error) {
    return { ok: false, issue: issue('syntax', field, { detail: error instanceof Error ? error.message : String(error) }) };
  }
  const used = new Set<string>();
  const refused = checkTree(tree, field, new Set(names), used);
  if (refused) return { ok: false, issue: refused };
  const code = tree.compile();
  return {
    ok: true,
    expression: {
      field,
      text: trimmed,
      names: [...used],
      // a fresh scope per row: only the names the formula reads, nothing else is reachable
      run: (row) => code.evaluate(new Map([...used].map((name) => [name, row[name] ?? null]))),
    },
  };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; issue: FormulaIssue };

/** What the expression gives on a row, as the field's type must be: a finite number (set) or true/false (where). */
export function evaluateOn(expression: CompiledExpression, row: FormulaRow, rowKey: string): Outcome<number | boolean> {
  const { field } = expression;
  const missing = expression.names.find((name) => row[name] === null || row[name] === undefined);
  // where: a row without a value for a name the condition reads is not chosen; set: it cannot be computed
  if (missing !== undefined) return field === 'where' ? { ok: true, value: false } : { ok: false, issue: issue('noValue', field, { row: rowKey, name: missing }) };
  let value: unknown;
  try {
    value = expression.run(row);
  } catch (error) {
    if (error instanceof MixedComparisonError) return { ok: false, issue: issue('mixedComparison', field, { row: rowKey }) };
    return { ok: false, issue: issue('evaluation', field, { row: rowKey, detail: error instanceof Error ? error.message : String(error) }) };
  }
  if (field === 'where') return typeof value === 'boolean' ? { ok: true, value } : { ok: false, issue: issue('notBoolean', field, { row: rowKey, detail: shown(value) }) };
  return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : { ok: false, issue: issue('notNumber', field, { row: rowKey, detail: shown(value) }) };
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' && 'toString' in value ? String(value) : typeof value;
}

/** A row a formula may change: its key, the value it has now (null: none — it is left alone) and its names. */
export interface FormulaTarget {
  key: string;
  current: number | null;
  row: FormulaRow;
}

export interface FormulaChange {
  key: string;
  before: number;
  after: number;
}

export interface FormulaPreview {
  where: string;
  set: string;
  /** every chosen row, old → new (unchanged ones included), in the rows' order */
  changes: FormulaChange[];
  /** rows with no current value (no weight, no coefficient): never chosen */
  skipped: number;
}

export interface FormulaRules {
  /** the row names (the columns of §D) */
  names: readonly string[];
  /** how a new value is kept (e.g. weights to 4 decimals) */
  round: (value: number) => number;
  /** a new value the field cannot take, with the reason's detail (e.g. "≤ 0"), else null */
  refuse: (value: number) => string | null;
  /** names whose values are not known yet (the settlement is running): a formula that reads one is refused */
  unavailable?: ReadonlySet<string>;
}

/** The first name of a not-yet-known value that one of the expressions reads. */
function notReady(expressions: readonly CompiledExpression[], unavailable: ReadonlySet<string> | undefined): FormulaIssue | null {
  for (const e of expressions) {
    const name = e.names.find((n) => unavailable?.has(n));
    if (name !== undefined) return issue('notReady', e.field, { name });
  }
  return null;
}

/** Chooses the rows (`where`, blank = all) and computes each one's new value (`set`); all or nothing. */
export function previewFormula(where: string, set: string, targets: readonly FormulaTarget[], rules: FormulaRules): Outcome<FormulaPreview> {
  const condition = where.trim() === '' ? null : compileExpression(where, 'where', rules.names);
  if (condition && !condition.ok) return condition;
  const expression = compileExpression(set, 'set', rules.names);
  if (!expression.ok) return expression;
  const waiting = notReady(condition ? [condition.expression, expression.expression] : [expression.expression], rules.unavailable);
  if (waiting) return { ok: false, issue: waiting };
  const changes: FormulaChange[] = [];
  let skipped = 0;
  for (const target of targets) {
    if (target.current === null) {
      skipped++;
      continue;
    }
    if (condition) {
      const chosen = evaluateOn(condition.expression, target.row, target.key);
      if (!chosen.ok) return chosen;
      if (!chosen.value) continue;
    }
    const computed = evaluateOn(expression.expression, target.row, target.key);
    if (!computed.ok) return computed;
    const after = rules.round(computed.value as number);
    const refusal = rules.refuse(after);
    if (refusal !== null) return { ok: false, issue: issue('outOfRange', 'set', { row: target.key, detail: refusal }) };
    changes.push({ key: target.key, before: target.current, after });
  }
  return { ok: true, value: { where: where.trim(), set: set.trim(), changes, skipped } };
}
