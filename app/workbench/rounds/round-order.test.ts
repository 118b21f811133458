import { describe, expect, it } from 'vitest';
import { inLineageOrder, sortByRoundOrder, type RoundInLineage } from './round-order';

const round = (id: number, parentId: number | null, createdAt: string): RoundInLineage => ({ id, parentId, createdAt });

describe('round order', () => {
  it('puts a parent before its child and a chain in its order, whatever the ids', () => {
    // 第0轮 (7) → 第1轮 (3) → 第2轮 (9): a child can have a smaller id than its parent (rounds copied across)
    const rounds = [round(9, 3, '2026-01-03'), round(3, 7, '2026-01-02'), round(7, null, '2026-01-01')];
    expect(inLineageOrder(rounds).map((r) => r.id)).toEqual([7, 3, 9]);
  });

  it('orders siblings by creation time, then by id, and keeps each branch together', () => {
    const rounds = [
      round(1, null, '2026-01-01T00:00'),
      round(2, 1, '2026-01-02T00:00'),
      round(3, 2, '2026-01-03T00:00'),
      // a second child of 第1轮, created after 第2轮 but with the same time as another sibling
      round(5, 1, '2026-01-04T00:00'),
      round(4, 1, '2026-01-04T00:00'),
      round(6, 4, '2026-01-05T00:00'),
    ];
    expect(inLineageOrder(rounds).map((r) => r.id)).toEqual([1, 2, 3, 4, 6, 5]);
  });

  it('takes a round whose parent is not in the list as a root, roots by creation', () => {
    const rounds = [round(12, 99, '2026-02-01'), round(10, null, '2026-01-01'), round(11, 10, '2026-03-01')];
    expect(inLineageOrder(rounds).map((r) => r.id)).toEqual([10, 11, 12]);
  });

  it('still lists rounds caught in a cycle of parents', () => {
    const rounds = [round(1, null, 'a'), round(2, 3, 'b'), round(3, 2, 'c')];
    expect(inLineageOrder(rounds).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('sorts compared rounds by lineage: the edited round keeps its item wherever it lands', () => {
    const order = inLineageOrder([round(1, null, 'a'), round(2, 1, 'b'), round(3, 2, 'c'), round(4, 3, 'd'), round(5, 4, 'e')]);
    // the edited 第4轮 (id 5, unsaved edits) first, then the extras 第1–3轮, as the workbench gathers them
    const compared = [{ id: 5, name: '第4轮（未保存）', edited: true }, { id: 2, name: '第1轮' }, { id: 3, name: '第2轮' }, { id: 4, name: '第3轮' }];
    const sorted = sortByRoundOrder(compared, order);
    expect(sorted.map((c) => c.name)).toEqual(['第1轮', '第2轮', '第3轮', '第4轮（未保存）']);
    expect(sorted[3]).toBe(compared[0]);
  });

  it('puts a compared round missing from the order last, in its given place', () => {
    expect(sortByRoundOrder([{ id: 8 }, { id: 2 }, { id: 7 }], [{ id: 2 }]).map((c) => c.id)).toEqual([2, 8, 7]);
  });
});
