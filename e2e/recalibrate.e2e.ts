/**
 * 权重测算 (ANALYSIS.md §C) on the demo city in Chromium: run with the defaults from the seeded locked round, the
 * table and its flags as the recalibration computes them in Node from the same data, a flag filter, one DRG's
 * histogram with its trimming bounds, "apply as a new draft round", and the workbench comparison of that round
 * with its parent showing each hospital's gain or loss as the engine settles the two rounds in Node.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '@/db/client';
import { loadSettlementData } from '@/server/services/datasets';
import { DEFAULT_OPTIONS, recalibrate, recalibratedRoundParams, type Recalibration } from '@/worker/recalibration';
import { settle, type RoundParams } from '@/worker/settlement';
import { toContractResult } from '@/worker/settlement/result';
import type { SettlementData } from '@/worker/settlement/types';
import { apiHeaders, launchBrowser, newPage, trpcAs } from './browser';

interface Round { id: number; datasetId: number; name: string; status: string; createdBy: string; parentId: number | null; reason: string | null; params: RoundParams }

/** tRPC as the policy test account */
const trpc = <T>(procedure: string, input: unknown, method: 'GET' | 'POST' = 'GET') => trpcAs<T>('policy', procedure, input, method);

/** Each hospital's settlement over both pools, in fen, as the engine settles the round in Node. */
function settlementFen(data: SettlementData, params: RoundParams): Map<string, number> {
  const byHospital = new Map<string, number>();
  for (const row of toContractResult(settle(data, params)).hospitals) {
    byHospital.set(row.hospital_code, (byHospital.get(row.hospital_code) ?? 0) + Math.round(row.settlement * 100));
  }
  return byHospital;
}

/** A signed 万元 figure as the impact table shows it (+1,234.56 / −0.12). */
const wanOf = (text: string) => Number(text.replace(/[,\s]/g, '').replace('−', '-'));

