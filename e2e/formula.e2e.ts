/**
 * Formula edits (ANALYSIS.md §D) on the demo city in Chromium: the §D examples choose exactly the rows that
 * qualify (computed here from the data, the hospitals' ratios by the engine in Node), apply as one undoable edit
 * recorded in the round's history, and an escape is refused. Then formula-safe exports (issue 22 §4): a data set
 * whose hospital names are formulas, its hospitals file in GBK, comes back as text in the table's CSV and XLSX.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openDatabase } from '@/db/client';
import { loadSettlementData } from '@/server/services/datasets';
import { settle } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import { toContractResult } from '@/worker/settlement/result';
import { fenOf } from '@/worker/settlement/rounding';
import { toGbk } from '@/server/import/testing/gbk';
import { apiHeaders, launchBrowser, newPage, trpcAs } from './browser';

type Params = Record<string, unknown> & { weights?: Record<string, number>; hospital_coefficients?: Record<string, number>; level_coefficients?: Record<string, number> };
interface Round { id: number; datasetId: number; name: string; status: string; createdBy: string; params: Params }

/** tRPC as the policy test account */
const trpc = <T>(procedure: string, input: unknown, method: 'GET' | 'POST' = 'GET') => trpcAs<T>('policy', procedure, input, method);

/** A page is ready when the app says so (settled, a table shown), not when every script has loaded. */
const OPEN = { waitUntil: 'commit', timeout: 120_000 } as const;

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
}

const round4 = (x: number) => Math.sign(x) * Math.round(Number((Math.abs(x) * 1e4).toPrecision(12))) / 1e4;

/** Fills where and set in a section and previews: the count of rows chosen, and the rows listed (code → new value text). */
async function preview(page: Page, section: string, where: string, set: string): Promise<{ count: number; rows: Record<string, string> }> {
  const scope = page.getByTestId(section);
  await scope.getByTestId('formula-where').fill(where);
  await scope.getByTestId('formula-set').fill(set);
  await scope.getByTestId('formula-preview').click();
  const result = scope.getByTestId('formula-preview-result');
  await result.waitFor({ timeout: 60_000 });
  const rows = await result.locator('tr[data-formula-row]').evaluateAll((trs) =>
    Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-formula-row') ?? '', tr.querySelectorAll('td')[3]?.textContent?.replace('→', '').trim() ?? ''])),
  );
  return { count: Number(await result.getAttribute('data-count')), rows };
}

