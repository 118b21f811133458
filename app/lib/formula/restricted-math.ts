/**
 * The one mathjs instance formulas are evaluated with, restricted as mathjs's security guide advises: a fresh
 * instance (`create`), numbers only (no BigNumber, no units by any name the checker lets through), `predictable`
 * (sqrt(−1) is NaN, not a complex number), and the functions that reach outside an expression — `import`,
 * `createUnit`, `evaluate`, `parse`, `compile`, `simplify`, `derivative`, `resolve`, `reviver` … — replaced by
 * ones that throw. The parser is kept before it is disabled: only this module parses, and only check-tree.ts'
 * accepted trees are ever compiled. `==` and `!=` also compare texts and flags (`mdc == "MDCF"`): mathjs alone
 * would turn both texts into numbers and fail.
 */
import { all, create, type MathNode } from 'mathjs';
import { DISABLED_FUNCTIONS } from './names';

export { DISABLED_FUNCTIONS };

if (!all) throw new Error('mathjs: its functions (all) are missing');
const math = create(all, { number: 'number', predictable: true });

/** mathjs's parser, taken before the instance's own `parse` is disabled. */
const parseExpression: (text: string) => MathNode = math.parse;
const equalNumbers = math.equal as (a: number, b: number) => boolean;

/** Thrown when `==` / `!=` compare a text or a flag with something else (a number). */
export class MixedComparisonError extends Error {
  constructor() {
    super('a text or true/false compared with a number');
    this.name = 'MixedComparisonError';
  }
}


function disabled(name: string) {
  return () => {
    throw new Error(`function ${name} is disabled`);
  };
}

const mismatch = () => {
  throw new MixedComparisonError();
};

math.import(
  {
    ...Object.fromEntries(DISABLED_FUNCTIONS.map((name) => [name, disabled(name)])),
    equal: math.typed('equal', {
      'number, number': (a: number, b: number) => equalNumbers(a, b),
      'string, string': (a: string, b: string) => a === b,
      'boolean, boolean': (a: boolean, b: boolean) => a === b,
      'string, number': mismatch,
      'number, string': mismatch,
      'boolean, number': mismatch,
      'number, boolean': mismatch,
    }),
    unequal: math.typed('unequal', {
      'number, number': (a: number, b: number) => !equalNumbers(a, b),
      'string, string': (a: string, b: string) => a !== b,
      'boolean, boolean': (a: boolean, b: boolean) => a !== b,
      'string, number': mismatch,
      'number, string': mismatch,
      'boolean, number': mismatch,
      'number, boolean': mismatch,
    }),
  },
  { override: true },
);

/** The restricted instance (its functions are what a checked formula's calls reach). */
export const restrictedMath = math;

/** Parses a formula's text into mathjs's tree (throws mathjs's SyntaxError on bad syntax). */
export function parseFormulaText(text: string): MathNode {
  return parseExpression(text);
}
