/**
 * The lists of the formula sandbox, without mathjs (the editor shows them before the formula module is loaded):
 * the functions a formula may call, and mathjs's functions that reach outside an expression, all disabled.
 */

/** The functions a formula may call: pure, of numbers, giving a number. */
export const FORMULA_FUNCTIONS: readonly string[] = ['min', 'max', 'abs', 'round', 'floor', 'ceil', 'sqrt', 'log', 'log10', 'exp', 'pow'];

/** Functions of mathjs that would let an expression reach outside itself: each throws if ever called. */
export const DISABLED_FUNCTIONS = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'compile',
  'parser',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'rationalize',
  'derivative',
  'resolve',
  'reviver',
  'replacer',
  'chain',
  'help',
] as const;
