import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { saveDataset } from '@/server/services/datasets';
import { createInnerContext } from '@/server/context';
import { appRouter, createCaller } from '@/server/routers/_app';
import { askWorkbenchQueries, type BatchFetch } from '@/server/services/prewarm';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { allocateCaseColumns, type DatasetBundle } from '@/worker/settlement/types';

const PANEL = { name: '专家组', role: 'panel' } as const;

function smallBundle(): DatasetBundle {
  const cases = { ...allocateCaseColumns(3), caseId: ['C1', 'C2', 'C3'], drgCode: ['ES35', 'ES35', ''] };
  cases.hospital.set([0, 1, 1]);
  cases.month.set([1, 2, 3]);
  cases.pool.set([0, 1, 1]);
  cases.totalCost.set([1000.5, 2000, 3000.25]);
  cases.patientPay.set([200, 800, 1200]);
  cases.los.set([5, 6, 7]);
  return {
    hospitals: [
      { code: 'H1', name: '市一院', level: 3, coefficient: null, evaluationScore: 90, district: '城区', type: '综合' },
      { code: 'H2', name: '镇卫生院', level: 1, coefficient: 0.7, evaluationScore: null, district: '东县', type: '综合' },
    ],
    catalog: [
      { code: 'ES35', name: '呼吸系统感染', mdc: 'MDCE', adrg: 'ES3', drgType: 'medical', weight: 0.38, benchmarkCost: 3040, uniformPrice: false, perDiem: false },
    ],
    cases,
  };
}

describe('datasets router against a real SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-trpc-'));
  const db = openDatabase(path.join(dir, 'test.sqlite'));
  afterAll(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists a saved data set and its hospitals with case counts and total cost', async () => {
    const id = saveDataset(db, { name: '测试城市', year: 2025 }, smallBundle());
    const caller = createCaller(createInnerContext({ db, viewer: PANEL }));
    const list = await caller.datasets.list();
    expect(list.map((d) => [d.name, d.caseCount, d.pools])).toEqual([['测试城市', 3, ['employee', 'resident']]]);
    const hospitals = await caller.datasets.hospitals({ datasetId: id });
    expect(hospitals.map((h) => [h.code, h.level, h.cases, h.totalCost])).toEqual([
      ['H1', 3, 1, 1000.5],
      ['H2', 1, 2, 5000.25],
    ]);
    // the ungrouped case (empty drg_code) counts for its hospital, not for a DRG
    const catalog = await caller.datasets.catalog({ datasetId: id });
    expect(catalog.map((d) => [d.code, d.cases])).toEqual([['ES35', 2]]);
  });

  it('answers NOT_FOUND for a data set that does not exist', async () => {
    const caller = createCaller(createInnerContext({ db, viewer: PANEL }));
    await expect(caller.datasets.get({ datasetId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to change the append-only audit log', () => {
    db.$client.prepare(`INSERT INTO audit_log (at, actor, action, entity) VALUES ('now', 'test', 'create', 'round')`).run();
    expect(() => db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.$client.prepare(`UPDATE audit_log SET actor = 'x'`).run()).toThrow(/append-only/);
  });
  it('answers the queries the server prewarms in one batch through the HTTP handler, as the page asks them', async () => {
    const id = saveDataset(db, { name: '预热城市', year: 2025 }, smallBundle());
    const round = await createCaller(createInnerContext({ db, viewer: PANEL })).rounds.create({ datasetId: id, name: '第0轮', params: { method: 'points' } });
    const asked: string[] = [];
    // the HTTP round trip without a server: the request goes straight to the route's handler
    const viaHandler: BatchFetch = async (input, init) => {
      const req = new Request(input as RequestInfo | URL, init as RequestInit | undefined);
      asked.push(new URL(req.url).pathname);
      return fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => createInnerContext({ db, viewer: PANEL }) });
    };
    const [list, rounds, catalog, hospitals] = await askWorkbenchQueries('http://localhost/api/trpc', id, viaHandler);
    expect(asked).toEqual(['/api/trpc/datasets.list,rounds.list,datasets.catalog,datasets.hospitals']);
    expect(list.map((d) => d.id)).toContain(id);
    expect(rounds.map((r) => [r.id, r.name])).toEqual([[round.id, '第0轮']]);
    expect(catalog.map((d) => [d.code, d.cases])).toEqual([['ES35', 2]]);
    expect(hospitals.map((h) => [h.code, h.cases])).toEqual([['H1', 1], ['H2', 2]]);
  });
});
