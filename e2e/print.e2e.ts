import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, apiHeaders } from './browser';

/**
 * The printed report on A4 landscape (@page report in globals.css): a page of 297 × 210 mm less 10 mm margins
 * lays out 277 mm of content, 1,047 CSS px at 96 px per inch. The checks lay the page out at that width in print
 * media, as printing does, then print it to PDF and render the pages for a look.
 */
const PAGE_CONTENT_PX = Math.floor((277 / 25.4) * 96);
const PAGE_HEIGHT_PX = Math.floor((190 / 25.4) * 96);
/** the rendered pages stay here for a look (pdftoppm's PNGs and the PDF) */
const PRINT_DIR = process.env.E2E_PRINT_DIR ?? path.join(os.tmpdir(), 'drg-print');

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
}

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: await apiHeaders() });
  expect(res.ok, url).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** The demo city's data set and its seeded rounds in lineage order (the first is the baseline of the others). */
async function demoRounds(baseUrl: string): Promise<{ datasetId: number; rounds: { id: number; name: string }[] }> {
  const datasets = await json<{ id: number }[]>(`${baseUrl}/api/trpc/datasets.list`);
  const datasetId = datasets[0]!.id;
  const all = await json<{ id: number; name: string; createdBy: string }[]>(`${baseUrl}/api/trpc/rounds.list?input=${encodeURIComponent(JSON.stringify({ datasetId }))}`);
  // the seeded rounds only: other test files save rounds of their own, in whatever order the files run
  const rounds = all.filter((r) => r.createdBy === 'seed');
  return { datasetId, rounds };
}

/** The screen's header texts of a table (without a sort arrow), in screen media. */
async function screenHeaders(page: Page, testId: string): Promise<string[]> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  // the table's own header row, not that of a band table in a cell of the diff
  return table.evaluate((t) => [...t.querySelectorAll(':scope > thead th')].map((th) => (th.textContent ?? '').replace(/ [▲▼]$/, '').trim()));
}

/** Switches to print media at the width of an A4 landscape page's content, with the fonts of what it shows. */
async function asPrinted(page: Page): Promise<void> {
  await page.setViewportSize({ width: PAGE_CONTENT_PX, height: PAGE_HEIGHT_PX });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
}

async function asScreen(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1600, height: 1000 });
}

/** What of the report is wider than the page's content box: tables that scroll, elements past the right edge. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) found.push(`page scrolls: ${document.documentElement.scrollWidth} > ${width}`);
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${el.className}`;
    for (const el of document.querySelectorAll('.report *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not printed
      if (box.right > width + 1) found.push(`${name(el)} ends at ${Math.round(box.right)} > ${width}: ${(el.textContent ?? '').slice(0, 40)}`);
      if (el.tagName === 'TABLE' && el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return found.slice(0, 10);
  });
}

/** The printed impact table: each part's headers and the number of rows of its body (hospitals + totals). */
async function printedParts(page: Page): Promise<{ headers: string[]; rows: number }[]> {
  return page.getByTestId('print-impact-table').evaluate((box) =>
    [...box.querySelectorAll('table')].map((table) => ({
      headers: [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim()),
      rows: table.querySelectorAll('tbody tr').length,
    })),
  );
}

/** Prints the page to PDF (A4 landscape) and renders its pages to PNG: their number, and whether each is landscape. */
function renderPdf(pdf: Buffer, name: string): { pages: number; landscape: boolean } {
  fs.mkdirSync(PRINT_DIR, { recursive: true });
  const file = path.join(PRINT_DIR, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  for (const old of fs.readdirSync(PRINT_DIR)) if (old.startsWith(`${name}-`) && old.endsWith('.png')) fs.rmSync(path.join(PRINT_DIR, old));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(PRINT_DIR, name)]);
  const pngs = fs.readdirSync(PRINT_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  // a PNG's width and height: bytes 16–23 of its IHDR chunk
  const landscape = pngs.every((f) => {
    const head = fs.readFileSync(path.join(PRINT_DIR, f)).subarray(16, 24);
    return head.readUInt32BE(0) > head.readUInt32BE(4);
  });
  console.log(`printed report ${name}: ${pngs.length} pages in ${PRINT_DIR}`);
  return { pages: pngs.length, landscape };
}

function pdfText(name: string): string {
  return execFileSync('pdftotext', ['-layout', path.join(PRINT_DIR, `${name}.pdf`), '-'], { encoding: 'utf8' });
}

