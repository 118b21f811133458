/**
 * Why a formula is refused: values, never exceptions, each naming what and why. The texts are in
 * app/i18n/dict/formula.ts (`formula.issue.<code>`, zh and en), filled with the issue's fields.
 */

/** Which of the two inputs: the condition choosing the rows, or the expression giving their new value. */
export type FormulaField = 'where' | 'set';

export type FormulaIssueCode =
  /** set is empty */
  | 'empty'
  /** longer than MAX_FORMULA_LENGTH characters */
  | 'tooLong'
  /** brackets or operations nested deeper than MAX_FORMULA_DEPTH */
  | 'tooDeep'
  /** mathjs could not parse it (`detail`: its message) */
  | 'syntax'
  /** a function that reaches outside an expression: import, evaluate, parse … (`name`) */
  | 'disabledFunction'
  /** a function not on the list (`name`) */
  | 'unknownFunction'
  /** a name that is not a column of the row (`name`) */
  | 'unknownName'
  /** `a = 1` */
  | 'assignment'
  /** `f(x) = …` */
  | 'functionDefinition'
  /** `a.b`, `a[1]`, `[].constructor`, `{…}`: reaching into objects */
  | 'access'
  /** any other construct: matrices, ranges, units, several statements, bit operations … (`name`: its kind) */
  | 'construct'
  /** NaN, Infinity, null or undefined written in the formula */
  | 'constant'
  /** a row's value is not a finite number (set) (`row`, `detail`: what it gave) */
  | 'notNumber'
  /** a row's condition is not true/false (where) (`row`, `detail`) */
  | 'notBoolean'
  /** `==` between a text and a number (`row`) */
  | 'mixedComparison'
  /** the row has no value for a name the set expression uses (`row`, `name`) */
  | 'noValue'
  /** the evaluation failed for a row (`row`, `detail`: mathjs's message) */
  | 'evaluation'
  /** the new value is out of the field's range (`row`, `detail`: the value) */
  | 'outOfRange'
  /** a name is not available yet (the settlement is running) (`name`) */
  | 'notReady';

export interface FormulaIssue {
  code: FormulaIssueCode;
  field: FormulaField;
  /** the name, function or construct concerned */
  name?: string;
  /** the row's key (DRG or hospital code) */
  row?: string;
  /** a value, a limit or a parser's message */
  detail?: string;
}

export function issue(code: FormulaIssueCode, field: FormulaField, more: Omit<FormulaIssue, 'code' | 'field'> = {}): FormulaIssue {
  return { code, field, ...more };
}
