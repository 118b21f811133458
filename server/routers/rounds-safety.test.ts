/**
 * No lost edits and an unchangeable record: two editors saving one draft, a round with children, a locked round
 * written to beneath the services, and an audit that keeps what each save changed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { saveDataset } from '@/server/services/datasets';
import { createInnerContext } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { syntheticCity } from '@/worker/settlement/testing/synthetic';

function seed(db: Db): number {
  const city = syntheticCity({ seed: 3, hospitals: 4, drgs: 6, cases: 200 });
  const caseId = Array.from({ length: city.cases.count }, (_, i) => `C${i}`);
  const drgCode = Array.from(city.cases.drg, (d) => city.catalog[d]?.code ?? '');
  return saveDataset(db, { name: '安全城', year: 2025 }, { ...city, cases: { ...city.cases, caseId, drgCode } });
}

describe('rounds: no lost edits, an unchangeable record', () => {
  let db: Db;
  let datasetId: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    datasetId = seed(db);
  });
  const as = (name: string, role: 'panel' | 'policy' = 'panel') => createCaller(createInnerContext({ db, viewer: { name, role } })).rounds;

  it('two clients saving one draft, interleaved: every stale save is refused, none is lost silently', async () => {
    const round = await as('甲').create({ datasetId, name: '草稿', params: { method: 'points', budget: { employee: 1e7 } } });
    let accepted = 0;
    let refused = 0;
    const versions = { a: round.version, b: round.version };
    for (let i = 0; i < 50; i++) {
      for (const who of ['a', 'b'] as const) {
        const budget = { employee: 1e7 + (who === 'a' ? i : 1000 + i) };
        try {
          const saved = await as(who).update({ id: round.id, params: { method: 'points', budget }, version: versions[who] });
          versions[who] = saved.version;
          accepted++;
        } catch (error) {
          expect((error as { code?: string }).code).toBe('CONFLICT');
          refused++;
          // the editor reloads the round and re-applies its change
          const fresh = await as(who).get({ id: round.id });
          const saved = await as(who).update({ id: round.id, params: { method: 'points', budget }, version: fresh.version });
          versions[who] = saved.version;
          accepted++;
        }
      }
    }
    expect(accepted).toBe(100);
    expect(refused).toBeGreaterThan(0);
    // every accepted change is in the audit with its old and new value: nothing is lost
    const audit = db.$client.prepare(`SELECT detail FROM audit_log WHERE action = 'update' AND entity_id = ?`).all(round.id) as { detail: string }[];
    expect(audit).toHaveLength(100);
    const last = JSON.parse(audit.at(-1)!.detail) as { params: { budget: { before: unknown; after: { employee: number } } } };
    expect(last.params.budget.after.employee).toBe(1e7 + 1049);
  });

  it('a save sends only what changed: two editors of different levels both keep theirs after the re-apply', async () => {
    const round = await as('甲').create({ datasetId, name: '草稿', params: { method: 'points', level_coefficients: { 1: 1, 2: 0.9, 3: 1.1 } } });
    await as('甲').update({ id: round.id, paramsPatch: { 'level_coefficients.2': 0.8 }, version: round.version });
    await expect(as('乙').update({ id: round.id, paramsPatch: { 'level_coefficients.3': 1.2 }, version: round.version })).rejects.toMatchObject({ code: 'CONFLICT' });
    const fresh = await as('乙').get({ id: round.id });
    const saved = await as('乙').update({ id: round.id, paramsPatch: { 'level_coefficients.3': 1.2 }, version: fresh.version });
    expect(saved.params.level_coefficients).toEqual({ 1: 1, 2: 0.8, 3: 1.2 });
    // a null puts a value back to its default
    const reset = await as('乙').update({ id: round.id, paramsPatch: { level_coefficients: null }, version: saved.version });
    expect(reset.params.level_coefficients).toBeUndefined();
  });

  it('refuses names and reasons with control characters, or too long, and changes nothing', async () => {
    await expect(as('甲').create({ datasetId, name: '第1轮\u0000', params: { method: 'points' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as('甲').create({ datasetId, name: 'x'.repeat(101), params: { method: 'points' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as('甲').create({ datasetId, name: '第1轮', reason: '\u001b[31m', params: { method: 'points' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const ok = await as('甲').create({ datasetId, name: '第1轮', reason: '两行\n说明', params: { method: 'points' } });
    expect((await as('甲').list({ datasetId })).map((r) => r.id)).toEqual([ok.id]);
  });

  it('refuses to delete a round with children, and the database refuses it beneath the service', async () => {
    const parent = await as('甲').create({ datasetId, name: '父', params: { method: 'points' } });
    const child = await as('甲').create({ datasetId, name: '子', parentId: parent.id });
    await expect(as('甲').delete({ id: parent.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(() => db.$client.prepare('DELETE FROM rounds WHERE id = ?').run(parent.id)).toThrow(/child rounds/);
    expect((await as('甲').get({ id: child.id })).parentId).toBe(parent.id);
  });

  it('a locked round cannot change in any way, not even written to beneath the services', async () => {
    const round = await as('甲').create({ datasetId, name: '锁定', params: { method: 'points' } });
    for (const status of ['proposed', 'agreed'] as const) await as('甲').setStatus({ id: round.id, status });
    await as('乙', 'policy').setStatus({ id: round.id, status: 'locked' });
    expect(() => db.$client.prepare(`UPDATE rounds SET name = 'x' WHERE id = ?`).run(round.id)).toThrow(/locked/);
    expect(() => db.$client.prepare(`UPDATE rounds SET parent_id = NULL WHERE id = ?`).run(round.id)).toThrow(/locked/);
    expect(() => db.$client.prepare('DELETE FROM rounds WHERE id = ?').run(round.id)).toThrow(/locked/);
  });
});