describe('the printed report fits A4 with every column, and a hospital’s outlier cases are all there', () => {
  let browser: Browser;
  let page: Page;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-print-downloads-'));
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  async function expectPrintable(
    url: string,
    name: string,
    prepare?: () => Promise<void>,
  ): Promise<{ parts: { headers: string[]; rows: number }[] }> {
    await asScreen(page);
    await page.goto(url);
    await settled(page);
    await page.getByTestId('round-diff-table').waitFor({ timeout: 60_000 });
    await page.getByTestId('print-impact-table').waitFor({ state: 'attached' });
    await prepare?.();
    const impactHeaders = await screenHeaders(page, 'hospital-impact-table');
    const diffHeaders = await screenHeaders(page, 'round-diff-table');
    const hospitals = await page.locator('[data-testid="hospital-impact-table"] tbody tr').count();
    const screenText = await page.locator('.report').innerText();

    await asPrinted(page);
    // the screen's grid gives way to the printed parts: each repeats code and name, every column is in one of them
    await expect.poll(() => page.getByTestId('print-impact-table').isVisible()).toBe(true);
    expect(await page.getByTestId('hospital-impact-table').isVisible()).toBe(false);
    const parts = await printedParts(page);
    for (const part of parts) {
      expect(part.headers.slice(0, 2)).toEqual(impactHeaders.slice(0, 2));
      expect(part.rows).toBe(hospitals + 1);
    }
    expect(new Set(parts.flatMap((p) => p.headers))).toEqual(new Set(impactHeaders));
    // the diff prints every column, its header row a real header (repeated on each page)
    const printedDiff = await page.getByTestId('round-diff-table').evaluate((t) => ({
      headers: [...t.querySelectorAll(':scope > thead th')].filter((th) => th.getBoundingClientRect().width > 0).map((th) => (th.textContent ?? '').replace(/ [▲▼]$/, '').trim()),
      headerGroup: getComputedStyle(t.querySelector('thead')!).display,
    }));
    expect(printedDiff).toEqual({ headers: diffHeaders, headerGroup: 'table-header-group' });
    expect(await page.getByTestId('print-impact-table').evaluate((b) => getComputedStyle(b.querySelector('thead')!).display)).toBe('table-header-group');
    // nothing wider than the page, no raw JSON on screen or paper
    expect(await overflowing(page)).toEqual([]);
    const printedText = await page.locator('.report').innerText();
    for (const text of [screenText, printedText]) expect(text).not.toMatch(/[{}]|\[\{|":/);

    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    const rendered = renderPdf(pdf, name);
    expect(rendered.pages).toBeGreaterThan(1);
    expect(rendered.landscape).toBe(true);
    // the paper carries the last column of each part and the last hospital of the table
    const text = pdfText(name);
    for (const part of parts) expect(text).toContain(part.headers.at(-1)!.split(' ')[0]!);
    await asScreen(page);
    return { parts };
  }

  it('prints the report of one round against the baseline on A4 landscape: every column of the impact table and the diff', async () => {
    const { datasetId, rounds } = await demoRounds(inject('baseUrl'));
    const [baseline, round] = [rounds[0]!, rounds.at(-1)!];
    await expectPrintable(`${inject('baseUrl')}/workbench?dataset=${datasetId}&baseline=${baseline.id}&round=${round.id}&view=report`, 'report-1-round');
  });

  it('cuts the report of five rounds into parts that each fit the page, each round’s figures together', async () => {
    const { datasetId, rounds } = await demoRounds(inject('baseUrl'));
    expect(rounds.length).toBeGreaterThanOrEqual(5);
    const [baseline, ...others] = rounds;
    const edited = others.at(-1)!;
    const compare = others.slice(0, -1).map((r) => r.id).join(',');
    const url = `${inject('baseUrl')}/workbench?dataset=${datasetId}&baseline=${baseline!.id}&round=${edited.id}&compare=${compare}&view=report`;
    const { parts } = await expectPrintable(url, 'report-5-rounds');
    expect(parts.length).toBeGreaterThan(1);
    // a round's settlement column and its changes print in the same part
    for (const round of others) {
      const holding = parts.filter((p) => p.headers.some((h) => h.startsWith(round.name)));
      expect(holding, round.name).toHaveLength(1);
    }
  });

  it('prints every statement column too, when all are switched on: seventy columns in parts that fit', async () => {
    const { datasetId, rounds } = await demoRounds(inject('baseUrl'));
    const url = `${inject('baseUrl')}/workbench?dataset=${datasetId}&baseline=${rounds[0]!.id}&round=${rounds.at(-1)!.id}&compare=${rounds[1]!.id}&view=report`;
    const { parts } = await expectPrintable(url, 'report-statement-columns', async () => {
      const before = (await screenHeaders(page, 'hospital-impact-table')).length;
      await page.locator('[data-testid="statement-columns"] summary').click();
      for (const box of await page.locator('[data-testid^="statement-line-"], [data-testid^="statement-pool-"]').all()) if (!(await box.isChecked())) await box.check();
      await expect.poll(async () => (await screenHeaders(page, 'hospital-impact-table')).length).toBeGreaterThan(before + 40);
    });
    expect(parts.length).toBeGreaterThan(3);
  });

  it('labels the parameter diff in English when switched: no raw keys, money in 10k yuan', async () => {
    const { datasetId, rounds } = await demoRounds(inject('baseUrl'));
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${datasetId}&baseline=${rounds[0]!.id}&round=${rounds.at(-1)!.id}&view=diff&lang=en`);
    const table = page.getByTestId('round-diff-table');
    await table.waitFor({ timeout: 60_000 });
    await expect.poll(() => screenHeaders(page, 'round-diff-table')).toEqual(['Group', 'Parameter', 'DRG / hospital', 'Old', 'New', 'Change (%)']);
    const params = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(params.length).toBeGreaterThan(0);
    for (const label of params) expect(label).not.toMatch(/[\u4e00-\u9fff_]|^[a-z]/);
    expect(params.some((p) => p.includes('(10k yuan)'))).toBe(true);
  });

  it('shows a hospital’s true count of outlier cases, pages through them, and exports them all', async () => {
    const { datasetId, rounds } = await demoRounds(inject('baseUrl'));
    const query = `dataset=${datasetId}&baseline=${rounds[0]!.id}&round=${rounds.at(-1)!.id}`;
    // the browser's engine counts H001's cases of each class under the round (the impact table's class columns)
    await page.goto(`${inject('baseUrl')}/workbench?${query}`);
    await settled(page);
    const headers = await screenHeaders(page, 'hospital-impact-table');
    const h001 = page.locator('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code="H001"]');
    // a far row is written when the page is idle: read it once it carries H001's texts
    const texts = () => h001.locator('td').evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim()));
    await expect.poll(async () => (await h001.count()) === 1 && (await texts())[0] === 'H001').toBe(true);
    const cells = await texts();
    const classes = ['高倍率', '低倍率', '特例单议', '未入组', '不纳入'].map((name) => Number(cells[headers.indexOf(name)]!.replaceAll(',', '')));
    const expected = classes.reduce((s, n) => s + n, 0);
    expect(expected).toBeGreaterThan(2000);

    await page.goto(`${inject('baseUrl')}/workbench?${query}&view=hospital&hospital=H001`);
    const count = page.getByTestId('hospital-outlier-count');
    await expect.poll(() => count.getAttribute('data-total'), { timeout: 120_000 }).toBe(String(expected));
    expect(await count.innerText()).toContain(expected.toLocaleString('en-US'));
    const options = await page.getByTestId('hospital-outlier-class').locator('option').allInnerTexts();
    expect(options.slice(1).map((o) => Number(/（([\d,]+)）/.exec(o)![1]!.replaceAll(',', '')))).toEqual(classes);

    // page 2 follows page 1 in case order, 100 cases each
    const rows = page.locator('[data-testid="hospital-outlier-cases"] tbody tr');
    await expect.poll(() => rows.count()).toBe(100);
    const first = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-case-id')));
    await page.getByTestId('hospital-outlier-next').click();
    await expect.poll(() => page.getByTestId('hospital-outlier-cases').getAttribute('data-page')).toBe('1');
    await expect.poll(async () => (await rows.first().getAttribute('data-case-id')) !== first[0]).toBe(true);
    const second = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-case-id')));
    expect(second).toHaveLength(100);
    expect(second.filter((id) => first.includes(id))).toEqual([]);

    // the export holds every case, once, page 1 and 2 at its head
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hospital-outlier-cases-export-csv').click()]);
    const saved = path.join(downloads, 'outliers.csv');
    await file.saveAs(saved);
    const lines = Papa.parse<string[]>(fs.readFileSync(saved, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
    const header = lines.findIndex((l, i) => i > 0 && lines[i - 1]!.every((c) => c === '') && l[0] === '病例号');
    expect(header).toBeGreaterThan(0);
    const ids = lines.slice(header + 1).filter((l) => l.some(Boolean)).map((l) => l[0]);
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);
    expect(ids.slice(0, 200)).toEqual([...first, ...second]);

    // sorted by the cost ratio, the whole list is in order: the first page starts with the export's largest ratio
    const ratioColumn = lines[header]!.indexOf('费用倍率');
    const largest = Math.max(...lines.slice(header + 1).map((l) => Number(l[ratioColumn]) || 0));
    await page.locator('[data-testid="hospital-outlier-cases"] thead th', { hasText: '费用倍率' }).click();
    await expect.poll(() => page.getByTestId('hospital-outlier-cases').getAttribute('data-page')).toBe('0');
    await expect
      .poll(async () => Number((await rows.first().locator('td').nth(9).innerText()).replaceAll(',', '')))
      .toBe(Math.round(largest * 100) / 100);
  });
});
