/**
 * An upload is read and written in steps with other requests served between them (issue 19: a 1 M-row import
 * blocked every other request for ≈ 12 s), and stays invisible to every reader until it is complete.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { generateDemoCity } from '@/db/seed/demo-city';
import { casesCsvChunks, catalogCsv, hospitalsCsv } from '@/db/seed/demo-city/export';
import { importDataset, type DatasetBuffers } from '@/server/import';
import { listDatasets } from '@/server/services/dataset-queries';
import { removeUnfinishedImports, saveDataset } from '@/server/services/datasets';

const encoder = new TextEncoder();
let upload: DatasetBuffers;
let caseCount = 0;

beforeAll(() => {
  const city = generateDemoCity({ cases: 30_000, seed: 3 });
  caseCount = city.bundle.cases.count;
  upload = {
    hospitals: { name: 'hospitals.csv', data: encoder.encode(hospitalsCsv(city.bundle)) },
    catalog: { name: 'catalog.csv', data: encoder.encode(catalogCsv(city.bundle)) },
    cases: { name: 'cases.csv', data: encoder.encode([...casesCsvChunks(city.bundle)].join('')) },
  };
});

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-import-steps-'));
  db = openDatabase(path.join(dir, 'db.sqlite'));
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an import in steps', () => {
  it('lets other work run while it reads and while it writes, many times', async () => {
    const seen: string[] = [];
    const turnsAt: Record<string, number> = {};
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const result = await importDataset(db, { name: '分步导入', year: 2024 }, upload, (stage) => {
      if (!seen.includes(stage)) {
        seen.push(stage);
        turnsAt[stage] = turns;
      }
    });
    running = false;
    expect(result.ok).toBe(true);
    expect(seen).toEqual(['parsing', 'writing']);
    // 1.5 MB of cases in 256 KB chunks: other work ran between the chunks read …
    const turnsReading = turnsAt.writing! - turnsAt.parsing!;
    expect(turnsReading).toBeGreaterThanOrEqual(5);
    // … and between the steps written (before, the whole import ran as one task: no turn at all)
    expect(turns - turnsAt.writing!).toBeGreaterThanOrEqual(2);
    const count = db.$client.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
    expect(count.n).toBe(caseCount);
  });

  it('is seen by no reader until it is complete', async () => {
    let listedWhileWriting: string[] | null = null;
    const result = await importDataset(db, { name: '未完成不可见', year: 2024 }, upload, (stage, done, total) => {
      if (stage === 'writing' && done > 0 && done < total && listedWhileWriting === null) {
        listedWhileWriting = listDatasets(db).map((d) => d.name);
      }
    });
    expect(result.ok).toBe(true);
    expect(listedWhileWriting).toEqual([]);
    expect(listDatasets(db).map((d) => d.name)).toEqual(['未完成不可见']);
  });

  it('removes what it wrote when a write fails midway, and keeps the name free', async () => {
    const real = db.$client.prepare.bind(db.$client);
    let inserts = 0;
    // the disk fills up after some thousands of cases
    const spy = vi.spyOn(db.$client, 'prepare').mockImplementation(((sql: string) => {
      const statement = real(sql);
      if (!sql.startsWith('INSERT INTO cases')) return statement;
      const run = statement.run.bind(statement);
      return Object.assign(statement, {
        run: (...args: unknown[]) => {
          if (++inserts > 5_000) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
          return run(...args);
        },
      });
    }) as typeof db.$client.prepare);
    await expect(importDataset(db, { name: '写满', year: 2024 }, upload)).rejects.toThrow(/disk is full/);
    spy.mockRestore();
    const counts = db.$client.prepare('SELECT (SELECT count(*) FROM datasets) AS d, (SELECT count(*) FROM cases) AS c, (SELECT count(*) FROM hospitals) AS h').get();
    expect(counts).toEqual({ d: 0, c: 0, h: 0 });
    const again = await importDataset(db, { name: '写满', year: 2024 }, upload);
    expect(again.ok).toBe(true);
  });

  it('left half-written by a crash, is removed at the next start', async () => {
    const ready = saveDataset(db, { name: '完整', year: 2024 }, { ...generateDemoCity({ cases: 2_000, seed: 4 }).bundle });
    // a crash mid-import: the data set's row says 'importing', some cases are in
    db.$client.prepare("INSERT INTO datasets (name, year, pools, case_count, created_at, state) VALUES ('中断', 2024, '[]', 10, 'x', 'importing')").run();
    expect(listDatasets(db).map((d) => d.id)).toEqual([ready]);
    expect(removeUnfinishedImports(db)).toEqual(['中断']);
    const names = db.$client.prepare('SELECT name FROM datasets').all();
    expect(names).toEqual([{ name: '完整' }]);
  });
});
