/**
 * Edit notes: short texts a save carries into the round's history (the audit entry of the save), today the
 * formula edits made since the round was opened ("公式: where … set …（n 行）", ANALYSIS.md §D). Bounded: the
 * server refuses more or longer ones (server/routers/rounds.ts reads these limits).
 */

/** Notes one save may carry. */
export const MAX_EDIT_NOTES = 20;
/** Characters of one note: a formula label holds two expressions of at most 500 characters each. */
export const MAX_EDIT_NOTE_LENGTH = 1200;

/** How a formula edit's undo label starts, in each language (app/i18n/dict/formula.ts `formula.label*`). */
export const FORMULA_LABEL_PREFIXES: readonly string[] = ['公式:', 'Formula:'];

/** The formula edits among the undo history's labels (oldest first), as the save's notes. */
export function formulaNotes(history: readonly string[]): string[] {
  return history
    .filter((label) => FORMULA_LABEL_PREFIXES.some((prefix) => label.startsWith(prefix)))
    .slice(-MAX_EDIT_NOTES)
    .map((label) => label.slice(0, MAX_EDIT_NOTE_LENGTH));
}
