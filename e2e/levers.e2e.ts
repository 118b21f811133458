import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, apiHeaders } from './browser';

type Params = Record<string, unknown> & { budget?: { employee?: number; resident?: number }; weights?: Record<string, number> };
interface Round { id: number; name: string; status: string; params: Params }

async function query<T>(procedure: string, input?: unknown): Promise<T> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${inject('baseUrl')}/api/trpc/${procedure}${search}`, { headers: await apiHeaders() });
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
}

async function impactSnapshot(page: Page): Promise<string> {
  return page.$$eval('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code]', (rows) => rows.map((r) => r.textContent ?? '').join('\n'));
}

const runs = async (page: Page) => Number(await page.getByTestId('settle-status').getAttribute('data-runs'));

/** The impact table's box is on screen, left of the drawer and not under it. */
async function tableBesideDrawer(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="hospital-impact-table"]')?.closest('.table-scroll')?.getBoundingClientRect();
    const drawer = document.querySelector('[data-testid="lever-drawer"]')?.getBoundingClientRect();
    if (!table || !drawer) return false;
    return table.right <= drawer.left + 0.5 && table.width > 300 && table.top < window.innerHeight && table.bottom > 0;
  });
}

/** 万元 as the budget field shows it: thousands separators, exact to the fen. */
const wanText = (yuan: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }).format(Math.round(yuan * 100) / 1e6);

describe('levers beside the results, budgets in 万元, the first round of a data set without rounds', () => {
  let browser: Browser;
  let page: Page;
  let demoId: number;
  let importedId: number | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    const datasets = await query<{ id: number; caseCount: number }[]>('datasets.list');
    demoId = datasets.reduce((a, b) => (b.caseCount > a.caseCount ? b : a)).id;
  });
  afterAll(async () => {
    await browser.close();
    // the imported data set would be the newest, the one the workbench opens first in the test files that follow
    const dbPath = inject('dbPath');
    if (importedId !== null && dbPath) {
      const db = new Database(dbPath);
      db.pragma('foreign_keys = ON');
      db.prepare('DELETE FROM datasets WHERE id = ?').run(importedId);
      db.close();
    }
  });

  it('opens the lever drawer beside the comparison, its tab kept in the URL', async () => {
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${demoId}`);
    await settled(page);
    await page.getByTestId('levers-open').click();
    const drawer = page.getByTestId('lever-drawer');
    await drawer.waitFor();
    await expect.poll(() => page.url()).toContain('levers=coefficients');
    expect(await page.getByTestId('quick-levers').count()).toBe(0);
    await drawer.getByTestId('params-tab-weights').click();
    await expect.poll(() => page.url()).toContain('levers=weights');
    await page.reload();
    await settled(page);
    await page.getByTestId('lever-drawer').getByTestId('weights-table').waitFor();
    expect(await tableBesideDrawer(page)).toBe(true);
  });

  it('a weight found and edited in the drawer reruns the impact table while it stays in view', async () => {
    const catalog = await query<{ code: string; weight: number | null; cases: number }[]>('datasets.catalog', { datasetId: demoId });
    const busiest = catalog.filter((d) => d.weight !== null).reduce((a, b) => (b.cases > a.cases ? b : a));
    const drawer = page.getByTestId('lever-drawer');
    await drawer.getByTestId('weights-filter-text').fill(busiest.code);
    await expect.poll(() => drawer.locator('[data-testid="weights-table"] tbody tr[data-drg-code]').count()).toBe(1);
    const field = drawer.getByTestId(`param-weights.${busiest.code}`);
    const shown = Number(await field.inputValue());
    const before = { runs: await runs(page), table: await impactSnapshot(page) };
    await field.fill(String(Math.round(shown * 1.3 * 10_000) / 10_000));
    await field.press('Enter');
    await expect.poll(() => runs(page)).toBeGreaterThan(before.runs);
    await settled(page);
    await expect.poll(() => impactSnapshot(page)).not.toBe(before.table);
    expect(await tableBesideDrawer(page)).toBe(true);
    expect(await page.getByTestId('undo').isEnabled()).toBe(true);
  });

  it('shows the budget in 万元 with separators, unclipped, and reruns on a budget typed in 万元', async () => {
    const rounds = await query<Round[]>('rounds.list', { datasetId: demoId });
    const roundId = Number(await page.getByTestId('round-select').inputValue());
    const budget = rounds.find((r) => r.id === roundId)?.params.budget?.employee;
    expect(budget).toBeGreaterThan(1e8);
    const drawer = page.getByTestId('lever-drawer');
    await drawer.getByTestId('params-tab-rates').click();
    await expect.poll(() => page.url()).toContain('levers=rates');
    const field = drawer.getByTestId('param-budget.employee');
    expect(await field.inputValue()).toBe(wanText(budget!));
    expect(await field.inputValue()).toMatch(/^\d{1,3}(,\d{3})+(\.\d+)?$/);
    await page.evaluate(() => document.fonts.ready);
    const fits = await field.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth);
    expect(fits).toBe(true);
    const before = { runs: await runs(page), table: await impactSnapshot(page) };
    const raised = budget! + 10_000_000; // + 1,000 万元
    await field.fill(wanText(raised));
    await field.press('Enter');
    await expect.poll(() => runs(page)).toBeGreaterThan(before.runs);
    await settled(page);
    await expect.poll(() => impactSnapshot(page)).not.toBe(before.table);
    await field.blur();
    expect(await field.inputValue()).toBe(wanText(raised));
    expect(await tableBesideDrawer(page)).toBe(true);
  });

  it("a locked round's drawer is read-only", async () => {
    const rounds = await query<Round[]>('rounds.list', { datasetId: demoId });
    const locked = rounds.find((r) => r.status === 'locked');
    expect(locked).toBeDefined();
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${demoId}&round=${locked!.id}&levers=rates`);
    await settled(page);
    const drawer = page.getByTestId('lever-drawer');
    await drawer.getByTestId('levers-read-only').waitFor();
    expect(await drawer.getAttribute('data-readonly')).toBe('1');
    expect(await drawer.getByTestId('param-budget.employee').isDisabled()).toBe(true);
  });

  it('offers a data set without rounds its first round: a copy of another data set’s round, without what it lacks', async () => {
    const fixtures = path.resolve('server/import/fixtures/valid');
    const form = new FormData();
    for (const file of ['hospitals', 'catalog', 'cases'] as const) {
      form.set(file, new Blob([fs.readFileSync(path.join(fixtures, `${file}.csv`))]), `${file}.csv`);
    }
    form.set('name', `导入测试 ${Date.now()}`);
    form.set('year', '2025');
    const lines = (await (await fetch(`${inject('baseUrl')}/api/import`, { method: 'POST', body: form, headers: await apiHeaders() })).text()).trim().split('\n');
    const outcome = JSON.parse(lines[lines.length - 1]!) as { ok: boolean; datasetId: number };
    expect(outcome.ok).toBe(true);
    importedId = outcome.datasetId;

    await page.goto(`${inject('baseUrl')}/workbench?dataset=${importedId}`);
    const first = page.getByTestId('first-round');
    await first.waitFor({ timeout: 120_000 });
    // the header's links keep the data set
    expect(await page.getByTestId('nav-workbench').getAttribute('href')).toBe(`/workbench?dataset=${importedId}`);
    expect(await page.getByTestId('nav-datasets').getAttribute('href')).toBe(`/?dataset=${importedId}`);

    // the demo round with the most weight overrides, and what of it the imported data set lacks
    const rounds = await query<Round[]>('rounds.list', { datasetId: demoId });
    const source = rounds.reduce((a, b) => (Object.keys(b.params.weights ?? {}).length > Object.keys(a.params.weights ?? {}).length ? b : a));
    const drgs = new Set((await query<{ code: string }[]>('datasets.catalog', { datasetId: importedId })).map((d) => d.code));
    const hospitals = new Set((await query<{ code: string }[]>('datasets.hospitals', { datasetId: importedId })).map((h) => h.code));
    const codes = (key: string) => Object.keys((source.params[key] as Record<string, number> | undefined) ?? {});
    const missing = [
      ...codes('weights').filter((c) => !drgs.has(c)),
      ...codes('benchmark_costs').filter((c) => !drgs.has(c)),
      ...((source.params.uniform_price_drgs as string[] | undefined) ?? []).filter((c) => !drgs.has(c)),
      ...codes('hospital_coefficients').filter((c) => !hospitals.has(c)),
      ...codes('evaluation_scores').filter((c) => !hospitals.has(c)),
    ];
    expect(missing.length).toBeGreaterThan(0);

    await first.getByTestId('first-round-copy').check();
    await first.getByTestId('first-round-source-dataset').selectOption(String(demoId));
    await first.getByTestId('first-round-source-round').selectOption(String(source.id));
    await expect.poll(() => first.getByTestId('first-round-dropped').getAttribute('data-count')).toBe(String(missing.length));
    const name = await first.getByTestId('first-round-name').inputValue();
    expect(name).toContain(source.name);
    await first.getByTestId('first-round-create').click();

    await settled(page);
    await expect.poll(() => page.locator('[data-testid="round-select"] option:checked').textContent()).toBe(name);
    const created = await query<Round[]>('rounds.list', { datasetId: importedId });
    expect(created.map((r) => r.name)).toEqual([name]);
    expect(Object.keys(created[0]!.params.weights ?? {}).every((code) => drgs.has(code))).toBe(true);
    expect(created[0]!.params.level_coefficients).toEqual(source.params.level_coefficients);
    expect(await page.locator('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code]').count()).toBe(hospitals.size);
  });
});
