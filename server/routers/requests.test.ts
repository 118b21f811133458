import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { auditLog, hospitalRequests, requestAttachments } from '@/db/schema';
import { saveDataset } from '@/server/services/datasets';
import { createRound, deleteRound, getRound, setRoundStatus } from '@/server/services/rounds';
import { addUser } from '@/server/auth/users';
import { createInnerContext, type Viewer } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { paramsPatch } from '@/worker/settlement/params-patch';
import { syntheticCity } from '@/worker/settlement/testing/synthetic';
import type { RequestItem } from '@/server/services/request-items';

/** a synthetic city of 8 hospitals, a proposed round with its parent, a draft and an agreed round */
function seed(db: Db) {
  const city = syntheticCity({ seed: 11, hospitals: 8, drgs: 20, cases: 3000 });
  const caseId = Array.from({ length: city.cases.count }, (_, i) => `C${i}`);
  const drgCode = Array.from(city.cases.drg, (d) => city.catalog[d]?.code ?? '');
  const datasetId = saveDataset(db, { name: '诉求城', year: 2025 }, { ...city, cases: { ...city.cases, caseId, drgCode } });
  const budget = { employee: 4e7, resident: 3e7 };
  const base = createRound(db, 'seed', { datasetId, name: '第0轮', parentId: null, params: { method: 'points', budget } });
  const proposed = createRound(db, 'seed', { datasetId, name: '第1轮', parentId: base.id, params: { method: 'points', budget, hospital_coefficients: { [city.hospitals[3]!.code]: 1.1 } } });
  const draft = createRound(db, 'seed', { datasetId, name: '第2轮 草稿', parentId: proposed.id });
  const agreed = createRound(db, 'seed', { datasetId, name: '第1轮 已达成', parentId: base.id });
  setRoundStatus(db, 'seed', proposed.id, 'proposed');
  setRoundStatus(db, 'seed', agreed.id, 'proposed');
  setRoundStatus(db, 'seed', agreed.id, 'agreed');
  return { datasetId, hospitals: city.hospitals, catalog: city.catalog, base: base.id, proposed: proposed.id, draft: draft.id, agreed: agreed.id };
}

async function user(db: Db, name: string, role: Viewer['role'], hospitalCode: string | null = null): Promise<Viewer> {
  const userId = await addUser(db, { username: name, password: 'test password 123', role, hospitalCode }, 'test');
  return { name, role, hospitalCode, userId };
}

const why = '本院收治重症比例高';

