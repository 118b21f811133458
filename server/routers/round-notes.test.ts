import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { createInnerContext } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { MAX_EDIT_NOTE_LENGTH, MAX_EDIT_NOTES } from '@/app/lib/edit-notes';
import { seedSmallCity } from './small-city';

describe('a save carries its formula edits into the round’s history', () => {
  let db: Db;
  let datasetId: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    datasetId = seedSmallCity(db);
  });
  const caller = () => createCaller(createInnerContext({ db, viewer: { name: '经办', role: 'policy' } }));
  const auditOf = (id: number) =>
    (db.$client.prepare(`SELECT action, actor, detail FROM audit_log WHERE entity = 'round' AND entity_id = ? ORDER BY id`).all(id) as { action: string; actor: string; detail: string }[]).map((a) => ({
      ...a,
      detail: JSON.parse(a.detail) as Record<string, unknown>,
    }));

  it('writes the notes into the audit entry of the save and of a new round, beside the parameters changed', async () => {
    const round = await caller().rounds.create({ datasetId, name: '第0轮', params: { method: 'points' } });
    const note = '公式: where mdc == "MDCF" and cases > 100 set weight * 1.03（2 行）';
    await caller().rounds.update({ id: round.id, paramsPatch: { 'weights.FM19': 3.399 }, version: round.version, notes: [note] });
    const child = await caller().rounds.create({ datasetId, name: '第1轮', parentId: round.id, notes: ['公式: set weight（3 行）'] });
    const [, save] = auditOf(round.id);
    expect(save).toMatchObject({ action: 'update', actor: '经办', detail: { notes: [note], params: { weights: { before: null, after: { FM19: 3.399 } } } } });
    expect(auditOf(child.id)[0]!.detail).toMatchObject({ notes: ['公式: set weight（3 行）'] });
  });

  it('refuses too many or too long notes, or control characters, and saves nothing', async () => {
    const round = await caller().rounds.create({ datasetId, name: '第0轮', params: { method: 'points' } });
    const bad = [Array.from({ length: MAX_EDIT_NOTES + 1 }, () => 'x'), ['x'.repeat(MAX_EDIT_NOTE_LENGTH + 1)], ['a\u0000b']];
    for (const notes of bad) {
      await expect(caller().rounds.update({ id: round.id, paramsPatch: { base_points: 90 }, version: round.version, notes })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect((await caller().rounds.get({ id: round.id })).version).toBe(round.version);
  });
});
