import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { saveDataset } from '@/server/services/datasets';
import { createInnerContext } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { DEFAULTS } from '@/worker/settlement/round';
import { allocateCaseColumns, type DrgEntry, type Hospital } from '@/worker/settlement/types';

const hospital = (code: string): Hospital => ({ code, name: code, level: 2, coefficient: null, evaluationScore: 80, district: null, type: null });
const drg = (code: string, perDiem = false): DrgEntry => ({
  code, name: code, mdc: 'MDCE', adrg: null, drgType: 'medical', weight: 1, benchmarkCost: 5000, uniformPrice: false, perDiem,
});

/** One case a line: hospital, DRG, pool (0 employee, 1 resident), total cost, patient pay, length of stay. */
type CaseLine = [hospital: number, drg: number, pool: number, totalCost: number, patientPay: number, los: number];

function seed(db: Db, name: string, hospitalCodes: string[], catalog: DrgEntry[], lines: CaseLine[]): number {
  const cases = { ...allocateCaseColumns(lines.length), caseId: lines.map((_, i) => `C${i}`), drgCode: lines.map((l) => catalog[l[1]]!.code) };
  lines.forEach(([h, d, pool, total, paid, los], i) => {
    cases.hospital[i] = h;
    cases.drg[i] = d;
    cases.pool[i] = pool;
    cases.totalCost[i] = total;
    cases.patientPay[i] = paid;
    cases.los[i] = los;
    cases.month[i] = 1;
  });
  return saveDataset(db, { name, year: 2025 }, { hospitals: hospitalCodes.map(hospital), catalog, cases });
}

describe('the first round of a data set without rounds (tRPC + SQLite)', () => {
  let db: Db;
  let source: number;
  let imported: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    source = seed(db, '演示城市', ['H1', 'H2'], [drg('ES35'), drg('FM19')], [[0, 0, 0, 3000, 600, 5]]);
    // the imported data set: H1 and H3, ES35 and OR19, and a per-diem DRG
    imported = seed(db, '导入数据', ['H1', 'H3'], [drg('ES35'), drg('OR19'), drg('TR19', true)], [
      [0, 0, 0, 12_345.67, 2_345.67, 5], // employee fund 10,000.00
      [1, 1, 0, 30_000, 4_000.01, 9], // employee fund 25,999.99
      [0, 0, 0, 50_000, 0, 2], // excluded: LOS at the short-stay limit (§2)
      [0, 0, 1, 40_000, 0, 60], // excluded: LOS at the long-stay limit
      [1, 2, 1, 90_000, 0, 20], // per-diem DRG: not paid by DRG points
      [1, 1, 1, 8_000.5, 1_000, 7], // resident fund 7,000.50
    ]);
  });
  const caller = () => createCaller(createInnerContext({ db, viewer: { name: '专家组', role: 'panel' } }));
  const auditOf = (roundId: number) =>
    (db.$client.prepare(`SELECT actor, action, detail FROM audit_log WHERE entity = 'round' AND entity_id = ?`).all(roundId) as { actor: string; action: string; detail: string }[])
      .map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));

  it('starts from the §6 defaults, with each pool budgeted at its DRG-paid fund spending rounded up to 万元', async () => {
    const plan = await caller().rounds.planFirst({ datasetId: imported, source: { kind: 'defaults' } });
    // employee 10,000.00 + 25,999.99 = 35,999.99 → 40,000; resident 7,000.50 → 10,000
    expect(plan.params.budget).toEqual({ employee: 40_000, resident: 10_000 });
    expect(plan.dropped).toEqual([]);
    const { round, dropped } = await caller().rounds.createFirst({ datasetId: imported, name: '第0轮 默认规则', source: { kind: 'defaults' } });
    expect(dropped).toEqual([]);
    expect(round).toMatchObject({ datasetId: imported, name: '第0轮 默认规则', parentId: null, status: 'draft', createdBy: '专家组' });
    expect(round.params).toMatchObject({
      method: 'points',
      level_coefficients: DEFAULTS.level_coefficients,
      sharing_bands: DEFAULTS.sharing_bands,
      exclude_los_max: DEFAULTS.exclude_los_max,
      reserve_ratio: DEFAULTS.reserve_ratio,
    });
    expect(round.params.weights).toBeUndefined();
    expect(await caller().rounds.list({ datasetId: imported })).toHaveLength(1);
    expect(auditOf(round.id)).toEqual([{ actor: '专家组', action: 'create', detail: { name: '第0轮 默认规则', parentId: null, origin: { from: 'defaults' } } }]);
  });

  it('copies another data set’s round and drops, with a note, the overrides of hospitals and DRGs it lacks', async () => {
    const copied = await caller().rounds.create({
      datasetId: source,
      name: '第2轮',
      params: {
        method: 'points',
        budget: { employee: 1.2e9 },
        level_coefficients: { '1': 0.7, '2': 0.8, '3': 1 },
        weights: { ES35: 0.4, FM19: 3.5 },
        benchmark_costs: { FM19: 26_000 },
        hospital_coefficients: { H1: 1.02, H2: 0.98 },
        evaluation_scores: { H2: 88 },
        uniform_price_drgs: ['FM19', 'ES35'],
      },
    });
    const { round, dropped } = await caller().rounds.createFirst({ datasetId: imported, name: '第0轮（复制）', source: { kind: 'copy', roundId: copied.id } });
    expect(round.params).toEqual({
      method: 'points',
      budget: { employee: 1.2e9 },
      level_coefficients: { '1': 0.7, '2': 0.8, '3': 1 },
      weights: { ES35: 0.4 },
      hospital_coefficients: { H1: 1.02 },
      uniform_price_drgs: ['ES35'],
    });
    expect(dropped).toEqual([
      { key: 'weights', code: 'FM19' },
      { key: 'benchmark_costs', code: 'FM19' },
      { key: 'hospital_coefficients', code: 'H2' },
      { key: 'evaluation_scores', code: 'H2' },
      { key: 'uniform_price_drgs', code: 'FM19' },
    ]);
    expect(round.parentId).toBeNull();
    expect(auditOf(round.id)[0]?.detail.origin).toEqual({ from: 'copy', roundId: copied.id, dropped });
    // the copied round is left as it was
    expect((await caller().rounds.get({ id: copied.id })).params.weights).toEqual({ ES35: 0.4, FM19: 3.5 });
  });

  it('refuses an unknown data set or source round, and a data set that already has rounds', async () => {
    await expect(caller().rounds.createFirst({ datasetId: 999, name: 'x', source: { kind: 'defaults' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller().rounds.planFirst({ datasetId: 999, source: { kind: 'defaults' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller().rounds.createFirst({ datasetId: imported, name: 'x', source: { kind: 'copy', roundId: 999 } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await caller().rounds.list({ datasetId: imported })).toEqual([]);
    await caller().rounds.createFirst({ datasetId: imported, name: '第0轮', source: { kind: 'defaults' } });
    await expect(caller().rounds.createFirst({ datasetId: imported, name: '又一轮', source: { kind: 'defaults' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await caller().rounds.list({ datasetId: imported })).toHaveLength(1);
    const audit = db.$client.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'round'`).get() as { n: number };
    expect(audit.n).toBe(1);
  });
});
