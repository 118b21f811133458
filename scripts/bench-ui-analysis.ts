/**
 * `npm run bench:ui -- --only analysis` — the analysis tabs' speed in real Chromium on a generated city (default
 * 1 M cases), from the page's own performance.measure entries:
 * - `attribution`: 变动归因 of every hospital between the first and the last seeded round (all five families
 *   change: 32 settlements), shared between the baseline's and the edited round's workers and combined on the
 *   page; from asking the workers until the decomposition is combined (the 250 ms wait for an edit to settle
 *   left out). The first run and then --runs more, each when the tab is opened again. Target ≤ 300 ms.
 * - `solve`: a solve in the edited round's worker for a rate (a 费率法 round made for the run and removed after),
 *   a budget and a level coefficient, --runs each with targets 1–3 % off the current figure. Target ≤ 200 ms.
 * Needs a production build (`npm run build`) unless --base-url names a running server (then --dataset names the
 * data set to use, default the largest). Flags: --cases N (default 1000000), --runs N (default 5), --port P,
 * --base-url URL, --dataset ID, --json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDatabase } from '@/db/client';
import { seedDemoCity } from '@/db/seed';
import { launchBrowser, newPage } from '@/e2e/browser';
import { E2E_PASSWORD, E2E_USERS, ensureTestUsers } from '@/e2e/global-setup';

function flag(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
}

interface Round { id: number; name: string; createdBy: string; params: Record<string, unknown> }

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

/** A server to measure: the one at --base-url, or `next start` on a fresh database with a generated city. */
async function serverToMeasure(): Promise<{ base: string; stop: () => void }> {
  const given = flag('base-url');
  if (given) return { base: given.replace(/\/$/, ''), stop: () => undefined };
  const cases = Number(flag('cases') ?? 1_000_000);
  const port = Number(flag('port') ?? 3932);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-analysis-'));
  const dbPath = path.join(dir, 'bench.sqlite');
  const db = openDatabase(dbPath);
  seedDemoCity(db, { cases });
  db.$client.close();
  await ensureTestUsers(dbPath);
  const server: ChildProcess = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { env: { ...process.env, DRG_DB_PATH: dbPath }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/login`);
  return { base, stop: () => void server.kill() };
}

async function session(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username: E2E_USERS.policy.username, password: E2E_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function trpc<T>(base: string, cookie: string, procedure: string, input: unknown, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const url = `${base}/api/trpc/${procedure}`;
  const headers = { cookie, origin: base };
  const res =
    method === 'GET'
      ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(url, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** The durations (ms) of the page's measures named `name` since the last call, cleared. */
function takeMeasures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((name) => {
    const durations = performance.getEntriesByName(name, 'measure').map((m) => m.duration);
    performance.clearMeasures(name);
    return durations;
  }, name);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 600_000 });
}

/** The attribution runs: the first when the tab opens, then one each time it is opened again. */
async function attributionRuns(page: Page, runs: number): Promise<{ first: number; again: number[]; settlements: number }> {
  const done = page.locator('[data-testid="attribution-status"][data-state="done"][data-current="true"]');
  await done.waitFor({ timeout: 600_000 });
  const [first = Number.NaN] = await takeMeasures(page, 'attribution');
  const settlements = Number((await page.getByTestId('attribution-status').textContent())?.match(/\d+/)?.[0] ?? 0);
  const again: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.getByTestId('view-compare').click();
    await settled(page);
    await page.getByTestId('view-analysis').click();
    await page.getByTestId('view-attribution').click();
    await done.waitFor({ timeout: 600_000 });
    again.push(...(await takeMeasures(page, 'attribution')));
  }
  return { first, again, settlements };
}

/** `runs` solves of one lever for one target, each 1–3 % off the current figure (money typed in 万元). */
async function solveRuns(page: Page, lever: string, target: string, runs: number, money: boolean): Promise<number[]> {
  await page.getByTestId('solve-lever').selectOption(lever);
  await page.getByTestId('solve-target').selectOption(target);
  const current = page.getByTestId('solve-current');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="solve-current"]')?.getAttribute('data-value')) > 0, undefined, { timeout: 120_000 });
  const now = Number(await current.getAttribute('data-value'));
  await takeMeasures(page, 'solve');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const value = now * (1 + 0.01 * (1 + (i % 3)) * (i % 2 ? -1 : 1));
    await page.getByTestId('solve-value').fill(money ? (value / 1e4).toFixed(2) : value.toFixed(6));
    await page.getByTestId('solve-run').click();
    await page.locator('[data-testid="solve-result"], [data-testid="solve-unreachable"]').first().waitFor({ timeout: 600_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="solve-run"]')?.hasAttribute('disabled'), undefined, { timeout: 600_000 });
    times.push(...(await takeMeasures(page, 'solve')));
  }
  return times;
}

export async function benchAnalysisUi(): Promise<void> {
  const runs = Number(flag('runs') ?? 5);
  const { base, stop } = await serverToMeasure();
  const cookie = await session(base);
  const browser = await launchBrowser();
  let rateRound: number | null = null;
  try {
    const datasets = await trpc<{ id: number; caseCount: number }[]>(base, cookie, 'datasets.list', undefined);
    const dataset = flag('dataset') ? datasets.find((d) => d.id === Number(flag('dataset')))! : datasets.reduce((a, b) => (b.caseCount > a.caseCount ? b : a));
    const seeded = (await trpc<Round[]>(base, cookie, 'rounds.list', { datasetId: dataset.id })).filter((r) => r.createdBy === 'seed');
    const first = seeded[0]!;
    const last = seeded[seeded.length - 1]!;
    const page = await newPage(browser, { role: 'policy', baseUrl: base });
    await page.addInitScript('window.__name = (fn) => fn');
    await page.goto(`${base}/workbench?dataset=${dataset.id}&round=${last.id}&baseline=${first.id}&view=attribution`, { timeout: 600_000 });
    await settled(page);
    const attribution = await attributionRuns(page, runs);

    await page.goto(`${base}/workbench?dataset=${dataset.id}&round=${first.id}&baseline=${first.id}&view=solve`, { timeout: 600_000 });
    await settled(page);
    const budget = await solveRuns(page, 'budget.employee', 'fund_payment.employee', runs, true);
    const coefficient = await solveRuns(page, 'level_coefficients.2', 'payment_cost_ratio.employee.2', runs, false);
    const made = await trpc<Round>(base, cookie, 'rounds.create', { datasetId: dataset.id, name: 'bench 费率法', parentId: first.id, params: { ...first.params, method: 'rate', rate: { employee: 12_000, resident: 9_000 } } }, 'POST');
    rateRound = made.id;
    await page.goto(`${base}/workbench?dataset=${dataset.id}&round=${made.id}&baseline=${first.id}&view=solve`, { timeout: 600_000 });
    await settled(page);
    const rate = await solveRuns(page, 'rate.employee', 'fund_payment.employee', runs, true);

    const figures = {
      cases: dataset.caseCount,
      attribution: { settlements: attribution.settlements, firstMs: Math.round(attribution.first), medianMs: Math.round(median(attribution.again)), maxMs: Math.round(Math.max(...attribution.again)) },
      solve: Object.fromEntries(Object.entries({ rate, budget, coefficient }).map(([k, v]) => [k, { medianMs: Math.round(median(v)), maxMs: Math.round(Math.max(...v)) }])),
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
    else {
      console.log(`analysis tabs on ${dataset.caseCount.toLocaleString()} cases (${runs} runs each; ms as the page measures them)`);
      console.log(`  变动归因 all hospitals, ${attribution.settlements} settlements in 2 workers: first ${figures.attribution.firstMs}, median ${figures.attribution.medianMs}, max ${figures.attribution.maxMs}  (target ≤ 300)`);
      for (const [kind, f] of Object.entries(figures.solve)) console.log(`  求解 ${kind.padEnd(11)} median ${f.medianMs}, max ${f.maxMs}  (target ≤ 200)`);
    }
    await page.context().close();
  } finally {
    if (rateRound !== null) await trpc(base, cookie, 'rounds.delete', { id: rateRound }, 'POST').catch(() => undefined);
    await browser.close();
    stop();
  }
}
