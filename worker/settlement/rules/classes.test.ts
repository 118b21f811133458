/** SETTLEMENT.md §2: the order of the tests of `caseClassOf`, and the codes it writes as literals. */
import { describe, expect, it } from 'vitest';
import { caseClassOf, DRG_GROUPED, DRG_PER_DIEM, DRG_UNGROUPED, EXCLUDED, HIGH, isExcluded, LOW, NORMAL, SPECIAL, UNGROUPED } from './classes';

describe('the class of a case (§2, first match wins)', () => {
  const window = [2, 60] as const;
  const classOf = (kind: number, los: number, special: boolean, high: boolean, low: boolean) => caseClassOf(kind, los, ...window, special, high, low);

  it('excludes stays at or beyond the LOS limits and every 床日 case, before any other test', () => {
    expect(classOf(DRG_GROUPED, 2, true, true, false)).toBe(EXCLUDED);
    expect(classOf(DRG_GROUPED, 60, false, false, true)).toBe(EXCLUDED);
    expect(classOf(DRG_PER_DIEM, 10, true, false, false)).toBe(EXCLUDED);
    expect(classOf(DRG_UNGROUPED, 1, false, false, false)).toBe(EXCLUDED);
    expect(isExcluded(DRG_PER_DIEM, 10, ...window)).toBe(true);
    expect(isExcluded(DRG_GROUPED, 3, ...window)).toBe(false);
  });

  it('leaves a paid case of no DRG ungrouped, whatever its cost or review', () => {
    expect(classOf(DRG_UNGROUPED, 10, true, true, false)).toBe(UNGROUPED);
  });

  it('takes special review first, then high cost, then low cost, else normal', () => {
    expect(classOf(DRG_GROUPED, 10, true, true, false)).toBe(SPECIAL);
    expect(classOf(DRG_GROUPED, 10, false, true, false)).toBe(HIGH);
    expect(classOf(DRG_GROUPED, 10, false, false, true)).toBe(LOW);
    expect(classOf(DRG_GROUPED, 10, false, false, false)).toBe(NORMAL);
  });
});
