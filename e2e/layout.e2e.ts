import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';

/**
 * The comparison view's layout with five rounds (baseline, the edited round and three more): the charts' parts
 * never overlap at 1600×1000 and 1280×720, rounds stand in lineage order whichever is edited (较上一轮 is the
 * previous round), the toolbar is one line on a 1280×720 projector with hospital rows under it, and a locked round
 * says it is read-only on every view.
 */

interface Round {
  id: number;
  name: string;
  status: string;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A part of a chart as drawn: its kind, a label for the messages, its box on the page. */
interface Part {
  kind: 'subplot' | 'title' | 'legend' | 'axis-title';
  label: string;
  box: Box;
}

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 180_000 });
}

/** the rounds of the first data set, as saved (by id) */
function savedRounds(): Round[] {
  const db = new Database(inject('dbPath'), { readonly: true });
  try {
    return db.prepare('select id, name, status from rounds where dataset_id = (select min(id) from datasets) order by id').all() as Round[];
  } finally {
    db.close();
  }
}

/** Boxes overlap when they share more than half a pixel each way (touching edges do not). */
function overlap(a: Box, b: Box): boolean {
  return Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

/** The charts' cells and, for each, the parts plotly drew in it (by where each part's centre is) and its x tick labels. */
async function chartParts(page: Page): Promise<{ id: string; cell: Box; parts: Part[]; xTicks: Box[][] }[]> {
  await page.locator('[data-testid="comparison-charts"][data-ready="true"]').waitFor({ timeout: 120_000 });
  await page.evaluate(() => document.fonts.ready);
  return page.getByTestId('comparison-charts').evaluate((grid) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    /** a subplot's box: its drawn layers (grid, traces, axes' ticks) — its empty layers sit at the figure's corner */
    const drawn = (el: Element) => {
      const boxes = [...el.children].map(box).filter((b) => b.width > 0 && b.height > 0);
      const x = Math.min(...boxes.map((b) => b.x));
      const y = Math.min(...boxes.map((b) => b.y));
      return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
    };
    const svg = grid.querySelector('.js-plotly-plot')!;
    const subplots = [...svg.querySelectorAll('.cartesianlayer .subplot')].filter((el) => [...el.children].some((c) => c.getBoundingClientRect().width > 0));
    const parts = [
      ...subplots.map((el) => ({ kind: 'subplot', label: el.getAttribute('class') ?? '', box: drawn(el) })),
      ...[...svg.querySelectorAll('.annotation')].map((el) => ({ kind: 'title', label: el.textContent ?? '', box: box(el) })),
      ...[...svg.querySelectorAll('.infolayer > g[class^="legend"]')].map((el) => ({ kind: 'legend', label: el.textContent ?? '', box: box(el) })),
      ...[...svg.querySelectorAll('.infolayer text[class$="title"]')].map((el) => ({ kind: 'axis-title', label: el.textContent ?? '', box: box(el) })),
    ].filter((p) => p.box.width > 0 && p.box.height > 0);
    const cells = [...grid.querySelectorAll('.chart-cell')].map((el) => ({ id: el.getAttribute('data-testid') ?? '', cell: box(el) }));
    const within = (b: { x: number; y: number; width: number; height: number }, c: { x: number; y: number; width: number; height: number }) => {
      const cx = b.x + b.width / 2;
      const cy = b.y + b.height / 2;
      return cx >= c.x && cx <= c.x + c.width && cy >= c.y && cy <= c.y + c.height;
    };
    const xTicks = subplots.map((s) => ({
      box: drawn(s),
      ticks: [...s.querySelectorAll('.xtick text')].map(box).filter((b) => b.width > 0),
    }));
    return cells.map(({ id, cell }) => ({
      id,
      cell,
      parts: parts.filter((p) => within(p.box, cell)) as Part[],
      xTicks: xTicks.filter((s) => within(s.box, cell)).map((s) => s.ticks),
    }));
  });
}

/** Every part inside its chart's cell; no two parts of a chart on each other (a plot and its overlay aside); tick labels apart. */
function expectNoOverlap(charts: Awaited<ReturnType<typeof chartParts>>): void {
  expect(charts.map((c) => c.id)).toEqual(['chart-change', 'chart-cmi', 'chart-rounds', 'chart-shift']);
  for (const [i, a] of charts.entries()) for (const b of charts.slice(i + 1)) expect(overlap(a.cell, b.cell), `${a.id} / ${b.id}`).toBe(false);
  for (const chart of charts) {
    const kinds = new Set(chart.parts.map((p) => p.kind));
    for (const kind of ['subplot', 'title', 'axis-title'] as const) expect(kinds.has(kind), `${chart.id} has a ${kind}`).toBe(true);
    for (const part of chart.parts) expect(inside(part.box, chart.cell), `${chart.id}: ${part.kind} "${part.label}" inside its cell`).toBe(true);
    for (const [i, a] of chart.parts.entries()) {
      for (const b of chart.parts.slice(i + 1)) {
        if (a.kind === 'subplot' && b.kind === 'subplot') continue;
        expect(overlap(a.box, b.box), `${chart.id}: ${a.kind} "${a.label}" / ${b.kind} "${b.label}"`).toBe(false);
      }
    }
    for (const ticks of chart.xTicks) {
      for (const [i, a] of ticks.entries()) for (const b of ticks.slice(i + 1)) expect(overlap(a, b), `${chart.id}: x tick labels`).toBe(false);
    }
  }
}

