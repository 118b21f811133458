import { describe, expect, it } from 'vitest';
import { translator } from '@/app/i18n/translate';
import { previewFormula, type FormulaTarget } from './formula';
import { formulaIssueText } from './issue-text';
import { DISABLED_FUNCTIONS, restrictedMath } from './restricted-math';
import type { FormulaIssueCode } from './issues';

const NAMES = ['code', 'name', 'mdc', 'weight', 'cases'];
const rules = { names: NAMES, round: (x: number) => x, refuse: () => null };
const targets: FormulaTarget[] = [
  { key: 'FM19', current: 3.3, row: { code: 'FM19', name: '经皮冠状动脉支架植入', mdc: 'MDCF', weight: 3.3, cases: 120 } },
  { key: 'ES35', current: 0.38, row: { code: 'ES35', name: '呼吸系统感染', mdc: 'MDCE', weight: 0.38, cases: 40 } },
];
const before = JSON.stringify(targets);

const deep = (n: number) => `${'('.repeat(n)}weight${')'.repeat(n)}`;
const deepOps = (n: number) => Array.from({ length: n }, () => 'weight').join(' ? 1 : ');

// Every known way out of a mathjs expression, each refused with its reason (where and set alike).
const ESCAPES: [label: string, text: string, code: FormulaIssueCode, name?: string][] = [
  ['import', 'import({x: 1}, {override: true})', 'disabledFunction', 'import'],
  ['createUnit', 'createUnit("foo")', 'disabledFunction', 'createUnit'],
  ['evaluate', 'evaluate("1+1")', 'disabledFunction', 'evaluate'],
  ['parse', 'parse("1+1")', 'disabledFunction', 'parse'],
  ['compile', 'compile("1+1")', 'disabledFunction', 'compile'],
  ['simplify', 'simplify("x+x")', 'disabledFunction', 'simplify'],
  ['derivative', 'derivative("x^2", "x")', 'disabledFunction', 'derivative'],
  ['resolve', 'resolve(weight)', 'disabledFunction', 'resolve'],
  ['reviver', 'reviver()', 'disabledFunction', 'reviver'],
  ['a disabled function named, not called', 'evaluate', 'disabledFunction', 'evaluate'],
  ['constructor of an array', '[].constructor', 'access'],
  ['constructor by index', 'weight["constructor"]', 'access'],
  ['constructor through a call', 'cos.constructor("return process")', 'access'],
  ['a call of a call', 'min.constructor("return process")()', 'syntax'],
  ['a function used as a value', '(min)(1)', 'unknownName', 'min'],
  ['property of a text', 'name.length', 'access'],
  ['an object', '{a: 1}', 'access'],
  ['assignment', 'a = 1', 'assignment'],
  ['assignment to a row name', 'weight = 2', 'assignment'],
  ['a function defined in the expression', 'f(x) = x * 2', 'functionDefinition', 'f'],
  ['several statements', 'weight; 2', 'construct', 'BlockNode'],
  ['a matrix', '[1, 2, 3]', 'construct', 'ArrayNode'],
  ['a range', '1:3', 'construct', 'RangeNode'],
  ['a unit', '2 cm', 'unknownName', 'cm'],
  ['unit conversion', 'weight to cm', 'construct', 'to'],
  ['a function not on the list', 'cos(weight)', 'unknownFunction', 'cos'],
  ['an unknown name', 'coefficient * 2', 'unknownName', 'coefficient'],
  ['a mathjs constant', 'pi * weight', 'unknownName', 'pi'],
  ['NaN', 'NaN', 'constant', 'NaN'],
  ['Infinity', 'weight * Infinity', 'constant', 'Infinity'],
  ['null', 'null', 'constant', 'null'],
  ['bit operations', 'cases & 1', 'construct', '&'],
  ['factorial', 'cases!', 'construct', '!'],
  ['very long', `weight${' + 0'.repeat(200)}`, 'tooLong'],
  ['deeply nested brackets', deep(40), 'tooDeep'],
  ['deeply nested operations', deepOps(30), 'tooDeep'],
  ['bad syntax', 'weight * (1.03', 'syntax'],
];

describe('the formula sandbox refuses every known escape, with its reason, and changes nothing', () => {
  it.each(ESCAPES)('%s: set', (_label, text, code, name) => {
    const result = previewFormula('', text, targets, rules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue.code).toBe(code);
    expect(result.issue.field).toBe('set');
    if (name !== undefined) expect(result.issue.name).toBe(name);
    expect(JSON.stringify(targets)).toBe(before);
  });

  it.each(ESCAPES)('%s: where', (_label, text, code) => {
    const result = previewFormula(text, 'weight', targets, rules);
    expect(result.ok ? null : [result.issue.code, result.issue.field]).toEqual([code, 'where']);
  });

  it.each(ESCAPES)('%s: the reason reads in Chinese and English', (_label, text) => {
    const result = previewFormula('', text, targets, rules);
    if (result.ok) throw new Error('not refused');
    const zh = formulaIssueText(result.issue, translator('zh'), NAMES);
    const en = formulaIssueText(result.issue, translator('en'), NAMES);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]{2}/);
    expect(zh).not.toMatch(/\{\w+\}/);
    expect(en).not.toMatch(/\{\w+\}/);
    if (result.issue.name) expect(en).toContain(result.issue.name);
  });

  it('refuses a result that is not a finite number, naming the row', () => {
    for (const set of ['weight / 0', 'sqrt(-weight)', 'log(0)', 'mdc', 'cases > 1']) {
      const result = previewFormula('', set, targets, rules);
      expect(result.ok ? null : [result.issue.code, result.issue.row]).toEqual(['notNumber', 'FM19']);
    }
  });

  it('refuses a condition that is not true/false, and a text compared with a number', () => {
    const notBoolean = previewFormula('cases + 1', 'weight', targets, rules);
    expect(notBoolean.ok ? null : notBoolean.issue.code).toBe('notBoolean');
    const mixed = previewFormula('mdc == 1', 'weight', targets, rules);
    expect(mixed.ok ? null : [mixed.issue.code, mixed.issue.row]).toEqual(['mixedComparison', 'FM19']);
  });

  it('the instance itself: the disabled functions throw when called directly', () => {
    const math = restrictedMath as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of DISABLED_FUNCTIONS) expect(() => math[name]!('1 + 1'), name).toThrow(/disabled/);
  });
});
