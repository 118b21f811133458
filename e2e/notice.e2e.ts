import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatNumber } from '@/app/lib/format';
import { decodePreparedData } from '@/worker/columns/decode';
import { gunzipColumns } from '@/worker/columns/gunzip';
import { createPreparedEngine, toContractResult, type ContractResult, type RoundParams } from '@/worker/settlement';
import { apiHeaders, launchBrowser, newPage, trpcAs } from './browser';
import { docxTextByLibreOffice, hasLibreOffice, pdfFonts, pdfPages, xlsxSheetsByLibreOffice } from './office';

/**
 * 公告附件 downloaded from the rounds panel as a user does (XLSX, DOCX, and the printable notice saved as PDF), of
 * the seeded locked round and of a draft, opened as their readers open them — exceljs, the DOCX unzipped,
 * pdftotext, and LibreOffice headless — and compared figure by figure with the settlement computed here, in the
 * test, by the engine from the data set's columns.
 */

interface SeedRound {
  id: number;
  name: string;
  status: 'draft' | 'proposed' | 'agreed' | 'locked';
  parentId: number | null;
  createdBy: string;
  params: RoundParams;
}

const MARKS = /草稿|征求意见稿|送审稿/;
const POOL_NAMES = { employee: '职工', resident: '居民' } as const;

/** tRPC queries as the policy test account */
const trpc = <T>(procedure: string, input: unknown) => trpcAs<T>('policy', procedure, input);

/** The engine over the data set's columns, as the browser's workers get them. */
async function engineFor(datasetId: number) {
  const res = await fetch(`${inject('baseUrl')}/api/datasets/${datasetId}/columns`, { headers: await apiHeaders() });
  expect(res.ok).toBe(true);
  return createPreparedEngine(decodePreparedData(await gunzipColumns(await res.arrayBuffer())));
}

/** a test downloads or prints several notices, each settled and written on the server: bounded by what is wrong, not by speed */
const FILE_TEST_MS = 900_000;

/** The row (1-based) of a sheet whose first cell is `first`. */
function rowStarting(ws: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === first) return r;
  throw new Error(`no row starting ${first} in ${ws.name}`);
}

function headersAt(ws: ExcelJS.Worksheet, r: number): string[] {
  return (ws.getRow(r).values as unknown[]).slice(1).map(String);
}

