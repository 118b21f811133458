/** Formula edits with a restricted mathjs (ANALYSIS.md §D). The params editor loads this module when first used. */
export { previewFormula, compileExpression, evaluateOn, type FormulaPreview, type FormulaChange, type FormulaTarget, type FormulaRow, type FormulaRules, type FormulaValue } from './formula';
export { FORMULA_FUNCTIONS, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from './check-tree';
export type { FormulaIssue, FormulaIssueCode, FormulaField } from './issues';
