import { describe, expect, it } from 'vitest';
import { classifyChange, type Observed } from './change-kind';

const base: Observed = { roundId: 2, roundUpdatedAt: 't1', baselineId: 1, compareIds: [], history: [], params: { a: 1 } };
const rounds = [
  { id: 1, name: '第0轮', parentId: null },
  { id: 2, name: '第1轮', parentId: 1 },
  { id: 3, name: '第2轮', parentId: 2 },
];
const known = new Set([1, 2]);

describe('what the presenter did, between two renders', () => {
  it('an edit carries its undo label; an undo the label it undid; a redo the label it brought back', () => {
    const edited = { ...base, history: ['二级系数 0.9 → 0.85'], params: { a: 2 } };
    const edit = classifyChange(base, edited, [], rounds, known)!;
    expect(edit.change).toEqual({ kind: 'edit', label: '二级系数 0.9 → 0.85' });
    const undo = classifyChange(edited, { ...base, params: { a: 1 } }, edit.undone, rounds, known)!;
    expect(undo.change).toEqual({ kind: 'undo', label: '二级系数 0.9 → 0.85' });
    expect(undo.undone).toEqual(['二级系数 0.9 → 0.85']);
    const redo = classifyChange({ ...base, params: { a: 1 } }, { ...edited, params: { a: 2 } }, undo.undone, rounds, known)!;
    expect(redo.change).toEqual({ kind: 'redo', label: '二级系数 0.9 → 0.85' });
    expect(redo.undone).toEqual([]);
  });

  it('a new edit after an undo is an edit, and forgets what could be redone', () => {
    const next = classifyChange(base, { ...base, history: ['一级系数 1 → 1.1'], params: { a: 3 } }, ['二级系数 0.9 → 0.85'], rounds, known)!;
    expect(next).toEqual({ change: { kind: 'edit', label: '一级系数 1 → 1.1' }, undone: [] });
  });

  it('saving as a new child round, saving into the round, and choosing other rounds', () => {
    expect(classifyChange(base, { ...base, roundId: 3, history: [] }, [], rounds, known)!.change).toEqual({ kind: 'saved', label: '第2轮' });
    expect(classifyChange(base, { ...base, roundId: 3 }, [], rounds, new Set([1, 2, 3]))!.change).toEqual({ kind: 'rounds', label: '第2轮' });
    expect(classifyChange(base, { ...base, roundUpdatedAt: 't2' }, [], rounds, known)!.change).toEqual({ kind: 'saved', label: '第1轮' });
    expect(classifyChange(base, { ...base, compareIds: [3] }, [], rounds, known)!.change).toEqual({ kind: 'rounds', label: null });
    expect(classifyChange(base, { ...base }, [], rounds, known)).toBeNull();
  });
});
