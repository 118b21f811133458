import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { loadSettlementData } from '@/server/services/datasets';
import { NO_DRG, POOL_INDEX, type DatasetBundle } from '@/worker/settlement/types';
import { importDataset, readDatasetFiles, type DatasetPaths } from '@/server/import';

const fixtures = path.join(__dirname, 'fixtures');
const pathsIn = (dir: string): DatasetPaths => ({
  hospitals: path.join(fixtures, dir, 'hospitals.csv'),
  catalog: path.join(fixtures, dir, 'catalog.csv'),
  cases: path.join(fixtures, dir, 'cases.csv'),
});

async function bundleOf(paths: DatasetPaths): Promise<DatasetBundle> {
  const result = await readDatasetFiles(paths);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.bundle;
}

describe('readDatasetFiles', () => {
  it('reads hospitals with optional cells as null', async () => {
    const { hospitals } = await bundleOf(pathsIn('valid'));
    expect(hospitals.map((h) => [h.code, h.level, h.coefficient, h.evaluationScore, h.district])).toEqual([
      ['H001', 3, null, 92, '城区'],
      ['H002', 2, null, 84, '县'],
      ['H003', 1, 0.75, null, '镇'],
    ]);
  });

  it('reads a catalog DRG with no weight and no benchmark cost as null, flags as booleans', async () => {
    const { catalog } = await bundleOf(pathsIn('valid'));
    expect(catalog.find((d) => d.code === 'XJ19')).toMatchObject({ weight: null, benchmarkCost: null });
    expect(catalog.find((d) => d.code === 'OR19')).toMatchObject({ uniformPrice: true, perDiem: false });
    expect(catalog.find((d) => d.code === 'TR19')).toMatchObject({ uniformPrice: false, perDiem: true });
  });

  it('keeps an empty or unknown DRG code as given, with no DRG index (ungrouped, SETTLEMENT.md §2)', async () => {
    const { cases, catalog } = await bundleOf(pathsIn('valid'));
    expect(cases.drgCode).toEqual(['ES35', 'FM19', 'OR19', '', 'ZZ99', 'TR19', 'XJ19']);
    expect(Array.from(cases.drg)).toEqual([0, 1, 2, NO_DRG, NO_DRG, 3, 4]);
    expect(catalog[cases.drg[6]!]!.code).toBe('XJ19');
  });

  it('streams cases into typed columns', async () => {
    const { cases } = await bundleOf(pathsIn('valid'));
    expect(cases.count).toBe(7);
    expect(cases.caseId).toEqual(['K01', 'K02', 'K03', 'K04', 'K05', 'K06', 'K07']);
    expect(Array.from(cases.hospital)).toEqual([0, 0, 1, 1, 2, 2, 0]);
    expect(Array.from(cases.month)).toEqual([1, 3, 12, 6, 7, 8, 2]);
    expect(cases.pool[1]).toBe(POOL_INDEX.resident);
    expect(cases.totalCost[1]).toBe(27000.5);
    expect(cases.patientPay[6]).toBe(5000);
    expect(Array.from(cases.los)).toEqual([6, 5, 3, 8, 4, 45, 0]);
    expect(Array.from(cases.specialReview)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(cases.deduction)).toEqual([0, 120.5, 0, 0, 0, 0, 0]);
  });

  it('accepts Chinese headers, 一级/二级/三级 and 职工/居民, a BOM, CRLF, units in headers and stray spaces', async () => {
    expect(await bundleOf(pathsIn('valid-zh'))).toEqual(await bundleOf(pathsIn('valid')));
  });

  it('reports progress in bytes while parsing, ending at the total', async () => {
    const calls: [string, number, number][] = [];
    await readDatasetFiles(pathsIn('valid'), (stage, done, total) => calls.push([stage, done, total]));
    const last = calls.at(-1)!;
    expect(last[0]).toBe('parsing');
    expect(last[1]).toBe(last[2]);
    expect(calls.every(([, done, total]) => done <= total)).toBe(true);
  });
});

describe('importDataset', () => {
  it('writes the whole data set and it reads back as settlement data', async () => {
    const db = openDatabase(':memory:');
    const stages = new Set<string>();
    const result = await importDataset(db, { name: '2025 测试', year: 2025, notes: 'fixture' }, pathsIn('valid'), (s) =>
      stages.add(s),
    );
    expect(result).toEqual({ ok: true, datasetId: 1, encodings: { hospitals: 'utf-8', catalog: 'utf-8', cases: 'utf-8' } });
    expect([...stages]).toEqual(['parsing', 'writing']);
    const data = loadSettlementData(db, 1);
    const bundle = await bundleOf(pathsIn('valid'));
    expect(data.hospitals).toEqual(bundle.hospitals);
    expect(data.catalog).toEqual(bundle.catalog);
    expect(Array.from(data.cases.drg)).toEqual(Array.from(bundle.cases.drg));
    expect(Array.from(data.cases.totalCost)).toEqual(Array.from(bundle.cases.totalCost));
  });

  it('refuses a data set name already taken, writing nothing more', async () => {
    const db = openDatabase(':memory:');
    await importDataset(db, { name: 'Qingyang', year: 2025 }, pathsIn('valid'));
    const again = await importDataset(db, { name: ' Qingyang ', year: 2024 }, pathsIn('valid'));
    expect(again).toEqual({
      ok: false,
      errors: [{ file: '', row: 0, column: 'name', reason: { zh: '数据集“Qingyang”已存在', en: 'a data set named "Qingyang" already exists' } }],
      errorCount: 1,
    });
    expect(db.$client.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 7 });
  });

  it('refuses an empty name and a year that is not a year', async () => {
    const db = openDatabase(':memory:');
    const result = await importDataset(db, { name: ' ', year: 'abc' }, pathsIn('valid'));
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { column: 'name', reason: { zh: '不能为空', en: 'must not be empty' } },
        { column: 'year', reason: { zh: '应为年份，例如 2025（当前值：“abc”）', en: 'must be a year such as 2025 (got "abc")' } },
      ],
    });
  });
});