describe('formula edits on the demo city', () => {
  let browser: Browser;
  let page: Page;
  let round: Round;
  const created: number[] = [];
  const sqlite = () => new Database(inject('dbPath'), { readonly: true });

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser, { role: 'policy' });
    const datasets = await trpc<{ id: number; caseCount: number }[]>('datasets.list', undefined);
    const demoId = datasets.reduce((a, b) => (b.caseCount > a.caseCount ? b : a)).id;
    const seeded = (await trpc<Round[]>('rounds.list', { datasetId: demoId })).filter((r) => r.createdBy === 'seed' && r.status !== 'locked');
    round = seeded[seeded.length - 1]!;
  });
  afterAll(async () => {
    for (const id of created) await trpc('rounds.delete', { id }, 'POST').catch(() => undefined);
    await browser.close();
  });

  it('weights: where mdc == "MDCF" and cases > 100, set weight * 1.03 — the rows that qualify, applied, saved with the formula in the history', async () => {
    // the rows that qualify, from the data: MDC F, more than 100 cases, a weight to scale (the round's, else the catalog's)
    const db = sqlite();
    const drgs = db
      .prepare(`SELECT d.code, d.mdc, d.weight, (SELECT count(*) FROM cases c WHERE c.dataset_id = d.dataset_id AND c.drg_code = d.code) AS cases FROM drgs d WHERE d.dataset_id = ?`)
      .all(round.datasetId) as { code: string; mdc: string; weight: number | null; cases: number }[];
    db.close();
    const weightOf = (d: { code: string; weight: number | null }) => round.params.weights?.[d.code] ?? d.weight;
    const qualifying = drgs.filter((d) => d.mdc === 'MDCF' && d.cases > 100 && weightOf(d) !== null);
    expect(qualifying.length).toBeGreaterThan(0);

    await page.goto(`${inject('baseUrl')}/workbench?dataset=${round.datasetId}&round=${round.id}&view=params`, OPEN);
    await settled(page);
    await page.getByTestId('params-tab-weights').click();
    const shown = await preview(page, 'weights-section', 'mdc == "MDCF" and cases > 100', 'weight * 1.03');
    expect(shown.count).toBe(qualifying.length);
    expect(Object.keys(shown.rows).sort()).toEqual(qualifying.map((d) => d.code).sort());

    await page.getByTestId('weights-section').getByTestId('formula-apply').click();
    const label = `公式: where mdc == "MDCF" and cases > 100 set weight * 1.03（${qualifying.length} 行）`;
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toContain(label);

    const name = `公式测试 ${Date.now()}`;
    await page.getByTestId('save-round').click();
    await page.getByTestId('save-round-name').fill(name);
    await page.getByTestId('save-round-confirm').click();
    await expect.poll(async () => (await trpc<Round[]>('rounds.list', { datasetId: round.datasetId })).some((r) => r.name === name)).toBe(true);
    const child = (await trpc<Round[]>('rounds.list', { datasetId: round.datasetId })).find((r) => r.name === name)!;
    created.push(child.id);
    for (const d of qualifying) expect(child.params.weights?.[d.code] ?? d.weight, d.code).toBe(round4(weightOf(d)! * 1.03));
    for (const d of drgs.filter((x) => !qualifying.includes(x))) expect(child.params.weights?.[d.code], d.code).toBe(round.params.weights?.[d.code]);

    // the round's history: the audit entry of the new round names the formula and the count
    const audit = sqlite();
    const entry = audit.prepare(`SELECT detail FROM audit_log WHERE entity = 'round' AND entity_id = ? AND action = 'create'`).get(child.id) as { detail: string };
    audit.close();
    expect((JSON.parse(entry.detail) as { notes?: string[] }).notes).toEqual([label]);
  });

  it('coefficients: where level == 2 and payment_cost_ratio < 0.9, set min(coefficient + 0.02, 1) — the rows that qualify, applied and undone', async () => {
    // payment ÷ cost per hospital under the round, from the engine in Node: Σ settlement ÷ Σ total cost over both pools, in fen
    const db = openDatabase(inject('dbPath'));
    const data = loadSettlementData(db, round.datasetId);
    db.$client.close();
    const result = toContractResult(settle(data, round.params as RoundParams));
    const sums = new Map<string, { settlement: number; cost: number }>();
    for (const row of result.hospitals) {
      const s = sums.get(row.hospital_code) ?? { settlement: 0, cost: 0 };
      s.settlement += fenOf(row.settlement);
      s.cost += fenOf(row.total_cost);
      sums.set(row.hospital_code, s);
    }
    const qualifying = (below: number) =>
      data.hospitals.filter((h) => {
        const s = sums.get(h.code);
        return h.level === 2 && s !== undefined && s.cost > 0 && s.settlement / s.cost < below;
      });

    await page.goto(`${inject('baseUrl')}/workbench?dataset=${round.datasetId}&round=${round.id}&view=params`, OPEN);
    await settled(page);
    // the §D example as written (the demo city's level-2 hospitals are paid about their costs: few or none below 0.9)
    const example = await preview(page, 'coefficients-section', 'level == 2 and payment_cost_ratio < 0.9', 'min(coefficient + 0.02, 1)');
    expect(example.count).toBe(qualifying(0.9).length);
    // and below 1, where there are hospitals to move
    const chosen = qualifying(1);
    expect(chosen.length).toBeGreaterThan(0);
    const shown = await preview(page, 'coefficients-section', 'level == 2 and payment_cost_ratio < 1', 'min(coefficient + 0.02, 1)');
    expect(shown.count).toBe(chosen.length);
    expect(Object.keys(shown.rows).sort()).toEqual(chosen.map((h) => h.code).sort());

    const code = chosen[0]!.code;
    const cell = page.getByTestId(`hospital-coefficient-${code}`);
    await cell.scrollIntoViewIfNeeded();
    const before = await cell.inputValue();
    const coefficient = round.params.hospital_coefficients?.[code] ?? chosen[0]!.coefficient ?? round.params.level_coefficients?.['2'] ?? 0.85;
    const expected = round4(Math.min(coefficient + 0.02, 1));
    expect(Number(shown.rows[code])).toBe(expected);

    await page.getByTestId('coefficients-section').getByTestId('formula-apply').click();
    await expect.poll(() => cell.inputValue()).toBe(String(expected));
    expect(await page.getByTestId('undo').getAttribute('title')).toContain(`公式: where level == 2 and payment_cost_ratio < 1 set min(coefficient + 0.02, 1)（${chosen.length} 行）`);
    await page.getByTestId('undo').click();
    await expect.poll(() => cell.inputValue()).toBe(before);
  });

  it('an escape is refused with its reason, and nothing changes', async () => {
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${round.datasetId}&round=${round.id}&view=params`, OPEN);
    await settled(page);
    const scope = page.getByTestId('coefficients-section');
    for (const [set, code] of [
      ['import({}, {override: true})', 'disabledFunction'],
      ['[].constructor', 'access'],
      ['f(x) = 1', 'functionDefinition'],
    ] as const) {
      await scope.getByTestId('formula-set').fill(set);
      await scope.getByTestId('formula-preview').click();
      const error = scope.getByTestId('formula-error');
      await expect.poll(() => error.getAttribute('data-code')).toBe(code);
      expect(await error.textContent()).toContain('未作任何修改');
    }
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
    expect(await scope.getByTestId('formula-apply').isDisabled()).toBe(true);
  });

  it('a locked round offers no formula edit: its inputs and buttons are disabled', async () => {
    const locked = (await trpc<Round[]>('rounds.list', { datasetId: round.datasetId })).find((r) => r.createdBy === 'seed' && r.status === 'locked');
    expect(locked).toBeDefined();
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${round.datasetId}&round=${locked!.id}&view=params`, OPEN);
    await page.getByTestId('params-locked').waitFor({ timeout: 120_000 });
    const scope = page.getByTestId('coefficients-section');
    for (const id of ['formula-where', 'formula-set', 'formula-preview', 'formula-apply']) expect(await scope.getByTestId(id).isDisabled(), id).toBe(true);
  });
});

