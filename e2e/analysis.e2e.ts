/**
 * The analysis tabs on the demo city in Chromium (issue 20 §2–§4): 变动归因's parts add up to the change shown and
 * agree with the comparison; a weights-only round is all weights; a hospital's weights part drills down to DRGs
 * that add up to it; a solve lands on its target once the applied round is settled again, is one undoable edit,
 * and saves as a new draft round; a target no value reaches is explained; the projection with zero growth is this
 * year's settlement on screen; a hospital user's attribution names no other hospital.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiHeaders, launchBrowser, newPage, trpcAs } from './browser';

type Params = Record<string, unknown>;
interface Round { id: number; datasetId: number; name: string; status: string; createdBy: string; params: Params }
interface HospitalRow { code: string; name: string }

/** tRPC as the policy test account */
const trpc = <T>(procedure: string, input: unknown, method: 'GET' | 'POST' = 'GET') => trpcAs<T>('policy', procedure, input, method);

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
}

/** Opens an analysis tab from the toolbar's 分析 menu. */
async function openAnalysis(page: Page, view: 'attribution' | 'solve' | 'projection'): Promise<void> {
  await page.getByTestId('view-analysis').click();
  await page.getByTestId(`view-${view}`).click();
}

/** The attribution of the rounds on screen, finished and current. */
async function attributed(page: Page): Promise<void> {
  await page.locator('[data-testid="attribution-status"][data-state="done"][data-current="true"]').waitFor({ timeout: 180_000 });
}

interface AttributedRow { code: string; change: number; parts: number[]; changeText: string; partTexts: string[] }

/** Each hospital row of the attribution table: its fen figures (data-*) and the texts shown. */
function attributionRows(page: Page): Promise<AttributedRow[]> {
  return page.$$eval('[data-testid="attribution-table"] tbody tr[data-hospital-code]', (rows) =>
    rows.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return {
        code: tr.getAttribute('data-hospital-code') ?? '',
        change: Number(tr.getAttribute('data-change')),
        parts: (tr.getAttribute('data-parts') ?? '').split(',').map(Number),
        // code, name, level, from, to, change, five parts
        changeText: cells[5] ?? '',
        partTexts: cells.slice(6, 11),
      };
    }),
  );
}

/** 万元 with 2 decimals as the tables write a signed figure of fen (+1,234.57 / −0.05 / 0.00). */
function signedWan(fen: number): string {
  const hundredths = Math.round(Math.abs(fen) / 1e4);
  const text = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(hundredths / 100);
  return hundredths === 0 ? text : `${fen > 0 ? '+' : '−'}${text}`;
}

const WEIGHT_KEYS = new Set(['weights', 'benchmark_costs']);
const withoutWeights = (params: Params) => JSON.stringify(Object.fromEntries(Object.entries(params).filter(([k]) => !WEIGHT_KEYS.has(k)).sort()));

