/**
 * `npm run bench:ui` — the workbench's speed in real Chromium on a generated city (default 1 M cases):
 * - first load of the data set's columns into the worker: wall time and bytes on the wire;
 * - an edit of the 二级 level coefficient until the impact table and charts show the new settlement: p50/p95.
 * Needs a production build (`npm run build`). Flags: --cases N (default 1000000), --edits N (default 30),
 * --port P, --json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { seedDemoCity } from '@/db/seed';
import { launchBrowser, newPage } from '@/e2e/browser';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

async function main(): Promise<void> {
  const cases = flag('cases', 1_000_000);
  const edits = flag('edits', 30);
  const port = flag('port', 3931);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-ui-'));
  const dbPath = path.join(dir, 'bench.sqlite');
  const db = openDatabase(dbPath);
  seedDemoCity(db, { cases });
  db.$client.close();
  const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DRG_DB_PATH: dbPath },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/api/trpc/datasets.list`);
    await fetch(`${base}/api/datasets/1/columns`); // the server encodes once per data set version; time the browser, not that
    const browser = await launchBrowser();
    const page = await newPage(browser);
    const client = await page.context().newCDPSession(page);
    await client.send('Network.enable');
    let columnsBytes = 0;
    const columnsRequests = new Set<string>();
    client.on('Network.requestWillBeSent', (e) => e.request.url.includes('/columns') && columnsRequests.add(e.requestId));
    client.on('Network.loadingFinished', (e) => {
      if (columnsRequests.has(e.requestId)) columnsBytes += e.encodedDataLength;
    });
    await page.goto(`${base}/workbench`);
    const loadStart = Date.now();
    await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
    const firstLoadMs = Date.now() - loadStart;
    await page.locator('[data-testid="chart-change"][data-ready="true"]').waitFor({ timeout: 60_000 });

    const input = page.getByTestId('level-coefficient-2');
    const timings: number[] = [];
    const runs = async () => Number(await page.getByTestId('settle-status').getAttribute('data-runs'));
    for (let i = 0; i < edits; i++) {
      const value = (0.8 + (i % 10) * 0.01 + (i % 2 ? 0.005 : 0)).toFixed(3);
      const before = await runs();
      await input.fill(value);
      // the edit starts when Enter commits it; it ends when the rerun is drawn (table and charts in one frame)
      const elapsed = await page.evaluate(
        ({ before }) =>
          new Promise<number>((resolve) => {
            const field = document.querySelector<HTMLInputElement>('[data-testid="level-coefficient-2"]')!;
            const status = document.querySelector('[data-testid="settle-status"]')!;
            const chart = document.querySelector('[data-testid="chart-change"]')!;
            const chartBefore = Number(chart.getAttribute('data-revision'));
            const started = performance.now();
            // done when the rerun has reached the table (runs) and the sorted change chart has been redrawn
            const observer = new MutationObserver(() => {
              if (Number(status.getAttribute('data-runs')) > before && Number(chart.getAttribute('data-revision')) > chartBefore) {
                observer.disconnect();
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
              }
            });
            observer.observe(status, { attributes: true });
            observer.observe(chart, { attributes: true });
            field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          }),
        { before },
      );
      timings.push(elapsed);
    }
    timings.sort((a, b) => a - b);
    const figures = {
      cases,
      first_load_ms: firstLoadMs,
      columns_wire_mb: Number((columnsBytes / 1e6).toFixed(2)),
      edit_p50_ms: Number(percentile(timings, 50).toFixed(1)),
      edit_p95_ms: Number(percentile(timings, 95).toFixed(1)),
      edits,
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
    else {
      console.log(`workbench on ${cases.toLocaleString()} cases`);
      console.log(`  first load into the worker: ${firstLoadMs} ms, ${figures.columns_wire_mb} MB on the wire`);
      console.log(`  coefficient edit → settled and drawn: p50 ${figures.edit_p50_ms} ms, p95 ${figures.edit_p95_ms} ms (${edits} edits)`);
    }
    await browser.close();
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