describe('the notice (公告附件): XLSX, DOCX and PDF of a saved round hold the settlement’s figures', () => {
  let browser: Browser;
  let page: Page;
  let datasetId = 0;
  let locked: SeedRound;
  let draft: SeedRound;
  const settled = new Map<number, ContractResult>();
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-notice-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
    datasetId = (await trpc<{ id: number }[]>('datasets.list', undefined))[0]!.id;
    const seeded = (await trpc<SeedRound[]>('rounds.list', { datasetId })).filter((r) => r.createdBy === 'seed');
    locked = seeded.find((r) => r.status === 'locked')!;
    draft = seeded.filter((r) => r.status === 'draft' && r.parentId !== null).at(-1)!;
    expect(locked && draft).toBeTruthy();
    const engine = await engineFor(datasetId);
    for (const round of [locked, draft]) settled.set(round.id, toContractResult(engine.settle(round.params)));
  });
  afterAll(async () => {
    await browser.close();
    fs.rmSync(files, { recursive: true, force: true });
  });

  /** A round's notice link in the rounds panel (the panel opened once: a download or a new tab leaves it as it is). */
  async function noticeLink(round: SeedRound, kind: 'xlsx' | 'docx' | 'pdf') {
    if (!page.url().includes('view=rounds')) {
      await page.goto(`${inject('baseUrl')}/workbench?dataset=${datasetId}&view=rounds`, { waitUntil: 'domcontentloaded', timeout: 300_000 });
    }
    const link = page.locator(`[data-testid="rounds-panel"] tr[data-round-id="${round.id}"] [data-testid="notice-${kind}"]`);
    await link.waitFor({ timeout: 300_000 });
    return link;
  }

  /** Clicks a round's XLSX or DOCX link in the rounds panel and keeps the file. */
  async function download(round: SeedRound, kind: 'xlsx' | 'docx'): Promise<{ file: string; name: string }> {
    const link = await noticeLink(round, kind);
    const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), link.click()]);
    const file = path.join(files, `${round.id}.${kind}`);
    await saved.saveAs(file);
    return { file, name: saved.suggestedFilename() };
  }

  /** Opens a round's printable notice from the rounds panel (a new tab) and prints it to PDF as the browser does. */
  async function printPdf(round: SeedRound): Promise<string> {
    const link = await noticeLink(round, 'pdf');
    expect(await link.getAttribute('target')).toBe('_blank');
    // a link that opens in a new tab (without an opener): the tab appears once the server answers with the page
    const [tab] = await Promise.all([page.context().waitForEvent('page', { timeout: 600_000 }), link.click()]);
    await tab.getByTestId('notice-print').waitFor({ timeout: 600_000 });
    await tab.evaluate(() => document.fonts.ready);
    const file = path.join(files, `${round.id}.pdf`);
    fs.writeFileSync(file, await tab.pdf({ preferCSSPageSize: true, printBackground: true }));
    await tab.close();
    return file;
  }

  it('the locked round’s XLSX: one sheet per table, every hospital’s settlement, the pools’ totals and point values as settled, no mark', async () => {
    const { file, name } = await download(locked, 'xlsx');
    expect(name).toBe(`公告附件-${(await trpc<{ id: number; name: string }[]>('datasets.list', undefined))[0]!.name}-${locked.name}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['说明', 'DRG权重', '机构系数', '点值与费率', '医院结算', '参数变动']);
    for (const ws of book.worksheets) {
      expect(String(ws.getRow(1).getCell(1).value)).not.toMatch(MARKS);
      expect(ws.headerFooter.oddHeader ?? '').not.toMatch(MARKS);
    }
    const contract = settled.get(locked.id)!;
    const ws = book.getWorksheet('医院结算')!;
    const top = rowStarting(ws, '基金');
    const headers = headersAt(ws, top);
    const [settlement, fund, clearing] = ['结算额 S（元）', '基金支付 F（元）', '年度清算（元）'].map((h) => headers.indexOf(h) + 1);
    expect(ws.getRow(top + 1).getCell(settlement!).numFmt).toBe('#,##0.00');
    let r = top + 1;
    for (const pool of ['employee', 'resident'] as const) {
      const rows = contract.hospitals.filter((h) => h.pool === pool);
      for (const expected of rows) {
        const row = ws.getRow(r++);
        expect([row.getCell(1).value, row.getCell(2).value]).toEqual([POOL_NAMES[pool], expected.hospital_code]);
        expect(row.getCell(settlement!).value).toBe(expected.settlement);
        expect(row.getCell(fund!).value).toBe(expected.fund_payment);
        expect(row.getCell(clearing!).value).toBe(expected.clearing);
      }
      const total = ws.getRow(r++);
      expect(total.getCell(3).value).toBe(`${POOL_NAMES[pool]}合计`);
      // the totals are sums of the hospitals' fen, as §7's totals are
      expect(Math.round((total.getCell(settlement!).value as number) * 100)).toBe(Math.round(contract.totals[pool]!.settlement * 100));
    }
    const rates = book.getWorksheet('点值与费率')!;
    const ratesTop = rowStarting(rates, '基金');
    const pv = headersAt(rates, ratesTop).indexOf('年度清算点值（元/点）') + 1;
    expect(rates.getRow(ratesTop + 1).getCell(pv).value).toBe(contract.point_value.employee);
    expect(rates.getRow(ratesTop + 2).getCell(pv).value).toBe(contract.point_value.resident);
    const months = rowStarting(rates, '月份');
    const monthly = headersAt(rates, months).indexOf('居民月度点值（元/点）') + 1;
    expect(Array.from({ length: 12 }, (_, m) => rates.getRow(months + 1 + m).getCell(monthly).value)).toEqual(contract.monthly_point_value.resident);
    const changes = book.getWorksheet('参数变动')!;
    expect(String(changes.getRow(4).getCell(1).value)).toBe('本轮为首轮，无上一轮可对照。');
  }, FILE_TEST_MS);

  it('a draft’s XLSX carries 草稿 on every sheet’s first row and page header, and lists its changes against its parent', async () => {
    const { file, name } = await download(draft, 'xlsx');
    expect(name).toMatch(/-草稿\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    for (const ws of book.worksheets) {
      expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^草稿：/);
      expect(ws.headerFooter.oddHeader).toContain('草稿');
    }
    const diff = await trpc<unknown[]>('rounds.diff', { fromId: draft.parentId, toId: draft.id });
    const ws = book.getWorksheet('参数变动')!;
    const top = rowStarting(ws, '类别');
    let rows = 0;
    while (ws.getRow(top + 1 + rows).getCell(1).value) rows++;
    expect(rows).toBe(diff.length);
    expect(rows).toBeGreaterThan(0);
  }, FILE_TEST_MS);

  it('the DOCX: title, year and parameters in prose, each hospital’s figures in the appendix, the mark in every page header of a draft only', async () => {
    for (const round of [locked, draft]) {
      const { file } = await download(round, 'docx');
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
      const contract = settled.get(round.id)!;
      expect(text).toMatch(/\d{4}年度DRG付费权重、点值与清算结果公告/);
      expect(text).toContain('医保发〔2021〕48号');
      expect(text).toContain(`年度清算点值为每点 ${formatNumber(contract.point_value.employee!, 'zh', 4)} 元`);
      // every hospital's settlement, as the appendix prints it
      for (const h of contract.hospitals) expect(text).toContain(formatNumber(h.settlement, 'zh', 2));
      if (round.status === 'locked') {
        for (const header of headers) expect(header).not.toMatch(MARKS);
        expect(text).not.toMatch(MARKS);
      } else {
        expect(headers.length).toBeGreaterThan(0);
        for (const header of headers) expect(header).toContain('草稿');
      }
    }
  }, FILE_TEST_MS);

  it('the PDF printed from the notice page: CJK fonts embedded, the figures of the settlement, 草稿 on every page of a draft and on none of the locked round', async () => {
    for (const round of [locked, draft]) {
      const file = await printPdf(round);
      const pages = pdfPages(file);
      expect(pages.length).toBeGreaterThan(5);
      expect(pdfFonts(file).some((font) => /Noto|CJK|SC/i.test(font))).toBe(true);
      const text = pages.join('\n');
      expect(text).toMatch(/DRG付费权重、点值与清算结果公告/);
      const contract = settled.get(round.id)!;
      for (const h of contract.hospitals.slice(0, 20)) {
        const line = text.split('\n').find((l) => l.includes(`${POOL_NAMES[h.pool]}`) && new RegExp(`\\b${h.hospital_code}\\b`).test(l) && l.includes(formatNumber(h.settlement, 'zh', 2)));
        expect(line, `${h.hospital_code} ${h.pool}`).toBeDefined();
      }
      if (round.status === 'locked') for (const p of pages) expect(p).not.toMatch(MARKS);
      else pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('草稿'));
    }
  }, 2 * FILE_TEST_MS);

  it.skipIf(!hasLibreOffice)('LibreOffice opens the notice’s XLSX and DOCX and an impact table export, and reads the figures back', async () => {
    const contract = settled.get(locked.id)!;
    const sheets = xlsxSheetsByLibreOffice((await download(locked, 'xlsx')).file);
    expect([...sheets.keys()].sort()).toEqual(['DRG权重', '医院结算', '参数变动', '点值与费率', '机构系数', '说明'].sort());
    const statements = sheets.get('医院结算')!;
    const top = statements.findIndex((row) => row[0] === '基金');
    const settlement = statements[top]!.indexOf('结算额 S（元）');
    for (const h of contract.hospitals) {
      const row = statements.find((r) => r[0] === POOL_NAMES[h.pool] && r[1] === h.hospital_code)!;
      expect(Number(row[settlement])).toBe(h.settlement);
    }
    const rates = sheets.get('点值与费率')!;
    const pvColumn = rates.find((row) => row[0] === '基金')!.indexOf('年度清算点值（元/点）');
    expect(Number(rates.find((row) => row[0] === '职工')![pvColumn])).toBeCloseTo(contract.point_value.employee!, 9);

    const text = docxTextByLibreOffice((await download(draft, 'docx')).file);
    expect(text).toContain('草稿：本轮次尚未锁定');
    for (const h of settled.get(draft.id)!.hospitals) expect(text).toContain(formatNumber(h.settlement, 'zh', 2));

    // a table export of the workbench, as Calc reads it: the same headers and figures as exceljs reads
    await page.goto(`${inject('baseUrl')}/workbench?dataset=${datasetId}&baseline=${locked.id}&round=${draft.id}`, { waitUntil: 'domcontentloaded', timeout: 300_000 });
    await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 300_000 });
    const [saved] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByTestId('hospital-impact-table-export-xlsx').click()]);
    const exportFile = path.join(files, 'impact.xlsx');
    await saved.saveAs(exportFile);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(exportFile);
    const ws = book.worksheets[0]!;
    const calc = [...xlsxSheetsByLibreOffice(exportFile).values()][0]!;
    let figures = 0;
    for (let r = 1; r <= ws.rowCount; r++) {
      ws.getRow(r).eachCell((cell, c) => {
        const read = calc[r - 1]?.[c - 1] ?? '';
        if (typeof cell.value === 'number') {
          expect(Number(read.replace(/%$/, '')) / (read.endsWith('%') ? 100 : 1), `row ${r} column ${c}`).toBeCloseTo(cell.value, 9);
          figures++;
        } else if (typeof cell.value === 'string') expect(read, `row ${r} column ${c}`).toBe(cell.value);
      });
    }
    expect(figures).toBeGreaterThan(170);
  }, FILE_TEST_MS);

  if (!hasLibreOffice) {
    console.warn('SKIPPED: LibreOffice (Debian packages libreoffice-calc, libreoffice-writer) is not installed: scripts/test.sh installs them');
    it.skip('SKIPPED: LibreOffice (libreoffice-calc, libreoffice-writer) not installed', () => {});
  }
});
