import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { paramsFingerprint } from '@/worker/params-fingerprint';
import { launchBrowser, newPage } from './browser';

/** A table as the screen shows it: header texts (no sort arrow), rows' cell texts, the totals row's texts. */
interface ScreenTable {
  headers: string[];
  rows: string[][];
  totals: string[] | null;
}

/** A table as an export holds it: the block above it (label → text), the header row, the rows after it. */
interface ExportedTable {
  about: Map<string, string>;
  headers: string[];
  rows: unknown[][];
  /** XLSX only: each column's number format in the first row */
  numFmts: (string | undefined)[];
}

const ABOUT_LABELS = ['数据集', '基线', '比较轮次', '参数指纹', '导出时间', '单位'];

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
}

/** The table's texts once every row is written (the impact table writes far rows when the page is idle). */
async function screenTable(page: Page, testId: string): Promise<ScreenTable> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  await expect.poll(() => table.evaluate((t) => t.closest('.table-scroll')?.hasAttribute('data-rows-pending') ?? false)).toBe(false);
  return table.evaluate((t) => {
    const texts = (cells: Iterable<Element>) => [...cells].map((c) => (c.textContent ?? '').trim());
    return {
      headers: texts(t.querySelectorAll('thead th')).map((h) => h.replace(/ [▲▼]$/, '')),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => texts(tr.querySelectorAll('td'))),
      totals: t.querySelector('tfoot tr') ? texts(t.querySelectorAll('tfoot td')) : null,
    };
  });
}

async function download(page: Page, testId: string, kind: 'xlsx' | 'csv', dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${testId}-export-${kind}`).click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${kind}$`));
  const saved = path.join(dir, `${testId}.${kind}`);
  await file.saveAs(saved);
  return saved;
}

/** Splits an export's lines at the blank line: the about block, then the table. */
function split(lines: unknown[][]): { about: Map<string, string>; table: unknown[][] } {
  const blank = lines.findIndex((l) => l.every((c) => c === null || c === undefined || c === ''));
  expect(blank).toBeGreaterThan(0);
  return { about: new Map(lines.slice(0, blank).map((l) => [String(l[0]), String(l[1])])), table: lines.slice(blank + 1) };
}

async function readXlsx(file: string): Promise<ExportedTable> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const lines: unknown[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) lines.push(Array.from({ length: width }, (_, c) => sheet.getCell(r, c + 1).value ?? null));
  const { about, table } = split(lines);
  const headerRow = lines.length - table.length + 1;
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  expect(sheet.getRow(headerRow).font?.bold).toBe(true);
  return {
    about,
    headers: table[0]!.map(String),
    rows: table.slice(1),
    numFmts: Array.from({ length: width }, (_, c) => sheet.getCell(headerRow + 1, c + 1).numFmt || undefined),
  };
}

function readCsv(file: string): ExportedTable {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: false });
  const lines = parsed.data.filter((l, i) => i < parsed.data.length - 1 || l.some(Boolean));
  const { about, table } = split(lines);
  return { about, headers: table[0]!.map(String), rows: table.slice(1), numFmts: [] };
}