describe('weight recalibration on the demo city', () => {
  let browser: Browser;
  let page: Page;
  let base: Round;
  let data: SettlementData;
  let expected: Recalibration;
  const created: number[] = [];

  beforeAll(async () => {
    const datasetId = (await trpc<{ id: number }[]>('datasets.list', undefined))[0]!.id;
    const rounds = await trpc<Round[]>('rounds.list', { datasetId });
    // the seeded locked round (the year's settled rules), never a round another test file saved
    base = rounds.find((r) => r.createdBy === 'seed' && r.status === 'locked') ?? rounds.find((r) => r.createdBy === 'seed')!;
    const db = openDatabase(inject('dbPath'));
    data = loadSettlementData(db, datasetId);
    db.$client.close();
    expected = recalibrate(data, base.params, DEFAULT_OPTIONS);
    browser = await launchBrowser();
    page = await newPage(browser, { role: 'policy' });
  });

  afterAll(async () => {
    for (const id of created) await trpc('rounds.delete', { id }, 'POST').catch(() => undefined);
    await browser?.close();
  });

  it('runs with the defaults: one row per DRG with a weight, as computed from the data', async () => {
    await page.goto(`${inject('baseUrl')}/recalibrate?dataset=${base.datasetId}&round=${base.id}`, { timeout: 120_000 });
    const run = page.getByTestId('recal-run');
    await expect.poll(() => run.isEnabled(), { timeout: 120_000 }).toBe(true);
    await run.click();
    await page.locator('[data-testid="recal-results"][data-state="done"]').waitFor({ timeout: 120_000 });
    const rows = page.locator('[data-testid="recal-table"] tbody tr[data-drg-code]');
    await expect.poll(() => rows.count()).toBe(expected.rows.length);
    // a DRG whose weight changes: its new weight as shown, to 4 decimals
    const changed = expected.rows.find((r) => r.new_weight !== r.current_weight && r.flags.length === 0)!;
    const cells = await page.locator(`[data-testid="recal-table"] tbody tr[data-drg-code="${changed.drg_code}"] td`).allTextContents();
    expect(cells).toContain(changed.new_weight.toFixed(4));
    expect(cells).toContain(changed.current_weight.toFixed(4));
    const cmi = ((await page.getByTestId('recal-card-cmi').textContent()) ?? '').replace(/\s/g, '');
    expect(cmi).toContain(`${expected.summary.cmiBefore!.toFixed(4)}→${expected.summary.cmiAfter!.toFixed(4)}`);
  });

  it('filters on a flag: exactly the DRGs the recalibration flags', async () => {
    for (const flag of ['few_cases', 'change_over_10pct'] as const) {
      await page.getByTestId('recal-flag-filter').selectOption(flag);
      const shown = page.locator('[data-testid="recal-table"] tbody tr[data-drg-code]');
      const want = expected.rows.filter((r) => r.flags.includes(flag)).map((r) => r.drg_code);
      await expect.poll(async () => (await shown.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-drg-code')))).sort()).toEqual([...want].sort());
    }
    await page.getByTestId('recal-flag-filter').selectOption('all');
  });

  it('opens a DRG’s cost histogram with its trimming bounds', async () => {
    // the busiest DRG that the trim cuts at both ends
    const trimmed = expected.rows.filter((r) => r.kept < r.cases && r.lower !== null && r.upper !== null).sort((a, b) => b.cases - a.cases)[0]!;
    await page.getByTestId('recal-table-search').fill(trimmed.drg_code);
    await page.locator(`[data-testid="recal-table"] tbody tr[data-drg-code="${trimmed.drg_code}"]`).click();
    const histogram = page.locator(`[data-testid="recal-histogram"][data-drg-code="${trimmed.drg_code}"]`);
    await histogram.locator('[data-testid="recal-histogram-plot"][data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(Number(await histogram.getAttribute('data-lower'))).toBeCloseTo(trimmed.lower!, 6);
    expect(Number(await histogram.getAttribute('data-upper'))).toBeCloseTo(trimmed.upper!, 6);
    const figure = await histogram.locator('.js-plotly-plot').evaluate((el) => {
      const f = el as unknown as { data: { y: number[]; name: string }[]; layout: { shapes?: { x0: number }[] } };
      return { counts: f.data.map((t) => t.y.reduce((a, b) => a + b, 0)), shapes: (f.layout.shapes ?? []).map((s) => s.x0) };
    });
    const beyond = Number((await histogram.getByTestId('recal-histogram-beyond').textContent().catch(() => null))?.match(/\d+/)?.[0] ?? 0);
    // kept + trimmed bars + the costs beyond the bins = the DRG's used cases; the kept bars hold the kept cases
    expect(figure.counts[0]! + figure.counts[1]! + beyond).toBe(trimmed.cases);
    expect(figure.counts[0]).toBe(trimmed.kept);
    expect(figure.shapes.some((x) => Math.abs(x - trimmed.upper!) < 1e-6 || Math.abs(x - trimmed.lower!) < 1e-6)).toBe(true);
    await page.getByTestId('recal-table-search').fill('');
  });

  it('applies as a new draft round under the round it came from, and the comparison shows who gains and loses', async () => {
    const name = `e2e 权重测算 ${Date.now()}`;
    await page.getByTestId('recal-apply-name').fill(name);
    await page.getByTestId('recal-apply-button').click();
    const done = page.getByTestId('recal-apply-done');
    await done.waitFor({ timeout: 60_000 });
    const id = Number(await done.getAttribute('data-round-id'));
    created.push(id);
    const child = await trpc<Round>('rounds.get', { id });
    expect([child.name, child.status, child.parentId]).toEqual([name, 'draft', base.id]);
    expect(child.reason).toContain('--trim iqr:1.5 --min-cases 10 --blend 1 --recentre total_points');
    const params = recalibratedRoundParams(base.params, expected);
    expect(child.params.weights).toEqual(params.weights);
    expect(child.params.benchmark_costs).toEqual(params.benchmark_costs);

    await page.getByTestId('recal-compare-link').click();
    // the workbench loads the data set's columns and settles both rounds in its workers: slow on a busy machine
    await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('round-select').inputValue()).toBe(String(id));
    expect(await page.getByTestId('baseline-select').inputValue()).toBe(String(base.id));
    // the hospitals that gain and lose most, as the engine settles the two rounds in Node
    const before = settlementFen(data, base.params);
    const after = settlementFen(data, params);
    const deltas = [...after].map(([code, fen]) => [code, (fen - (before.get(code) ?? 0)) / 100] as const).sort((a, b) => a[1] - b[1]);
    for (const [code, yuan] of [deltas[0]!, deltas.at(-1)!]) {
      expect(Math.abs(yuan)).toBeGreaterThan(0);
      const row = page.locator(`[data-testid="hospital-impact-table"] tbody tr[data-hospital-code="${code}"]`);
      await row.scrollIntoViewIfNeeded();
      await expect.poll(async () => (await row.getAttribute('data-far')) === null && (await row.locator('td').count()) > 7).toBe(true);
      // code, name, level, cases, CMI, baseline, this round, change vs baseline (万元)
      const shown = wanOf((await row.locator('td').nth(7).textContent()) ?? '');
      expect(Math.abs(shown - yuan / 1e4)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    // the workbench loads and settles two rounds of 360 k cases in its workers: bounded by what is wrong, not by speed
  }, 600_000);
});