describe('analysis tabs on the demo city', () => {
  let browser: Browser;
  let datasetId: number;
  let seeded: Round[];
  const created: number[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
    const datasets = await trpc<{ id: number; caseCount: number }[]>('datasets.list', undefined);
    datasetId = datasets.reduce((a, b) => (b.caseCount > a.caseCount ? b : a)).id;
    seeded = (await trpc<Round[]>('rounds.list', { datasetId })).filter((r) => r.createdBy === 'seed');
  });
  afterAll(async () => {
    await browser.close();
    for (const id of created.reverse()) await trpc('rounds.delete', { id }, 'POST').catch(() => undefined);
  });

  it('splits every hospital change over the five families: the parts shown add up to the change shown, which is the comparison’s', async () => {
    const base = seeded[0]!;
    const round = seeded[seeded.length - 1]!;
    const page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${datasetId}&round=${round.id}&baseline=${base.id}`, { timeout: 180_000 });
    await settled(page);
    const compared = await page.$$eval('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code]', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-hospital-code') ?? '', r.textContent ?? ''])),
    );
    await openAnalysis(page, 'attribution');
    await attributed(page);
    const rows = await attributionRows(page);
    expect(rows.length).toBeGreaterThan(150);
    let moved = 0;
    for (const row of rows) {
      expect(row.parts.reduce((a, b) => a + b, 0), row.code).toBe(row.change);
      expect(row.changeText, row.code).toBe(signedWan(row.change));
      expect(row.partTexts, row.code).toEqual(row.parts.map(signedWan));
      // the comparison's row of the hospital shows the same change against the baseline
      if (row.change !== 0) expect(compared[row.code], row.code).toContain(signedWan(row.change));
      if (row.change !== 0) moved++;
    }
    expect(moved).toBeGreaterThan(0);
    // the totals row adds the rows in fen
    const footer = await page.$$eval('[data-testid="attribution-table"] tfoot td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(footer[5]).toBe(signedWan(rows.reduce((s, r) => s + r.change, 0)));
    // the level totals: each pool's levels add up to its total row, and its parts to its change
    const levels = await page.$$eval('[data-testid="attribution-levels"] tbody tr', (trs) =>
      trs.map((tr) => ({ pool: tr.getAttribute('data-pool'), level: tr.getAttribute('data-level'), change: Number(tr.getAttribute('data-change')), parts: (tr.getAttribute('data-parts') ?? '').split(',').map(Number) })),
    );
    for (const pool of ['employee', 'resident']) {
      const ofPool = levels.filter((l) => l.pool === pool);
      const total = ofPool.find((l) => l.level === 'all')!;
      expect(ofPool.filter((l) => l.level !== 'all').reduce((s, l) => s + l.change, 0)).toBe(total.change);
      expect(total.parts.reduce((a, b) => a + b, 0)).toBe(total.change);
    }
    await page.context().close();
  });

  it('puts a weights-only change wholly in the weights part, and drills a hospital’s part down to DRGs that add up to it', async () => {
    const base = seeded[0]!;
    const weightsOnly = seeded.find((r) => r.id !== base.id && withoutWeights(r.params) === withoutWeights(base.params) && JSON.stringify(r.params.weights) !== JSON.stringify(base.params.weights));
    expect(weightsOnly, 'a seeded round that changes the weights alone').toBeDefined();
    const page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${datasetId}&round=${weightsOnly!.id}&baseline=${base.id}&view=attribution`, { timeout: 180_000 });
    await settled(page);
    await attributed(page);
    const rows = await attributionRows(page);
    for (const row of rows) expect(row.parts.slice(1), row.code).toEqual([0, 0, 0, 0]);
    // the table is sorted by change, largest gain first: the first hospital's weights part by DRG
    const first = rows[0]!;
    expect(first.change).toBeGreaterThan(0);
    await page.locator(`[data-testid="attribution-table"] tbody tr[data-hospital-code="${first.code}"]`).click();
    const panel = page.getByTestId('attribution-hospital');
    await expect.poll(() => panel.getAttribute('data-change')).toBe(String(first.change));
    await page.locator('[data-testid="attribution-drgs"] tbody tr').first().waitFor({ timeout: 120_000 });
    const drillTotal = await page.$eval('[data-testid="attribution-drgs"] tfoot td:last-child', (td) => td.textContent ?? '');
    expect(drillTotal).toBe(signedWan(first.parts[0]!));
    await expect.poll(() => page.getByTestId('attribution-waterfall').getAttribute('data-ready'), { timeout: 60_000 }).toBe('true');
    await page.context().close();
  });

  it('solves a budget for a fund payment target: applied as one undoable edit, the settled round lands on it; saved as a new draft', async () => {
    const base = seeded[0]!;
    const draft = await trpc<Round>('rounds.create', { datasetId, name: '求解测试', parentId: base.id, params: base.params }, 'POST');
    created.push(draft.id);
    const page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${datasetId}&round=${draft.id}&baseline=${base.id}&view=solve`, { timeout: 180_000 });
    await settled(page);
    await page.getByTestId('solve-lever').selectOption('budget.employee');
    await page.getByTestId('solve-target').selectOption('fund_payment.employee');
    const current = page.getByTestId('solve-current');
    await expect.poll(async () => Number(await current.getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(0);
    const before = Number(await current.getAttribute('data-value'));
    // the field is prefilled with the current figure, in 万元
    expect(Number(await page.getByTestId('solve-value').inputValue())).toBeCloseTo(before / 1e4, 2);
    const targetWan = Math.round((before * 1.03) / 1e4 * 100) / 100;
    await page.getByTestId('solve-value').fill(String(targetWan));
    await page.getByTestId('solve-run').click();
    const result = page.getByTestId('solve-result');
    await result.waitFor({ timeout: 120_000 });
    const target = Math.round(targetWan * 1e4 * 100) / 100;
    expect(Math.abs(Number(await result.getAttribute('data-achieved')) - target)).toBeLessThanOrEqual(0.01);
    // the solved budget, read now: saving opens the new round, whose view starts without a result
    const solvedBudget = Number(await result.getAttribute('data-value'));
    await page.getByTestId('solve-comparison').locator('[data-testid="hospital-impact-table"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('solve-apply').click();
    await expect.poll(async () => Math.abs(Number(await current.getAttribute('data-value')) - target), { timeout: 60_000 }).toBeLessThanOrEqual(0.01);
    await settled(page);
    // one edit: undo brings the round's figure back
    await page.getByTestId('undo').click();
    await expect.poll(async () => Number(await current.getAttribute('data-value')), { timeout: 60_000 }).toBe(before);
    expect(await page.getByTestId('undo').isEnabled()).toBe(false);
    // saved as a new draft round, a child of the edited one, with the solved budget
    await page.getByTestId('solve-save').click();
    await expect.poll(async () => (await trpc<Round[]>('rounds.list', { datasetId })).find((r) => r.id > draft.id && r.name.startsWith('求解'))?.id ?? null, { timeout: 30_000 }).not.toBeNull();
    const saved = (await trpc<Round[]>('rounds.list', { datasetId })).find((r) => r.id > draft.id && r.name.startsWith('求解'))!;
    created.push(saved.id);
    expect(saved.status).toBe('draft');
    expect((saved.params.budget as { employee: number }).employee).toBe(solvedBudget);
    await page.context().close();
  }, 360_000);

  it('explains a target no value reaches, with the closest values on each side', async () => {
    const base = seeded[0]!;
    const page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${datasetId}&round=${base.id}&baseline=${base.id}&view=solve`, { timeout: 180_000 });
    await settled(page);
    await page.getByTestId('solve-lever').selectOption('level_coefficients.2');
    await page.getByTestId('solve-target').selectOption('cmi.employee');
    const current = Number(await page.getByTestId('solve-current').getAttribute('data-value'));
    // a coefficient does not move the city's CMI
    await page.getByTestId('solve-value').fill(String(Math.round(current * 2 * 1e6) / 1e6));
    await page.getByTestId('solve-run').click();
    const unreachable = page.getByTestId('solve-unreachable');
    await unreachable.waitFor({ timeout: 120_000 });
    expect(await unreachable.textContent()).toMatch(/最接近/);
    expect(await page.getByTestId('solve-below').getAttribute('data-achieved')).not.toBe('');
    expect(await page.getByTestId('solve-apply').count()).toBe(0);
    await page.context().close();
  });

  it('projects next year: with zero growth it is this year’s settlement on screen; more cases deflate the point value', async () => {
    const base = seeded[0]!;
    const page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${datasetId}&round=${base.id}&baseline=${base.id}`, { timeout: 180_000 });
    await settled(page);
    const headline = (await page.getByTestId('headline-point-value-employee').locator('.value').textContent()) ?? '';
    const compared = await page.$$eval('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code]', (rows) => rows.map((r) => r.getAttribute('data-hospital-code')));
    await openAnalysis(page, 'projection');
    const card = page.getByTestId('projection-point-value-employee');
    await page.locator('[data-testid="projection-status"][data-state="done"][data-current="true"]').waitFor({ timeout: 120_000 });
    expect(Number(await card.getAttribute('data-projected'))).toBe(Number(await card.getAttribute('data-this-year')));
    expect((await card.locator('.value').textContent())?.trim()).toBe(headline.trim());
    const exposed = await page.$$eval('[data-testid="projection-exposed"] tbody tr[data-hospital-code]', (rows) =>
      rows.map((r) => ({ code: r.getAttribute('data-hospital-code'), thisYear: Number(r.getAttribute('data-this-year')), projected: Number(r.getAttribute('data-projected')) })),
    );
    for (const row of exposed) expect(Math.abs(row.projected - row.thisYear), row.code ?? '').toBeLessThan(0.005);
    expect(new Set(exposed.map((r) => r.code))).toEqual(new Set(compared));
    // 10 % more cases at every level with the same budget: a lower point value, past the 5 % threshold
    for (const level of [1, 2, 3]) await page.getByTestId(`projection-volume-level-${level}`).fill('10');
    await expect.poll(async () => (await card.getAttribute('data-deflation')) === 'true', { timeout: 60_000 }).toBe(true);
    expect(Number(await card.getAttribute('data-projected'))).toBeLessThan(Number(await card.getAttribute('data-this-year')));
    expect(await page.getByTestId('projection-deflation-employee').isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows a hospital user the attribution of its own hospital, naming no other', async () => {
    const hospitals = await trpc<HospitalRow[]>('datasets.hospitals', { datasetId });
    const page = await newPage(browser, { role: 'hospital' });
    const bodies: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('myHospital.attribution')) void response.text().then((text) => bodies.push(text), () => undefined);
    });
    await page.goto(`${inject('baseUrl')}/my-hospital`, { timeout: 180_000 });
    const panel = page.getByTestId('my-attribution-hospital');
    await panel.waitFor({ timeout: 180_000 });
    const change = Number(await panel.getAttribute('data-change'));
    expect((await panel.getAttribute('data-parts'))!.split(',').map(Number).reduce((a, b) => a + b, 0)).toBe(change);
    await expect.poll(() => bodies.length).toBeGreaterThan(0);
    const own = hospitals.find((h) => h.code === 'H001')!;
    for (const body of bodies) {
      expect(body).toContain(own.code);
      for (const other of hospitals) {
        if (other.code === own.code) continue;
        expect(body).not.toContain(`"${other.code}"`);
        expect(body).not.toContain(other.name);
      }
    }
    await page.context().close();
  });
});
