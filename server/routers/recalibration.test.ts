/**
 * 权重测算 through tRPC (createCaller on an in-memory database): the hand-worked example stored as a data set,
 * computed from a saved round, one DRG's histogram, applied as a child draft round (audited, its reason naming
 * the options), refused when the round changed since, and never to a hospital user.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { createInnerContext, type Viewer } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { saveDataset } from '@/server/services/datasets';
import { DEFAULT_OPTIONS } from '@/worker/recalibration';
import { HAND_CITY, HAND_ROUND } from '@/worker/recalibration/hand-example';
import { handData } from '@/worker/settlement/testing/hand';
import { seedSmallCity } from './small-city';

function seedHandCity(db: Db): number {
  const data = handData(HAND_CITY);
  const cases = { ...data.cases, caseId: HAND_CITY.cases.map((_, i) => `C${i + 1}`), drgCode: HAND_CITY.cases.map((c) => c.drg) };
  return saveDataset(db, { name: '手算城', year: 2025 }, { hospitals: data.hospitals, catalog: data.catalog, cases });
}

describe('recalibration router', () => {
  let db: Db;
  let datasetId: number;
  let roundId: number;
  const as = (viewer: Viewer) => createCaller(createInnerContext({ db, viewer }));
  const panel = () => as({ name: '专家组', role: 'panel' });
  beforeEach(async () => {
    db = openDatabase(':memory:');
    datasetId = seedHandCity(db);
    roundId = (await panel().rounds.create({ datasetId, name: '第0轮', params: HAND_ROUND })).id;
  });

  it('computes the hand-worked example from a saved round', async () => {
    const { round, recalibration } = await panel().recalibration.compute({ datasetId, roundId, options: DEFAULT_OPTIONS });
    expect(round).toMatchObject({ id: roundId, name: '第0轮', version: 1, status: 'draft' });
    expect(recalibration.rows.map((r) => [r.drg_code, r.new_weight])).toEqual([['A', 0.5666], ['B', 1.1332], ['C', 0.1673], ['D', 0.6691]]);
    expect(recalibration.summary.usedCases).toBe(26);
  });

  it('draws one DRG’s costs with the trim’s bounds', async () => {
    const histogram = await panel().recalibration.histogram({ datasetId, roundId, drgCode: 'A', trim: { kind: 'iqr', k: 1.5 } });
    expect([histogram.cases, histogram.lower, histogram.upper, histogram.beyond]).toEqual([12, 450, 2650, 1]);
    expect(histogram.kept.reduce((a, b) => a + b, 0)).toBe(11);
    await expect(panel().recalibration.histogram({ datasetId, roundId, drgCode: 'ZZ99', trim: { kind: 'none' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('applies it as a child draft round, audited with the options', async () => {
    const options = { ...DEFAULT_OPTIONS, cap: 0.1 };
    const child = await as({ name: '经办', role: 'policy' }).recalibration.createDraft({ datasetId, roundId, roundVersion: 1, options, name: '第0轮·权重测算' });
    expect(child).toMatchObject({ parentId: roundId, status: 'draft', createdBy: '经办', name: '第0轮·权重测算' });
    expect(child.params.weights).toEqual({ A: 0.5019, B: 1.2047, C: 0.1825, D: 0.7301 });
    expect(child.params.budget).toEqual(HAND_ROUND.budget);
    expect(child.reason).toMatch(/^权重测算：--trim iqr:1\.5 --min-cases 10 --blend 1 --cap 0\.1 --recentre total_points；/);
    expect(child.reason).toMatch(/Weight recalibration: --trim iqr:1\.5 .* --cap 0\.1/);
    const audit = db.$client.prepare(`SELECT actor, action, detail FROM audit_log WHERE entity = 'round' AND entity_id = ?`).all(child.id) as { actor: string; action: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: '经办', action: 'create' });
    expect(JSON.parse(audit[0]!.detail).origin).toMatchObject({ kind: 'recalibration', options: '--trim iqr:1.5 --min-cases 10 --blend 1 --cap 0.1 --recentre total_points', fromVersion: 1 });
  });

  it('refuses to apply when the round changed since it was computed, and writes nothing', async () => {
    await panel().rounds.update({ id: roundId, params: { ...HAND_ROUND, weights: { B: 1.3 } } });
    await expect(panel().recalibration.createDraft({ datasetId, roundId, roundVersion: 1, options: DEFAULT_OPTIONS, name: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await panel().rounds.list({ datasetId })).toHaveLength(1);
    // computed again, from the round as it is now (B's current weight 1.3)
    const { round, recalibration } = await panel().recalibration.compute({ datasetId, roundId, options: DEFAULT_OPTIONS });
    expect(round.version).toBe(2);
    expect(recalibration.rows[1]!.current_weight).toBe(1.3);
  });

  it('refuses bad options, a round of another data set, and hospital users', async () => {
    await expect(panel().recalibration.compute({ datasetId, roundId, options: { ...DEFAULT_OPTIONS, blend: 2 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const other = seedSmallCity(db);
    await expect(panel().recalibration.compute({ datasetId: other, roundId, options: DEFAULT_OPTIONS })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const hospital = as({ name: 'rep', role: 'hospital', hospitalCode: 'H1' });
    await expect(hospital.recalibration.compute({ datasetId, roundId, options: DEFAULT_OPTIONS })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(hospital.recalibration.createDraft({ datasetId, roundId, roundVersion: 1, options: DEFAULT_OPTIONS, name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await panel().rounds.list({ datasetId })).toHaveLength(1);
  });
});
