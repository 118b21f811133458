/**
 * npm run bench:import [-- --cases 1000000]
 *
 * An upload's import must not stop the server (issue 19: a 1 M-row import blocked every request ≈ 12 s). Imports a
 * generated demo city of N cases from in-memory CSV buffers, as the upload route does, into a temporary database,
 * while a 5 ms timer measures how long the event loop was held at once. Prints, per stage (reading and checking,
 * writing), the timer's gaps p50 / p99 / max: the longest time another request would have waited.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { generateDemoCity } from '@/db/seed/demo-city';
import { casesCsvChunks, catalogCsv, hospitalsCsv } from '@/db/seed/demo-city/export';
import { importDataset } from '@/server/import';

const { values } = parseArgs({ options: { cases: { type: 'string' } } });
const cases = Number(values.cases ?? 1_000_000);
const city = generateDemoCity({ cases });
const encoder = new TextEncoder();
const upload = {
  hospitals: { name: 'hospitals.csv', data: encoder.encode(hospitalsCsv(city.bundle)) },
  catalog: { name: 'catalog.csv', data: encoder.encode(catalogCsv(city.bundle)) },
  cases: { name: 'cases.csv', data: encoder.encode([...casesCsvChunks(city.bundle)].join('')) },
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-import-'));
const db = openDatabase(path.join(dir, 'bench.sqlite'));

const gaps: Record<string, number[]> = {};
let stage = 'parsing';
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  (gaps[stage] ??= []).push(now - last);
  last = now;
}, 5);
const started = performance.now();
importDataset(db, { name: 'bench', year: 2024 }, upload, (s) => {
  stage = s;
})
  .then((result) => {
    clearInterval(timer);
    if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!.toFixed(0);
    console.log(`import of ${cases.toLocaleString('en')} cases (${(upload.cases.data.byteLength / 1e6).toFixed(0)} MB CSV): ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const [name, xs] of Object.entries(gaps)) {
      console.log(`  ${name.padEnd(8)} event loop held at once: p50 ${q(xs, 0.5)} ms, p99 ${q(xs, 0.99)} ms, max ${q(xs, 1)} ms (${xs.length} turns)`);
    }
  })
  .finally(() => {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
