import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, historyLabels, initialUndoState, undoReducer, type UndoState } from './undo-stack';

type P = { level2: number };
const apply = (s: UndoState<P>, level2: number, label = `二级系数 → ${level2}`) => undoReducer(s, { type: 'apply', next: { level2 }, label });

describe('undo history of round parameters', () => {
  const start = initialUndoState<P>({ level2: 0.9 });

  it('apply pushes the change with its label and clears redo', () => {
    const s = apply(apply(start, 0.85), 0.8);
    expect(s.present).toEqual({ level2: 0.8 });
    expect(historyLabels(s)).toEqual(['二级系数 → 0.85', '二级系数 → 0.8']);
    const undone = undoReducer(s, { type: 'undo' });
    expect(apply(undone, 0.7).future).toEqual([]);
  });

  it('undo and redo walk back and forth through the same states', () => {
    const s = apply(apply(start, 0.85), 0.8);
    const u1 = undoReducer(s, { type: 'undo' });
    expect(u1.present).toEqual({ level2: 0.85 });
    const u2 = undoReducer(u1, { type: 'undo' });
    expect(u2.present).toBe(start.present);
    expect(historyLabels(u2)).toEqual([]);
    const r1 = undoReducer(u2, { type: 'redo' });
    expect(r1.present).toEqual({ level2: 0.85 });
    expect(historyLabels(r1)).toEqual(['二级系数 → 0.85']);
    const r2 = undoReducer(r1, { type: 'redo' });
    expect(r2.present).toEqual(s.present);
    expect(historyLabels(r2)).toEqual(historyLabels(s));
  });

  it('undo with nothing to undo and redo with nothing to redo change nothing', () => {
    expect(undoReducer(start, { type: 'undo' })).toBe(start);
    expect(undoReducer(start, { type: 'redo' })).toBe(start);
  });

  it('applying the very same object is not a change', () => {
    expect(undoReducer(start, { type: 'apply', next: start.present, label: 'x' })).toBe(start);
  });

  it('reset starts a new history (another round opened, or the round saved)', () => {
    const s = undoReducer(apply(start, 0.85), { type: 'undo' });
    const r = undoReducer(s, { type: 'reset', present: { level2: 1 } });
    expect(r).toEqual({ present: { level2: 1 }, past: [], future: [] });
  });

  it('keeps at most HISTORY_LIMIT changes, forgetting the oldest', () => {
    let s = start;
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) s = apply(s, i, `#${i}`);
    expect(s.past).toHaveLength(HISTORY_LIMIT);
    expect(s.past[0]?.label).toBe('#6');
  });
});
