/**
 * GET /api/datasets/:id/columns against a real (in-memory) SQLite: the body is the gzip file of the data set's
 * prepared columns, which a worker inflates, decodes and settles to the same result as the server's own engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { signedIn } from '@/server/auth/testing';
import { saveDataset } from '@/server/services/datasets';
import { settlementData } from '@/server/services/settlement-data';
import { decodePreparedData } from '@/worker/columns/decode';
import { gunzipColumns } from '@/worker/columns/gunzip';
import { createPreparedEngine, settle, toContractResult } from '@/worker/settlement';
import { syntheticCity, syntheticRound } from '@/worker/settlement/testing/synthetic';

let cookie = '';

async function get(id: string, headers: Record<string, string> = {}, session: string | null = cookie): Promise<Response> {
  const { GET } = await import('./route');
  return GET(new Request(`http://localhost/api/datasets/${id}/columns`, { headers: { ...headers, ...(session ? { cookie: session } : {}) } }), { params: Promise.resolve({ id }) });
}

describe('GET /api/datasets/:id/columns', () => {
  let datasetId = 0;
  beforeAll(async () => {
    process.env.DRG_DB_PATH = ':memory:';
    cookie = (await signedIn(getDb(), 'panel')).cookie;
    const city = syntheticCity({ seed: 11, hospitals: 12, drgs: 30, cases: 2500 });
    const caseId = Array.from({ length: city.cases.count }, (_, i) => `C${i}`);
    const drgCode = Array.from(city.cases.drg, (d) => city.catalog[d]?.code ?? '');
    datasetId = saveDataset(getDb(), { name: '列数据城市', year: 2025 }, { ...city, cases: { ...city.cases, caseId, drgCode } });
  });

  it('answers 401 without a session and 403 to a hospital user: every case of every hospital is for the bureau only', async () => {
    expect((await get(String(datasetId), {}, null)).status).toBe(401);
    expect((await get(String(datasetId), {}, (await signedIn(getDb(), 'hospital')).cookie)).status).toBe(403);
  });

  it('sends the prepared columns gzipped, with their sizes, and they settle as the server does', async () => {
    const response = await get(String(datasetId));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    const gzipped = await response.arrayBuffer();
    expect(Number(response.headers.get('x-gzip-length'))).toBe(gzipped.byteLength);
    const inflated = await gunzipColumns(gzipped);
    expect(Number(response.headers.get('x-raw-length'))).toBe(inflated.byteLength);
    const prepared = decodePreparedData(inflated);
    const { data } = settlementData(getDb(), datasetId);
    expect(prepared.cases.count).toBe(2500);
    expect(prepared.hospitals).toEqual(data.hospitals);
    const round = syntheticRound(data);
    expect(JSON.stringify(toContractResult(createPreparedEngine(prepared).settle(round)))).toBe(JSON.stringify(toContractResult(settle(data, round))));
  });

  it('answers 304 to the version the browser has, by its ETag', async () => {
    const etag = (await get(String(datasetId))).headers.get('etag')!;
    expect(etag).toMatch(/^"\d+-\d+"$/);
    const again = await get(String(datasetId), { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 400 to a bad id and 404 to a data set that does not exist', async () => {
    expect((await get('abc')).status).toBe(400);
    expect((await get('0')).status).toBe(400);
    const missing = await get('9999');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/9999/);
  });
});
