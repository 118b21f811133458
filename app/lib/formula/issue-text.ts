/** A formula's refusal as a sentence in the reader's language (texts: app/i18n/dict/formula.ts). */
import type { Translate } from '@/app/i18n/translate';
import { FORMULA_FUNCTIONS } from './names';
import type { FormulaIssue } from './issues';

export function formulaIssueText(issue: FormulaIssue, t: Translate, names: readonly string[]): string {
  return t(`formula.issue.${issue.code}`, {
    field: t(`formula.field.${issue.field}`),
    name: issue.name ?? '',
    row: issue.row ?? '',
    detail: issue.detail ?? '',
    names: names.join(', '),
    functions: FORMULA_FUNCTIONS.join(', '),
  });
}