describe('formula-safe exports of an imported data set (hospitals file in GBK)', () => {
  let browser: Browser;
  let page: Page;
  let datasetId: number | null = null;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-formula-'));
  const HOSTILE: Record<string, string> = { H001: '=1+1', H002: "+cmd|' /C calc'!A0", H003: '城关镇卫生院' };

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser, { role: 'policy' });
  });
  afterAll(async () => {
    await browser.close();
    fs.rmSync(downloads, { recursive: true, force: true });
    // the imported data set would be the newest, the one the workbench opens first in the test files that follow
    if (datasetId !== null) {
      const db = new Database(inject('dbPath'));
      db.pragma('foreign_keys = ON');
      db.prepare('DELETE FROM datasets WHERE id = ?').run(datasetId);
      db.close();
    }
  });

  it('imports the GBK file, says so, and exports the formula-like names as text in CSV and XLSX', async () => {
    const fixtures = path.resolve('server/import/fixtures/valid');
    const hospitals = ['机构编码,机构名称,等级,区县,类别', ...Object.entries(HOSTILE).map(([code, name], i) => `${code},"${name.replaceAll('"', '""')}",${3 - i},城区,综合`)].join('\r\n');
    // uploaded through the import page, as a bureau would
    await page.goto(`${inject('baseUrl')}/import`, OPEN);
    await page.getByTestId('import-form').waitFor({ timeout: 120_000 });
    await page.fill('#import-name', `公式名称测试 ${Date.now()}`);
    await page.setInputFiles('#import-hospitals', { name: 'hospitals.csv', mimeType: 'text/csv', buffer: Buffer.from(toGbk(`${hospitals}\r\n`)) });
    for (const file of ['catalog', 'cases'] as const) await page.setInputFiles(`#import-${file}`, path.join(fixtures, `${file}.csv`));
    await page.getByTestId('import-form').locator('button[type="submit"]').click();
    const done = page.getByTestId('import-ok');
    await done.waitFor({ timeout: 120_000 });
    datasetId = Number(new URL((await done.locator('a').getAttribute('href'))!, inject('baseUrl')).searchParams.get('dataset'));
    expect(datasetId).toBeGreaterThan(0);
    // which encoding each file was read in
    expect(await page.getByTestId('import-encodings').textContent()).toBe('文件编码：机构文件 GB18030/GBK · DRG 目录文件 UTF-8 · 病例文件 UTF-8');
    const audit = new Database(inject('dbPath'), { readonly: true });
    const entry = audit.prepare(`SELECT detail FROM audit_log WHERE entity = 'dataset' AND entity_id = ? AND action = 'import'`).get(datasetId) as { detail: string };
    audit.close();
    expect((JSON.parse(entry.detail) as { files: Record<string, { encoding?: string }> }).files.hospitals?.encoding).toBe('GB18030/GBK');

    await page.goto(`${inject('baseUrl')}/?dataset=${datasetId}`, OPEN);
    const table = page.getByTestId('hospitals-table');
    await table.waitFor({ timeout: 120_000 });
    await expect.poll(() => table.locator('tbody tr[data-hospital-code="H003"]').textContent()).toContain('城关镇卫生院');

    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hospitals-table-export-csv').click()]);
    const csvPath = path.join(downloads, 'hospitals.csv');
    await csvFile.saveAs(csvPath);
    const csv = Papa.parse<string[]>(fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const csvName = (code: string) => csv.find((row) => row[0] === code)?.[1];
    expect(csvName('H001')).toBe("'=1+1");
    expect(csvName('H002')).toBe(`'${HOSTILE.H002}`);
    expect(csvName('H003')).toBe('城关镇卫生院');

    const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hospitals-table-export-xlsx').click()]);
    const xlsxPath = path.join(downloads, 'hospitals.xlsx');
    await xlsxFile.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0]!;
    const cells = new Map<string, ExcelJS.Cell>();
    sheet.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2)));
    for (const code of ['H001', 'H002']) {
      const cell = cells.get(code)!;
      expect(cell.type, code).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(HOSTILE[code]);
      expect(cell.formula).toBeUndefined();
    }
  });
});
