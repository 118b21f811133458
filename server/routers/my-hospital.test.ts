import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { saveDataset } from '@/server/services/datasets';
import { createRound, setRoundStatus } from '@/server/services/rounds';
import { createInnerContext, type Viewer } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { syntheticCity } from '@/worker/settlement/testing/synthetic';

/** a synthetic city of 8 hospitals; the hospital user speaks for the first */
function seed(db: Db) {
  const city = syntheticCity({ seed: 5, hospitals: 8, drgs: 20, cases: 3000 });
  const caseId = Array.from({ length: city.cases.count }, (_, i) => `C${i}`);
  const drgCode = Array.from(city.cases.drg, (d) => city.catalog[d]?.code ?? '');
  const datasetId = saveDataset(db, { name: '本院视图城', year: 2025 }, { ...city, cases: { ...city.cases, caseId, drgCode } });
  const budget = { employee: 4e7, resident: 3e7 };
  const base = createRound(db, 'seed', { datasetId, name: '第0轮', reason: null, parentId: null, params: { method: 'points', budget } });
  const proposed = createRound(db, 'seed', { datasetId, name: '第1轮', reason: null, parentId: base.id, params: { method: 'points', budget, level_coefficients: { 1: 1.1 } } });
  const draft = createRound(db, 'seed', { datasetId, name: '第2轮 草稿', reason: null, parentId: proposed.id, params: { method: 'points', budget } });
  for (const r of [base, proposed]) setRoundStatus(db, 'seed', r.id, 'proposed');
  return { datasetId, hospitals: city.hospitals, base: base.id, proposed: proposed.id, draft: draft.id };
}

describe('the hospital view (本院视图): settled on the server, cut to one hospital', () => {
  let db: Db;
  let city: ReturnType<typeof seed>;
  beforeEach(() => {
    db = openDatabase(':memory:');
    city = seed(db);
  });
  const as = (viewer: Viewer) => createCaller(createInnerContext({ db, viewer })).myHospital;
  const own = () => city.hospitals[0]!;
  const rep = (): Viewer => ({ name: 'rep', role: 'hospital', hospitalCode: own().code });

  it('names no other hospital: not its code, not its name', async () => {
    const answer = JSON.stringify(await as(rep()).compare({ datasetId: city.datasetId, baselineId: city.base, roundId: city.proposed }));
    expect(answer).toContain(own().code);
    for (const other of city.hospitals.slice(1)) {
      expect(answer).not.toContain(`"${other.code}"`);
      expect(answer).not.toContain(other.name);
    }
  });

  it('gives its own statement, which adds up to the fen, and the city totals', async () => {
    const view = await as(rep()).compare({ datasetId: city.datasetId, baselineId: city.base, roundId: city.proposed });
    expect(view.hospital.code).toBe(own().code);
    expect(view.round.statements.length).toBeGreaterThan(0);
    for (const s of view.round.statements) {
      expect(s.settlementFen).toBe(s.baseRevenueFen + s.sharingFen + s.incentiveFen);
      expect(s.clearingFen).toBe(s.fundPaymentFen - s.prepaidFen);
    }
    expect(view.round.city.budgetFen).toBe(7e9);
    expect(view.round.city.hospitals).toBe(8);
  });

  it("pages its own outlier cases under a round it may see; never another hospital's, never a draft's", async () => {
    const page = await as(rep()).outlierCases({ datasetId: city.datasetId, roundId: city.proposed, limit: 5 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.length).toBeLessThanOrEqual(5);
    await expect(as(rep()).outlierCases({ datasetId: city.datasetId, roundId: city.proposed, hospitalCode: city.hospitals[1]!.code })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(rep()).outlierCases({ datasetId: city.datasetId, roundId: city.draft })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses another hospital, and does not know drafts', async () => {
    await expect(as(rep()).compare({ datasetId: city.datasetId, baselineId: city.base, roundId: city.proposed, hospitalCode: city.hospitals[1]!.code })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(rep()).compare({ datasetId: city.datasetId, baselineId: city.base, roundId: city.draft })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await as(rep()).rounds({ datasetId: city.datasetId })).map((r) => r.id)).toEqual([city.base, city.proposed]);
    // the bureau sees every round, drafts included, and names the hospital it looks at
    const panel: Viewer = { name: '专家组', role: 'panel' };
    expect((await as(panel).rounds({ datasetId: city.datasetId })).map((r) => r.id)).toEqual([city.base, city.proposed, city.draft]);
    const view = await as(panel).compare({ datasetId: city.datasetId, baselineId: city.base, roundId: city.draft, hospitalCode: city.hospitals[2]!.code });
    expect(view.hospital.code).toBe(city.hospitals[2]!.code);
  });
});
