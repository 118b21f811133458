import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { createInnerContext } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { seedSmallCity } from './small-city';

describe('rounds router (tRPC + SQLite)', () => {
  let db: Db;
  let datasetId: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    datasetId = seedSmallCity(db);
  });
  const caller = () => createCaller(createInnerContext({ db, viewer: { name: '专家组', role: 'panel' } }));
  const policyStaff = () => createCaller(createInnerContext({ db, viewer: { name: '经办', role: 'policy' } }));

  it('creates a child round that starts from a copy of its parent parameters', async () => {
    const parent = await caller().rounds.create({ datasetId, name: '第0轮', params: { method: 'points', budget: { employee: 1e6, resident: 5e5 }, level_coefficients: { '1': 0.7, '2': 0.85, '3': 1 } } });
    const child = await caller().rounds.create({ datasetId, name: '第1轮', parentId: parent.id, reason: '下调二级系数' });
    expect(child.parentId).toBe(parent.id);
    expect(child.params).toEqual(parent.params);
    expect(child.status).toBe('draft');
    expect(child.createdBy).toBe('专家组');
  });

  it('rejects invalid parameters and writes nothing', async () => {
    await expect(
      caller().rounds.create({ datasetId, name: '坏轮次', params: { method: 'points', level_coefficients: { '2': -1 } } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await caller().rounds.list({ datasetId })).toEqual([]);
  });

  it('moves status forward step by step and refuses every change once locked', async () => {
    const r = await caller().rounds.create({ datasetId, name: '第0轮', params: { method: 'points' } });
    await expect(policyStaff().rounds.setStatus({ id: r.id, status: 'locked' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    for (const status of ['proposed', 'agreed'] as const) await caller().rounds.setStatus({ id: r.id, status });
    // the panel proposes and agrees; only policy staff lock
    await expect(caller().rounds.setStatus({ id: r.id, status: 'locked' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await policyStaff().rounds.setStatus({ id: r.id, status: 'locked' });
    await expect(caller().rounds.update({ id: r.id, name: '改名' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller().rounds.update({ id: r.id, params: { method: 'rate' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller().rounds.setStatus({ id: r.id, status: 'agreed' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller().rounds.delete({ id: r.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const after = await caller().rounds.get({ id: r.id });
    expect([after.name, after.status, after.params.method]).toEqual(['第0轮', 'locked', 'points']);
    const audit = db.$client.prepare(`SELECT action FROM audit_log WHERE entity = 'round' ORDER BY id`).all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'status', 'status']);
  });

  it('diffs two rounds by effective values: weights against the catalog, level coefficients, budget', async () => {
    const a = await caller().rounds.create({ datasetId, name: 'A', params: { method: 'points', budget: { employee: 100, resident: 50 }, weights: { ES35: 0.38 } } });
    const b = await caller().rounds.create({
      datasetId, name: 'B',
      params: { method: 'points', budget: { employee: 120, resident: 50 }, weights: { ES35: 0.42 }, level_coefficients: { '1': 0.7, '2': 0.8, '3': 1 } },
    });
    const diff = await caller().rounds.diff({ fromId: a.id, toId: b.id });
    const byKey = Object.fromEntries(diff.map((c) => [c.key, [c.group, c.from, c.to]]));
    expect(byKey['weights.ES35']).toEqual(['weights', 0.38, 0.42]);
    expect(byKey['budget.employee']).toEqual(['rates', 100, 120]);
    expect(byKey['budget.resident']).toBeUndefined();
    expect(byKey['level_coefficients.2']?.[0]).toBe('coefficients');
    expect(byKey['level_coefficients.2']?.[2]).toBe(0.8);
  });
});
