/**
 * The second lock of the sandbox (restricted-math.ts is the first): a parsed formula is evaluated only if every
 * node of its tree is of a harmless kind — constants, the row's names, arithmetic, comparisons and logic,
 * brackets, `a ? b : c`, and calls of a few pure math functions. Assignments, function definitions, property
 * or index access (the way to `constructor`), objects, matrices, ranges, units and unknown names are refused,
 * each with its reason, before anything runs.
 */
import type { MathNode } from 'mathjs';
import { DISABLED_FUNCTIONS, FORMULA_FUNCTIONS } from './names';
import { issue, type FormulaField, type FormulaIssue } from './issues';

export { FORMULA_FUNCTIONS };

/** ANALYSIS.md §D: an expression is at most 500 characters. */
export const MAX_FORMULA_LENGTH = 500;
/** Brackets and operations nested at most this deep (a real formula needs a handful). */
export const MAX_FORMULA_DEPTH = 24;


/** mathjs's operator functions a formula may use: arithmetic, comparison, logic. */
const OPERATORS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'mod', 'pow', 'unaryMinus', 'unaryPlus',
  'equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq',
  'and', 'or', 'xor', 'not',
]);
const COMPARISONS: ReadonlySet<string> = new Set(['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq']);
const DISABLED: ReadonlySet<string> = new Set(DISABLED_FUNCTIONS);

/** The fields of mathjs's nodes this check reads (mathjs's own types name them per node class). */
interface AnyNode {
  type: string;
  name?: string;
  fn?: unknown;
  op?: string;
  value?: unknown;
  args?: readonly AnyNode[];
  content?: AnyNode;
  condition?: AnyNode;
  trueExpr?: AnyNode;
  falseExpr?: AnyNode;
  conditionals?: readonly string[];
  params?: readonly AnyNode[];
}

const ACCESS_NODES = new Set(['AccessorNode', 'IndexNode', 'ObjectNode']);

/** The deepest nesting of brackets in the text, before parsing (a very deep input is refused unparsed). */
export function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/**
 * Checks a parsed tree; returns the first refusal, or null when every node is allowed. `names` are the row's
 * columns; `used` collects the names the formula reads.
 */
export function checkTree(root: MathNode, field: FormulaField, names: ReadonlySet<string>, used: Set<string>): FormulaIssue | null {
  const visit = (node: AnyNode, depth: number): FormulaIssue | null => {
    if (depth > MAX_FORMULA_DEPTH) return issue('tooDeep', field, { detail: String(MAX_FORMULA_DEPTH) });
    const children = (list: readonly (AnyNode | undefined)[]): FormulaIssue | null => {
      for (const child of list) {
        const found = child ? visit(child, depth + 1) : null;
        if (found) return found;
      }
      return null;
    };
    switch (node.type) {
      case 'ConstantNode': {
        const v = node.value;
        if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return null;
        return issue('constant', field, { name: String(v) });
      }
      case 'SymbolNode': {
        const name = node.name ?? '';
        if (names.has(name)) {
          used.add(name);
          return null;
        }
        if (DISABLED.has(name)) return issue('disabledFunction', field, { name });
        if (name === 'NaN' || name === 'Infinity') return issue('constant', field, { name });
        return issue('unknownName', field, { name });
      }
      case 'ParenthesisNode':
        return children([node.content]);
      case 'ConditionalNode':
        return children([node.condition, node.trueExpr, node.falseExpr]);
      case 'OperatorNode':
        if (typeof node.fn !== 'string' || !OPERATORS.has(node.fn)) return issue('construct', field, { name: node.op ?? String(node.fn) });
        return children(node.args ?? []);
      case 'RelationalNode':
        if (!(node.conditionals ?? []).every((c) => COMPARISONS.has(c))) return issue('construct', field, { name: 'RelationalNode' });
        return children(node.params ?? []);
      case 'FunctionNode':
        return checkCall(node, field, (args) => children(args));
      case 'AssignmentNode':
        return issue('assignment', field);
      case 'FunctionAssignmentNode':
        return issue('functionDefinition', field, { name: node.name ?? '' });
      default:
        return ACCESS_NODES.has(node.type) ? issue('access', field) : issue('construct', field, { name: node.type });
    }
  };
  return visit(root as unknown as AnyNode, 1);
}

/** A call: only of a listed function, by its plain name (not `a.b(…)`, not `f(x)(…)`). */
function checkCall(node: AnyNode, field: FormulaField, children: (args: readonly AnyNode[]) => FormulaIssue | null): FormulaIssue | null {
  const fn = node.fn as AnyNode | undefined;
  if (!fn || fn.type !== 'SymbolNode') return fn && ACCESS_NODES.has(fn.type) ? issue('access', field) : issue('construct', field, { name: fn?.type ?? 'FunctionNode' });
  const name = fn.name ?? '';
  if (DISABLED.has(name)) return issue('disabledFunction', field, { name });
  if (!FORMULA_FUNCTIONS.includes(name)) return issue('unknownFunction', field, { name });
  return children(node.args ?? []);
}
