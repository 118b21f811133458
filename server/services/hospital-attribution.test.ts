import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { saveDataset } from '@/server/services/datasets';
import { createRound, setRoundStatus } from '@/server/services/rounds';
import { createInnerContext, type Viewer } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { FAMILIES } from '@/worker/analysis';
import { syntheticCity } from '@/worker/settlement/testing/synthetic';

/** a synthetic city of 8 hospitals and three rounds: the proposed one changes weights, a coefficient and the budget */
function seed(db: Db) {
  const city = syntheticCity({ seed: 11, hospitals: 8, drgs: 20, cases: 3000 });
  const caseId = Array.from({ length: city.cases.count }, (_, i) => `C${i}`);
  const drgCode = Array.from(city.cases.drg, (d) => city.catalog[d]?.code ?? '');
  const datasetId = saveDataset(db, { name: '归因城', year: 2025 }, { ...city, cases: { ...city.cases, caseId, drgCode } });
  const budget = { employee: 4e7, resident: 3e7 };
  const weighted = city.catalog.flatMap((d) => (d.weight !== null && d.weight > 0 ? [{ code: d.code, weight: d.weight }] : []));
  const weights = Object.fromEntries(weighted.slice(0, 6).map((d, i) => [d.code, Math.round(d.weight * (1 + (i % 2 ? 0.1 : -0.08)) * 1e4) / 1e4]));
  const base = createRound(db, 'seed', { datasetId, name: '第0轮', reason: null, parentId: null, params: { method: 'points', budget } });
  const proposed = createRound(db, 'seed', {
    datasetId,
    name: '第1轮',
    reason: null,
    parentId: base.id,
    params: { method: 'points', budget: { employee: 4.2e7, resident: 3e7 }, weights, level_coefficients: { 1: 1.1 } },
  });
  const draft = createRound(db, 'seed', { datasetId, name: '第2轮 草稿', reason: null, parentId: proposed.id, params: { method: 'points', budget } });
  for (const r of [base, proposed]) setRoundStatus(db, 'seed', r.id, 'proposed');
  return { datasetId, hospitals: city.hospitals, base: base.id, proposed: proposed.id, draft: draft.id };
}

describe('本院变动归因 on the server', () => {
  let db: Db;
  let city: ReturnType<typeof seed>;
  beforeAll(() => {
    db = openDatabase(':memory:');
    city = seed(db);
  });
  const as = (viewer: Viewer) => createCaller(createInnerContext({ db, viewer })).myHospital;
  const own = () => city.hospitals[0]!;
  const rep = (): Viewer => ({ name: 'rep', role: 'hospital', hospitalCode: own().code });
  const input = () => ({ datasetId: city.datasetId, baselineId: city.base, roundId: city.proposed });

  it('splits its own change over the five families, to the fen, and names no other hospital', async () => {
    const answer = await as(rep()).attribution(input());
    expect(answer.hospital.code).toBe(own().code);
    expect(answer.rows.length).toBeGreaterThan(0);
    for (const row of answer.rows) {
      expect(row.hospital_code).toBe(own().code);
      for (const figure of ['settlement', 'fund_payment'] as const) {
        const parts = FAMILIES.reduce((fen, f) => fen + Math.round(row.parts[figure][f] * 100), 0);
        expect(parts).toBe(Math.round(row.change[figure] * 100));
      }
      // the case and clearing rules did not change
      expect(row.parts.settlement.case_rules).toBe(0);
      expect(row.parts.settlement.clearing).toBe(0);
    }
    expect(answer.changed).toEqual(['weights', 'rates', 'coefficients']);
    const text = JSON.stringify(answer);
    for (const other of city.hospitals.slice(1)) {
      expect(text).not.toContain(`"${other.code}"`);
      expect(text).not.toContain(other.name);
    }
  });

  it('says nothing changed when the two rounds are the same (the page then draws no chart of zeros)', async () => {
    const same = await as(rep()).attribution({ ...input(), roundId: city.base });
    expect(same.changed).toEqual([]);
    for (const row of same.rows) expect(row.change.settlement).toBe(0);
  });

  it('drills its weights part down to DRGs whose lines add up to it', async () => {
    const answer = await as(rep()).attribution(input());
    for (const { pool, lines } of answer.drgs) {
      const row = answer.rows.find((r) => r.pool === pool)!;
      expect(lines.reduce((fen, l) => fen + Math.round(l.part * 100), 0)).toBe(Math.round(row.parts.settlement.weights * 100));
    }
  });

  it('refuses another hospital and a draft, as the hospital view does', async () => {
    await expect(as(rep()).attribution({ ...input(), hospitalCode: city.hospitals[1]!.code })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(rep()).attribution({ ...input(), roundId: city.draft })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("gives the bureau's side any hospital it names, drafts included", async () => {
    const bureau: Viewer = { name: 'staff', role: 'policy', hospitalCode: null };
    const answer = await as(bureau).attribution({ ...input(), roundId: city.draft, hospitalCode: city.hospitals[2]!.code });
    expect(answer.hospital.code).toBe(city.hospitals[2]!.code);
  });
});
