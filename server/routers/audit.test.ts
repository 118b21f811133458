import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { createInnerContext, type Viewer } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { recordAudit } from '@/server/services/audit';

describe('the audit log page', () => {
  const db = openDatabase(':memory:');
  recordAudit(db, { actor: 'panel-a', action: 'login', entity: 'user' });
  recordAudit(db, { actor: 'rep-h001', action: 'login', entity: 'user' });
  recordAudit(db, { actor: 'panel-a', action: 'update', entity: 'round', entityId: 7, detail: { params: { budget: { before: 1, after: 2 } } } });
  recordAudit(db, { actor: 'rep-h001', action: 'login.failed', entity: 'user' });
  recordAudit(db, { actor: 'panel-a', action: 'accept', entity: 'request', entityId: 7, detail: { status: { before: 'submitted', after: 'accepted' } } });
  const as = (viewer: Viewer) => createCaller(createInnerContext({ db, viewer })).audit;

  it("filters the bureau's view by user, kind (a family: login also finds login.failed) and round, newest first", async () => {
    const panel = as({ name: '专家组', role: 'panel' });
    expect((await panel.list({})).total).toBe(5);
    expect((await panel.list({ actor: 'panel-a' })).rows.map((r) => r.action)).toEqual(['accept', 'update', 'login']);
    expect((await panel.list({ action: 'login' })).rows.map((r) => r.action)).toEqual(['login.failed', 'login', 'login']);
    const round = await panel.list({ entity: 'round', entityId: 7 });
    expect(round.rows).toHaveLength(1);
    expect(JSON.parse(round.rows[0]!.detail)).toEqual({ params: { budget: { before: 1, after: 2 } } });
    // the object filter alone: request 7 is not round 7
    expect((await panel.list({ entity: 'request' })).rows.map((r) => [r.action, r.entityId])).toEqual([['accept', 7]]);
    expect((await panel.list({ entity: 'request', action: 'reject' })).total).toBe(0);
  });

  it('gives a hospital user only its own entries, whatever it asks for', async () => {
    const rep = as({ name: 'rep-h001', role: 'hospital', hospitalCode: 'H001' });
    const mine = await rep.list({ actor: 'panel-a' });
    expect(mine.total).toBe(2);
    expect(new Set(mine.rows.map((r) => r.actor))).toEqual(new Set(['rep-h001']));
  });
});