/** A figure's text as the screen writes it (1,495.71 · −51.70 · +3.3% · —) as a number; null for —; else null. */
function figureOf(text: string): number | null {
  const plain = text.replaceAll(',', '').replace('−', '-').replace(/^\+/, '').replace(/%$/, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

/**
 * Every exported cell against the screen's text: a figure equals the screen's figure (a percentage: the ratio in
 * XLSX, printed by a % format; the percent figure in CSV), a — an empty cell, a text the same text.
 */
function expectCellsEqual(exported: unknown[], shown: string[], kind: 'xlsx' | 'csv', numFmts: (string | undefined)[], where: string): void {
  expect(exported.length, where).toBeGreaterThanOrEqual(shown.length);
  shown.forEach((text, c) => {
    const cell = exported[c];
    const at = `${where}, column ${c + 1} (“${text}”)`;
    const figure = figureOf(text);
    if (text === '—' || text === '') {
      expect(cell === null || cell === '' || cell === '—', at).toBe(true);
    } else if (figure === null) {
      expect(String(cell), at).toBe(text);
    } else if (text.endsWith('%')) {
      if (kind === 'xlsx') {
        expect(typeof cell, at).toBe('number');
        expect(Math.round((cell as number) * 1000) / 10, at).toBe(figure);
        expect(numFmts[c], at).toMatch(/%/);
      } else {
        expect(Number(cell), at).toBe(figure);
      }
    } else if (kind === 'xlsx') {
      expect(cell, at).toBe(figure);
    } else {
      expect(Number(cell), at).toBe(figure);
    }
  });
}

/** The whole table: headers with their units, every row in the screen's order, and the totals row. */
function expectExportEqualsScreen(exported: ExportedTable, screen: ScreenTable, kind: 'xlsx' | 'csv'): void {
  expect(exported.headers.slice(0, screen.headers.length)).toEqual(screen.headers);
  const body = screen.totals ? exported.rows.slice(0, -1) : exported.rows;
  expect(body.length).toBe(screen.rows.length);
  screen.rows.forEach((row, r) => expectCellsEqual(body[r]!, row, kind, exported.numFmts, `${kind} row ${r + 1}`));
  if (screen.totals) expectCellsEqual(exported.rows.at(-1)!, screen.totals, kind, exported.numFmts, `${kind} totals row`);
}

/** The about block: what the page shows (data set, rounds) and each round's parameters' fingerprint. */
function expectAbout(about: Map<string, string>, expected: { dataset: string; rounds?: { name: string; params: unknown }[] }): void {
  expect(about.get('数据集')).toBe(expected.dataset);
  expect(about.get('导出时间')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)$/);
  expect(about.get('单位')).toBeTruthy();
  for (const round of expected.rounds ?? []) expect(about.get('参数指纹')).toContain(`${round.name}: ${paramsFingerprint(round.params)}`);
}

describe('exports say what they hold and carry what the screen shows', () => {
  let browser: Browser;
  let page: Page;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-exports-'));
  let dataset = '';
  let rounds: { id: number; name: string; params: unknown }[] = [];

  beforeAll(async () => {
    const db = new Database(inject('dbPath'), { readonly: true });
    dataset = (db.prepare('select name from datasets order by id limit 1').get() as { name: string }).name;
    rounds = (db.prepare('select id, name, params from rounds where dataset_id = (select min(id) from datasets) order by id').all() as { id: number; name: string; params: string }[]).map(
      (r) => ({ ...r, params: JSON.parse(r.params) as unknown }),
    );
    db.close();
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('the impact table and the level totals, the last round against the baseline', async () => {
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    const baseline = rounds[0]!;
    const edited = rounds.at(-1)!;
    await page.goto(`${inject('baseUrl')}/workbench?baseline=${baseline.id}&round=${edited.id}`, { timeout: 180_000 });
    await settled(page);
    await page.evaluate(() => document.fonts.ready);
    for (const testId of ['hospital-impact-table', 'level-totals']) {
      const screen = await screenTable(page, testId);
      expect(screen.rows.length).toBeGreaterThan(testId === 'level-totals' ? 2 : 150);
      // the money columns say 万元 and the change columns %
      expect(screen.headers.some((h) => h.endsWith('(万元)'))).toBe(true);
      expect(screen.headers.some((h) => h.endsWith('(%)'))).toBe(true);
      expect(screen.totals).not.toBeNull();
      for (const kind of ['xlsx', 'csv'] as const) {
        const file = await download(page, testId, kind, downloads);
        const exported = kind === 'xlsx' ? await readXlsx(file) : readCsv(file);
        expect([...exported.about.keys()]).toEqual(ABOUT_LABELS);
        expectAbout(exported.about, { dataset, rounds: [baseline, edited] });
        expect(exported.about.get('基线')).toBe(baseline.name);
        expect(exported.about.get('比较轮次')).toContain(edited.name);
        expectExportEqualsScreen(exported, screen, kind);
      }
    }
  });

  it('the impact table exports the rows the filter leaves, in the screen’s order', async () => {
    await page.getByTestId('impact-level-filter').selectOption('2');
    const table = page.getByTestId('hospital-impact-table');
    await expect.poll(async () => (await screenTable(page, 'hospital-impact-table')).rows.every((r) => r[2] === '二级')).toBe(true);
    await table.locator('thead th').nth(3).click();
    const screen = await screenTable(page, 'hospital-impact-table');
    const exported = await readXlsx(await download(page, 'hospital-impact-table', 'xlsx', downloads));
    expectExportEqualsScreen(exported, screen, 'xlsx');
  });

  it('after an unsaved edit, the export names the round as unsaved, with the edited parameters’ fingerprint and the rerun’s figures', async () => {
    await page.getByTestId('impact-level-filter').selectOption('');
    const edited = rounds.at(-1)!;
    const field = page.getByTestId('quick-levers').getByTestId('level-coefficient-2');
    const old = Number(await field.inputValue());
    const runs = Number(await page.getByTestId('settle-status').getAttribute('data-runs'));
    await field.fill(String(Math.round((old - 0.07) * 100) / 100));
    await field.press('Enter');
    await expect.poll(async () => Number(await page.getByTestId('settle-status').getAttribute('data-runs'))).toBeGreaterThan(runs);
    await settled(page);
    await expect.poll(async () => (await screenTable(page, 'hospital-impact-table')).headers.some((h) => h.includes('（未保存）'))).toBe(true);
    const screen = await screenTable(page, 'hospital-impact-table');
    const exported = readCsv(await download(page, 'hospital-impact-table', 'csv', downloads));
    expect(exported.about.get('比较轮次')).toContain(`${edited.name} （未保存）`);
    const fingerprints = exported.about.get('参数指纹') ?? '';
    expect(fingerprints).toMatch(new RegExp(`${edited.name} （未保存）: [0-9a-f]{12}`));
    expect(fingerprints).not.toContain(paramsFingerprint(edited.params));
    expectExportEqualsScreen(exported, screen, 'csv');
  });

  it('a hospital’s DRG table', async () => {
    const url = new URL(page.url());
    url.searchParams.set('view', 'hospital');
    url.searchParams.set('hospital', 'H001');
    url.searchParams.delete('compare');
    await page.goto(url.toString(), { timeout: 180_000 });
    await settled(page);
    await expect.poll(async () => (await screenTable(page, 'hospital-drg-table')).rows.length).toBeGreaterThan(10);
    const screen = await screenTable(page, 'hospital-drg-table');
    expect(screen.totals).not.toBeNull();
    for (const kind of ['xlsx', 'csv'] as const) {
      const exported = kind === 'xlsx' ? await readXlsx(await download(page, 'hospital-drg-table', kind, downloads)) : readCsv(await download(page, 'hospital-drg-table', kind, downloads));
      expectAbout(exported.about, { dataset });
      expectExportEqualsScreen(exported, screen, kind);
    }
  });

  it('the rounds list shows each round’s fingerprint, the one its exports carry', async () => {
    await page.goto(`${inject('baseUrl')}/workbench?view=rounds`, { timeout: 180_000 });
    for (const round of rounds) {
      const shown = page.locator(`tr[data-round-id="${round.id}"] [data-testid="round-fingerprint"]`);
      await expect.poll(() => shown.textContent()).toBe(paramsFingerprint(round.params));
    }
  });

  it('the data set’s hospital list, with levels as the screen names them', async () => {
    await page.goto(`${inject('baseUrl')}/`, { timeout: 180_000 });
    await expect.poll(async () => (await screenTable(page, 'hospitals-table')).rows.length).toBeGreaterThan(150);
    const screen = await screenTable(page, 'hospitals-table');
    expect(screen.rows.some((r) => r[2] === '二级')).toBe(true);
    for (const kind of ['xlsx', 'csv'] as const) {
      const file = await download(page, 'hospitals-table', kind, downloads);
      const exported = kind === 'xlsx' ? await readXlsx(file) : readCsv(file);
      expectAbout(exported.about, { dataset });
      expectExportEqualsScreen(exported, screen, kind);
    }
    // the search finds a level by its name, and the export holds the rows found, with their totals
    await page.getByTestId('hospitals-table-search').fill('二级');
    await expect.poll(async () => (await screenTable(page, 'hospitals-table')).rows.length).toBeLessThan(screen.rows.length);
    const found = await screenTable(page, 'hospitals-table');
    expect(found.rows.length).toBeGreaterThan(0);
    expect(found.rows.every((r) => r[2] === '二级')).toBe(true);
    expectExportEqualsScreen(readCsv(await download(page, 'hospitals-table', 'csv', downloads)), found, 'csv');
  });
});