/** A figure as the impact table shows it ("1,437.90", "−57.80", "+54.27"), as a number. */
function figure(text: string): number {
  return Number(text.replace(/,/g, '').replace('−', '-').replace('+', ''));
}

describe('comparison layout with five rounds', () => {
  let browser: Browser;
  let rounds: Round[];
  /** baseline 第0轮, the edited round 第2轮 between the others, 第1, 3, 4轮 compared too */
  let query: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    rounds = savedRounds();
    expect(rounds.length).toBeGreaterThanOrEqual(5);
    const [r0, r1, r2, r3, r4] = rounds as [Round, Round, Round, Round, Round];
    query = `baseline=${r0.id}&round=${r2.id}&compare=${[r4, r1, r3].map((r) => r.id).join(',')}`;
  });
  afterAll(async () => {
    await browser.close();
  });

  const layouts = [
    { width: 1600, height: 1000, lang: 'zh' },
    { width: 1280, height: 720, lang: 'zh' },
    // English texts are longer, in letters of other widths
    { width: 1280, height: 720, lang: 'en' },
  ];
  for (const { lang, ...viewport } of layouts) {
    it(`draws the charts without overlaps at ${viewport.width}×${viewport.height} (${lang})`, async () => {
      const page = await newPage(browser, { viewport });
      await page.goto(`${inject('baseUrl')}/workbench?${query}${lang === 'en' ? '&lang=en' : ''}`, { timeout: 180_000 });
      await settled(page);
      await page.getByTestId('comparison-charts').scrollIntoViewIfNeeded();
      const charts = await chartParts(page);
      expectNoOverlap(charts);
      // the CMI chart's legend names the five rounds (in rows when they do not fit in one)
      const legends = charts.find((c) => c.id === 'chart-cmi')!.parts.filter((p) => p.kind === 'legend');
      expect(legends.map((l) => l.label).join('')).toContain(rounds[4]!.name.slice(0, 3));
      await page.context().close();
    });
  }

  it('orders rounds by lineage whichever is edited: 较上一轮 of 第2轮 is 第2轮 − 第1轮', async () => {
    const page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/workbench?${query}`, { timeout: 180_000 });
    await settled(page);
    const table = page.getByTestId('hospital-impact-table');
    const headers = await table.evaluate((t) => [...t.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').replace(/ [▲▼]$/, '').trim()));
    // the settlement columns: the baseline's, then 第1, 2, 3, 4轮 in lineage order (the edited 第2轮 second, not first)
    const settlementColumn = (r: Round) => headers.findIndex((h) => h.startsWith(`${r.name} (`));
    const columns = rounds.slice(0, 5).map(settlementColumn);
    expect(columns.every((c) => c >= 0)).toBe(true);
    expect([...columns].sort((a, b) => a - b)).toEqual(columns);
    const [, first, second, third] = columns as [number, number, number, number, number];
    const previous = headers.findIndex((h, i) => i > second && i < third && h.startsWith('较上一轮'));
    expect(previous).toBeGreaterThan(second);

    // rows near the top are written at once; compare each one's figures as shown
    const rows = await table.evaluate((t) =>
      [...t.querySelectorAll('tbody tr[data-hospital-code]:not([data-far])')].slice(0, 20).map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
    expect(rows.length).toBeGreaterThan(5);
    let moved = 0;
    for (const cells of rows) {
      const step = figure(cells[previous]!);
      // each figure is rounded to the fen of 万元 on its own: their difference within one unit of the last place
      expect(Math.abs(step - (figure(cells[second]!) - figure(cells[first]!)))).toBeLessThanOrEqual(0.011);
      if (Math.abs(step) > 0.005) moved++;
    }
    expect(moved).toBeGreaterThan(0);

    // the charts list the rounds in the same order: the settlement bars' rounds, the CMI chart's legend
    await page.getByTestId('comparison-charts').scrollIntoViewIfNeeded();
    await page.locator('[data-testid="comparison-charts"][data-ready="true"]').waitFor({ timeout: 120_000 });
    const order = await page.getByTestId('comparison-charts').evaluate((grid) => {
      const figureData = (grid.querySelector('.js-plotly-plot') as unknown as { data: { type: string; hovertext?: unknown; name?: string; mode?: string }[] }).data;
      const bars = figureData.find((t) => t.type === 'bar' && Array.isArray(t.hovertext) && (t.hovertext as unknown[]).length === 5);
      return { bars: bars?.hovertext as string[] | undefined, markers: figureData.filter((t) => t.mode === 'markers').map((t) => t.name ?? '') };
    });
    const names = rounds.slice(0, 5).map((r) => r.name);
    expect(order.bars).toEqual(names);
    expect(order.markers.map((m, i) => names[i]!.startsWith(m.replace(/…$/, '')))).toEqual([true, true, true, true, true]);
    await page.context().close();
  });

  it('keeps the toolbar to one line at 1280×720, with the first hospital rows on the first screen', async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${inject('baseUrl')}/workbench?${query}`, { timeout: 180_000 });
    await settled(page);
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => window.scrollTo(0, 0));
    const bar = await page.getByTestId('round-toolbar').evaluate((el) => {
      const box = el.getBoundingClientRect();
      // the vertical centres of the bar's buttons and selects: one line when they agree
      const tops = [...el.querySelectorAll('button, select')].map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2));
      return { height: box.height, centres: tops };
    });
    expect(bar.height).toBeLessThan(70);
    expect(Math.max(...bar.centres) - Math.min(...bar.centres)).toBeLessThanOrEqual(6);
    const onScreen = await page.getByTestId('hospital-impact-table').evaluate((t) =>
      [...t.querySelectorAll('tbody tr[data-hospital-code]')].filter((tr) => {
        const r = tr.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && (tr.textContent ?? '').includes(tr.getAttribute('data-hospital-code') ?? '?');
      }).length,
    );
    expect(onScreen).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });

  it('keeps the page header to one line at 1280×720 for the role with the most links, in Chinese and in English', async () => {
    const page = await newPage(browser, { role: 'admin', viewport: { width: 1280, height: 720 } });
    await page.goto(`${inject('baseUrl')}/audit`, { timeout: 180_000 });
    await page.getByTestId('nav-accounts').waitFor();
    await page.evaluate(() => document.fonts.ready);
    const centres = () =>
      page.locator('header.app-header').evaluate((header) =>
        [...header.querySelectorAll('a, button, h1')].map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)),
      );
    const zh = await centres();
    expect(zh.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...zh) - Math.min(...zh), `centres ${zh.join(' ')}`).toBeLessThanOrEqual(6);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('nav-workbench').textContent()).toBe('Workbench');
    const en = await centres();
    expect(Math.max(...en) - Math.min(...en), `centres ${en.join(' ')}`).toBeLessThanOrEqual(6);
    await page.context().close();
  });

  it('shows a locked round read-only on every view: no undo, no save, fields disabled', async () => {
    const locked = rounds.find((r) => r.status === 'locked');
    expect(locked).toBeDefined();
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${inject('baseUrl')}/workbench?round=${locked!.id}&baseline=${locked!.id}`, { timeout: 180_000 });
    await settled(page);
    for (const view of ['compare', 'params', 'diff', 'rounds', 'report']) {
      await page.getByTestId(`view-${view}`).click();
      const state = page.getByTestId('read-only-state');
      await expect.poll(() => state.isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await state.textContent()).toContain('已锁定 · 只读');
      for (const id of ['save-here', 'save-round', 'undo', 'redo']) expect(await page.getByTestId(id).count(), `${view}: ${id}`).toBe(0);
      expect(await page.getByTestId('copy-round').isVisible()).toBe(true);
      // the read-only state is drawn: an icon (SVG), not an emoji character
      expect(await state.locator('svg').count()).toBe(1);
      if (view === 'compare') {
        await page.getByTestId('quick-levers-read-only').waitFor();
        const fields = page.locator('[data-testid="quick-levers"] input');
        expect(await fields.count()).toBeGreaterThan(0);
        expect(await fields.evaluateAll((inputs) => inputs.every((i) => (i as HTMLInputElement).disabled))).toBe(true);
      }
      if (view === 'params') {
        const editor = page.getByTestId('params-editor');
        await editor.waitFor();
        expect(await editor.getAttribute('data-readonly')).toBe('1');
        // every lever of the section shown (a number field), none editable
        const levers = editor.locator('input[inputmode="decimal"]');
        expect(await levers.count()).toBeGreaterThan(0);
        expect(await editor.locator('input[inputmode="decimal"]:not([disabled])').count()).toBe(0);
      }
    }
    await page.context().close();
  });
});