describe('hospital requests through tRPC and SQLite', () => {
  let db: Db;
  let city: ReturnType<typeof seed>;
  let rep: Viewer;
  let colleague: Viewer;
  let otherRep: Viewer;
  let panel: Viewer;
  beforeEach(async () => {
    db = openDatabase(':memory:');
    city = seed(db);
    rep = await user(db, 'rep-1', 'hospital', city.hospitals[0]!.code);
    colleague = await user(db, 'rep-1b', 'hospital', city.hospitals[0]!.code);
    otherRep = await user(db, 'rep-2', 'hospital', city.hospitals[1]!.code);
    panel = await user(db, 'panel-1', 'panel');
  });
  const as = (viewer: Viewer) => createCaller(createInnerContext({ db, viewer })).requests;
  const drg = (i: number) => city.catalog[i]!.code;
  const items = (): RequestItem[] => [
    { kind: 'hospital_coefficient', value: 1.08, reason: why },
    { kind: 'drg_weight', drg: drg(2), value: 1.9, reason: '成本测算高于权重' },
    { kind: 'case_rule', rule: 'exclude_los_min', value: 90, reason: '长住院病例多' },
  ];
  const draftOf = (viewer: Viewer, list = items()) => as(viewer).create({ datasetId: city.datasetId, roundId: city.proposed, title: '调整系数与权重', items: list });

  it("lands a request's changes exactly in the accepted round: a draft child of its round, naming the request", async () => {
    const made = await draftOf(rep);
    expect(made).toMatchObject({ status: 'draft', actions: ['edit', 'submit', 'withdraw'], hospital: { code: city.hospitals[0]!.code } });
    await as(rep).submit({ id: made.id });
    const { round } = await as(panel).accept({ ids: [made.id] });
    const parent = getRound(db, city.proposed);
    expect(round).toMatchObject({ status: 'draft', parentId: city.proposed, createdBy: 'panel-1' });
    expect(round.reason).toContain(`#${made.id}`);
    expect(round.name).toBe(`第1轮 · 采纳诉求 #${made.id}`);
    expect(paramsPatch(parent.params, round.params)).toEqual({
      [`hospital_coefficients.${city.hospitals[0]!.code}`]: 1.08,
      [`weights.${drg(2)}`]: 1.9,
      exclude_los_min: 90,
    });
    // the request links to the round; the hospital reads 已采纳, and no draft round's name
    const seen = await as(rep).get({ id: made.id });
    expect(seen).toMatchObject({ status: 'accepted', decidedBy: 'panel-1', acceptedRound: null });
    expect((await as(panel).get({ id: made.id })).acceptedRound).toEqual({ id: round.id, name: round.name });
    setRoundStatus(db, 'panel-1', round.id, 'proposed');
    expect((await as(rep).get({ id: made.id })).acceptedRound).toEqual({ id: round.id, name: round.name });
  });

  it("accepts several requests together into one round, each hospital's coefficient on its own code", async () => {
    const a = await draftOf(rep);
    const b = await draftOf(otherRep, [{ kind: 'hospital_coefficient', value: 0.95, reason: why }, { kind: 'drg_weight', drg: drg(2), value: 1.9, reason: why }]);
    for (const [viewer, id] of [[rep, a.id], [otherRep, b.id]] as const) await as(viewer).submit({ id });
    const { round, requests } = await as(panel).accept({ ids: [b.id, a.id] });
    expect(paramsPatch(getRound(db, city.proposed).params, round.params)).toEqual({
      [`hospital_coefficients.${city.hospitals[0]!.code}`]: 1.08,
      [`hospital_coefficients.${city.hospitals[1]!.code}`]: 0.95,
      [`weights.${drg(2)}`]: 1.9,
      exclude_los_min: 90,
    });
    expect(requests.map((r) => [r.id, r.status, r.acceptedRound?.id])).toEqual([[a.id, 'accepted', round.id], [b.id, 'accepted', round.id]]);
    // the workbench's unsaved edit of the same selection is the same parameters
    expect((await as(panel).combined({ ids: [a.id, b.id] })).params).toEqual(round.params);
  });

  it('refuses, all or nothing, to accept requests that set one lever differently', async () => {
    const a = await draftOf(rep);
    const b = await draftOf(otherRep, [{ kind: 'drg_weight', drg: drg(2), value: 2.5, reason: why }]);
    for (const [viewer, id] of [[rep, a.id], [otherRep, b.id]] as const) await as(viewer).submit({ id });
    const rounds = db.$client.prepare('select count(*) n from rounds').get();
    await expect(as(panel).accept({ ids: [a.id, b.id] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(`诉求 #${a.id} 与 #${b.id}`) });
    expect(db.$client.prepare('select count(*) n from rounds').get()).toEqual(rounds);
    expect((await as(panel).get({ id: a.id })).status).toBe('submitted');
  });

  it("never shows a hospital another hospital's request, nor lets it act on one", async () => {
    const mine = await draftOf(rep);
    await as(rep).submit({ id: mine.id });
    const theirs = await draftOf(otherRep);
    expect((await as(otherRep).list({ datasetId: city.datasetId })).map((r) => r.id)).toEqual([theirs.id]);
    for (const call of [
      () => as(otherRep).get({ id: mine.id }),
      () => as(otherRep).withdraw({ id: mine.id }),
      () => as(otherRep).update({ id: mine.id, title: '改' }),
    ]) await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(otherRep).impact({ datasetId: city.datasetId, roundId: city.proposed, items: items(), hospitalCode: city.hospitals[0]!.code })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(otherRep).levers({ datasetId: city.datasetId, roundId: city.proposed, hospitalCode: city.hospitals[0]!.code })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // a colleague of the same hospital reads it but cannot move it; a hospital cannot decide
    expect((await as(colleague).get({ id: mine.id })).actions).toEqual([]);
    await expect(as(colleague).withdraw({ id: mine.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(rep).accept({ ids: [mine.id] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // the bureau makes no requests, and does not see a draft
    await expect(draftOf(panel)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await as(panel).list({ datasetId: city.datasetId })).map((r) => r.id)).toEqual([mine.id]);
    await expect(as(panel).get({ id: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers a hospital with nothing that names another hospital: its list, levers and impact', async () => {
    const mine = await draftOf(rep);
    const answers = JSON.stringify([
      await as(rep).list({ datasetId: city.datasetId }),
      await as(rep).get({ id: mine.id }),
      await as(rep).levers({ datasetId: city.datasetId, roundId: city.proposed }),
      await as(rep).impact({ datasetId: city.datasetId, roundId: city.proposed, items: items() }),
    ]);
    expect(answers).toContain(city.hospitals[0]!.code);
    for (const other of city.hospitals.slice(1)) {
      expect(answers).not.toContain(`"${other.code}"`);
      expect(answers).not.toContain(`${other.code}"`);
      expect(answers).not.toContain(other.name);
    }
  });

  it("shows the hospital its own statement and the city's totals under its changes, before it submits", async () => {
    const impact = await as(rep).impact({ datasetId: city.datasetId, roundId: city.proposed, items: [{ kind: 'hospital_coefficient', value: 1.3, reason: why }] });
    expect(impact.hospital.code).toBe(city.hospitals[0]!.code);
    const total = (s: { settlementFen: number }[]) => s.reduce((sum, x) => sum + x.settlementFen, 0);
    // a higher coefficient raises the hospital's points share: its settlement grows, the city's budget does not
    expect(total(impact.round.statements)).toBeGreaterThan(total(impact.baseline.statements));
    expect(impact.round.city.budgetFen).toBe(impact.baseline.city.budgetFen);
    expect(impact.round.city.hospitals).toBe(8);
    const levers = await as(rep).levers({ datasetId: city.datasetId, roundId: city.proposed });
    expect(levers.hospital.code).toBe(city.hospitals[0]!.code);
    expect(levers.caseRules.exclude_los_min).toBe(60);
  });

  it('rejects with a reason the hospital reads; every step is audited before → after', async () => {
    const made = await draftOf(rep);
    await as(rep).update({ id: made.id, title: '只调系数', items: [{ kind: 'hospital_coefficient', value: 1.02, reason: why }] });
    await as(rep).submit({ id: made.id });
    await expect(as(panel).reject({ id: made.id, reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await as(panel).reject({ id: made.id, reason: '与同级医院相比依据不足' });
    expect(await as(rep).get({ id: made.id })).toMatchObject({ status: 'rejected', rejectReason: '与同级医院相比依据不足', title: '只调系数', actions: [] });
    await expect(as(rep).withdraw({ id: made.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '未采纳的诉求不能撤回 / a rejected request cannot be withdrawn' });
    const audit = db.select().from(auditLog).all().filter((e) => e.entity === 'request');
    expect(audit.map((e) => [e.actor, e.action])).toEqual([['rep-1', 'create'], ['rep-1', 'edit'], ['rep-1', 'submit'], ['panel-1', 'reject']]);
    expect(audit[1]!.detail).toMatchObject({ title: { before: '调整系数与权重', after: '只调系数' }, items: { before: items() } });
    expect(audit[3]!.detail).toEqual({ status: { before: 'submitted', after: 'rejected' }, reason: '与同级医院相比依据不足' });
  });

  it('refuses bad input with a clear message in both languages, and stores nothing', async () => {
    await expect(draftOf(rep, [{ kind: 'hospital_coefficient', value: 5, reason: why }])).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^第 1 项：取值超出范围：.*\/ item 1: out of bounds: .*at most 3/),
    });
    await expect(draftOf(rep, [{ kind: 'drg_weight', drg: 'NOPE', value: 1, reason: why }])).rejects.toMatchObject({ message: expect.stringContaining('目录中没有 DRG NOPE') });
    await expect(as(rep).create({ datasetId: city.datasetId, roundId: city.proposed, title: 'a\u0001b', items: items() })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // a draft round does not exist for a hospital; an agreed one takes no more requests
    await expect(as(rep).create({ datasetId: city.datasetId, roundId: city.draft, title: 't', items: items() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(rep).create({ datasetId: city.datasetId, roundId: city.agreed, title: 't', items: items() })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('已提出') });
    expect(db.select().from(hospitalRequests).all()).toEqual([]);
    expect(db.select().from(requestAttachments).all()).toEqual([]);
  });

  it('keeps a round with requests from being deleted', async () => {
    await draftOf(rep);
    deleteRound(db, 'seed', city.draft);
    setRoundStatus(db, 'seed', city.proposed, 'draft');
    expect(() => deleteRound(db, 'seed', city.proposed)).toThrow(/诉求|requests/);
  });
});
