import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';

async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 60_000 });
}

async function impactSnapshot(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-hospital-code') ?? '', r.textContent ?? ''])),
  );
}

/** The comparison figure's data as plotly holds it: each trace's y values, and the charts' titles. */
async function chartData(page: Page): Promise<{ y: unknown[]; titles: string[] }> {
  await page.locator('[data-testid="comparison-charts"][data-ready="true"]').waitFor({ timeout: 30_000 });
  return page.$eval('[data-testid="comparison-charts"] .js-plotly-plot', (el) => {
    const figure = el as unknown as { data?: { y?: unknown }[]; layout?: { annotations?: { text: string }[] } };
    return { y: (figure.data ?? []).map((t) => t.y), titles: (figure.layout?.annotations ?? []).map((a) => a.text) };
  });
}

describe('negotiation workbench in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-downloads-'));
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('settles the demo city in the worker and shows every hospital', async () => {
    await page.goto(`${inject('baseUrl')}/workbench`);
    await settled(page);
    const rows = page.locator('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code]');
    expect(await rows.count()).toBeGreaterThan(150);
    await expect.poll(() => page.getByTestId('settle-status').textContent()).toMatch(/毫秒/);
    // rows far from the table's scrolled view are not laid out; scrolled to, the last one shows its figures
    const last = rows.last();
    expect(await last.getAttribute('data-far')).not.toBeNull();
    await last.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await last.getAttribute('data-far')) === null && (await last.innerText()).includes(await last.getAttribute('data-hospital-code') ?? '?')).toBe(true);
  });

  // a jump sets the scroll position at once (a scrollbar drag, a script): every row in view must show its figures on
  // the next frame or the one after, whatever the fonts make a row's height (the line heights stand for other
  // fonts' metrics: a row taller or shorter than the rows' intrinsic 2.45em). Counted in frames inside the page,
  // not in milliseconds: a busy machine has slower frames, not more of them.
  it.each([['the app font', ''], ['a taller font', '2.3'], ['a shorter font', '1']])('a jump of the impact table to its bottom shows every row in view within two frames (%s)', async (_, lineHeight) => {
    await page.goto(`${inject('baseUrl')}/workbench`);
    await settled(page);
    if (lineHeight) await page.addStyleTag({ content: `.rerun-table tbody td { line-height: ${lineHeight}; }` });
    const outcome = await page.evaluate(async () => {
      await document.fonts.ready;
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const table = document.querySelector('[data-testid="hospital-impact-table"]')!;
      const box = table.closest('.table-scroll') as HTMLElement;
      box.scrollTop = 0;
      box.scrollIntoView({ block: 'start' });
      await frame();
      await frame();
      const head = table.querySelector('thead')!.getBoundingClientRect().bottom;
      const blankInView = () => {
        const shown = box.getBoundingClientRect();
        const foot = table.querySelector('tfoot')?.getBoundingClientRect().top ?? shown.bottom;
        const bottom = Math.min(shown.bottom, foot, window.innerHeight);
        const inView = [...table.querySelectorAll('tbody tr')].filter((tr) => {
          const r = tr.getBoundingClientRect();
          return r.bottom > Math.max(head, shown.top) && r.top < bottom;
        });
        const blank = inView.filter((tr) => tr.hasAttribute('data-far') || tr.querySelector('td')?.textContent !== tr.getAttribute('data-hospital-code'));
        return { inView: inView.length, blank: blank.map((tr) => tr.getAttribute('data-hospital-code')) };
      };
      box.scrollTop = box.scrollHeight;
      const seen: { inView: number; blank: (string | null)[] }[] = [];
      for (let i = 0; i < 30; i++) {
        await frame();
        seen.push(blankInView());
        if (seen.length >= 2 && seen[seen.length - 1]!.blank.length === 0) break;
      }
      const rows = table.querySelectorAll('tbody tr');
      const lastRow = rows[rows.length - 1]!.getBoundingClientRect();
      return { seen, lastInView: lastRow.top < box.getBoundingClientRect().bottom };
    });
    expect(outcome.lastInView).toBe(true);
    expect(outcome.seen[1]!.inView).toBeGreaterThan(5);
    // after the second frame, no row in view is blank
    expect(outcome.seen[1]!.blank).toEqual([]);
  });

  it('after a sort, every row shows its own hospital: the far rows once the page is idle', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const table = page.getByTestId('hospital-impact-table');
    const rows = table.locator('tbody tr');
    // sorted by the change (the initial sort); far rows are there to be written later
    expect(await table.locator('tbody tr[data-far]').count()).toBeGreaterThan(50);
    const byChange = await rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-hospital-code')));
    await table.locator('th').first().click(); // sort by code
    await expect.poll(() => table.locator('th').first().getAttribute('aria-sort')).toBe('ascending');
    // each row, far ones included, carries the key and the texts of the same hospital, in code order, and no far
    // row is waiting to be written any more
    await expect
      .poll(() =>
        page.evaluate(() => {
          const box = document.querySelector('[data-testid="hospital-impact-table"]')!.closest('.table-scroll')!;
          const trs = [...box.querySelectorAll('tbody tr')];
          const codes = trs.map((r) => r.getAttribute('data-hospital-code') ?? '');
          const own = trs.every((r, i) => r.querySelector('td')?.textContent === codes[i]);
          const sorted = codes.every((c, i) => i === 0 || codes[i - 1]!.localeCompare(c) <= 0);
          return own && sorted && !box.hasAttribute('data-rows-pending');
        }),
      )
      .toBe(true);
    const byCode = await rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-hospital-code')));
    expect(byCode).not.toEqual(byChange);
    expect([...byCode].sort()).toEqual([...byChange].sort());
    // back to the sort by change, for the tests that follow
    await page.reload();
    await settled(page);
  });

  it('reruns when the 二级 level coefficient changes, updating the table and the charts', async () => {
    const before = await impactSnapshot(page);
    const chartsBefore = await chartData(page);
    expect(chartsBefore.titles).toHaveLength(4);
    await page.getByTestId('view-params').click();
    // the params editor's own field (the compare view has one too, in its quick levers)
    const input = page.getByTestId('params-editor').getByTestId('level-coefficient-2');
    await input.waitFor();
    const old = Number(await input.inputValue());
    await input.fill(String(Math.round((old - 0.07) * 100) / 100));
    await input.press('Enter');
    await page.getByTestId('view-compare').click();
    await settled(page);
    await expect.poll(async () => JSON.stringify(await impactSnapshot(page)) !== JSON.stringify(before), { timeout: 30_000 }).toBe(true);
    // the charts show the rerun: the change per hospital and the other charts' values are new
    await expect.poll(async () => JSON.stringify((await chartData(page)).y) !== JSON.stringify(chartsBefore.y), { timeout: 30_000 }).toBe(true);
    // and their titles name the edited round as not saved yet
    const after = (await chartData(page)).titles;
    expect(after).toHaveLength(4);
    expect(after[0]).toContain('（未保存）');
    expect(chartsBefore.titles[0]).not.toContain('（未保存）');
  });

  it('undo and redo (Ctrl+Z, Ctrl+Shift+Z) rerun the round: the levers and the table go back and forth', async () => {
    const status = page.getByTestId('settle-status');
    const field = page.getByTestId('level-coefficient-2');
    const edited = { value: await field.inputValue(), table: JSON.stringify(await impactSnapshot(page)) };
    const runs = async () => Number(await status.getAttribute('data-runs'));
    const press = async (keys: string) => {
      const before = await runs();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press(keys);
      await expect.poll(runs, { timeout: 30_000 }).toBeGreaterThan(before);
      await settled(page);
    };
    await press('Control+z');
    expect(await field.inputValue()).not.toBe(edited.value);
    await expect.poll(async () => JSON.stringify(await impactSnapshot(page)), { timeout: 30_000 }).not.toBe(edited.table);
    await press('Control+Shift+z');
    expect(await field.inputValue()).toBe(edited.value);
    await expect.poll(async () => JSON.stringify(await impactSnapshot(page)), { timeout: 30_000 }).toBe(edited.table);
  });

  it('with the charts on screen, an edit redraws them, and the table above catches up when the page is idle', async () => {
    await page.evaluate(() => document.querySelector('[data-testid="comparison-charts"]')!.scrollIntoView({ block: 'end' }));
    // the table is off screen: this is the case where it waits for an idle moment instead of the rerun's frame
    const tableBottom = await page.evaluate(() => document.querySelector('[data-testid="hospital-impact-table"]')!.closest('.table-scroll')!.getBoundingClientRect().bottom);
    expect(tableBottom).toBeLessThan(0);
    const before = await impactSnapshot(page);
    const chartsBefore = await chartData(page);
    // typed into the quick lever at the top without scrolling to it, as a keyboard user does, and committed
    await page.evaluate(() => {
      const field = document.querySelector<HTMLInputElement>('[data-testid="level-coefficient-2"]')!;
      field.focus({ preventScroll: true });
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, String(Math.round((Number(field.value) - 0.01) * 100) / 100));
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await expect.poll(async () => JSON.stringify((await chartData(page)).y) !== JSON.stringify(chartsBefore.y), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => JSON.stringify(await impactSnapshot(page)) !== JSON.stringify(before), { timeout: 30_000 }).toBe(true);
    // still scrolled to the charts: nothing brought the table into view
    expect(await page.evaluate(() => document.querySelector('[data-testid="hospital-impact-table"]')!.closest('.table-scroll')!.getBoundingClientRect().bottom)).toBeLessThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('saves the edit as a new round and compares it with round 0', async () => {
    await page.getByTestId('save-round').click();
    await page.getByTestId('save-round-name').fill('二级系数下调（浏览器测试）');
    await page.getByTestId('save-round-confirm').click();
    await expect
      .poll(async () => page.locator('[data-testid="round-select"] option:checked').textContent(), { timeout: 30_000 })
      .toBe('二级系数下调（浏览器测试）');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/round=\d+/);
    const options = page.locator('[data-testid="baseline-select"] option');
    const round0 = (await options.first().getAttribute('value'))!;
    const round1 = (await options.nth(1).getAttribute('value'))!;
    await page.getByTestId('baseline-select').selectOption(round1);
    await expect.poll(() => page.url()).toContain(`baseline=${round1}`);
    await settled(page);
    await page.getByTestId('baseline-select').selectOption(round0);
    await expect.poll(() => page.url()).toContain(`baseline=${round0}`);
    await settled(page);
    expect(await options.first().textContent()).toMatch(/第0轮/);
    const snapshot = await impactSnapshot(page);
    expect(Object.keys(snapshot).length).toBeGreaterThan(150);
  });

  it('exports the impact table to XLSX with Chinese headers and reads it back', async () => {
    const rowsShown = await page.locator('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code]').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hospital-impact-table-export-xlsx').click()]);
    const file = path.join(downloads, 'impact.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    // the block saying what the table holds comes first, then a blank row, the header row, the rows and the totals
    // (e2e/exports.e2e.ts compares every cell with the screen)
    let headerRow = 1;
    while (sheet.getCell(headerRow, 1).value !== '机构编码' && headerRow < sheet.rowCount) headerRow++;
    const header = (sheet.getRow(headerRow).values as unknown[]).filter(Boolean).map(String);
    expect(header).toContain('机构编码');
    expect(header).toContain('机构名称');
    expect(sheet.rowCount - headerRow - 1).toBe(rowsShown);
  });

  it('exports a chart to PNG, drawn alone at 1600 × 900', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-change-png').click()]);
    expect(download.suggestedFilename()).toBe('change-by-hospital.png');
    const file = path.join(downloads, 'change.png');
    await download.saveAs(file);
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // the IHDR chunk: width and height
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 900]);
  });

  it('reopens the same view from the shared URL', async () => {
    const url = page.url();
    const roundName = await page.locator('[data-testid="round-select"] option:checked').textContent();
    const baselineName = await page.locator('[data-testid="baseline-select"] option:checked').textContent();
    const other = await newPage(browser);
    await other.goto(url);
    await settled(other);
    expect(await other.locator('[data-testid="round-select"] option:checked').textContent()).toBe(roundName);
    expect(await other.locator('[data-testid="baseline-select"] option:checked').textContent()).toBe(baselineName);
    expect(JSON.stringify(await impactSnapshot(other))).toBe(JSON.stringify(await impactSnapshot(page)));
  });

  it("opens a hospital's page from its row: clearing, and its DRGs ranked by the round's change", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const row = page.locator('[data-testid="hospital-impact-table"] tbody tr[data-hospital-code]').first();
    const code = (await row.getAttribute('data-hospital-code'))!;
    await row.click();
    await page.getByTestId('hospital-view').waitFor();
    await expect.poll(() => page.url()).toContain(`hospital=${code}`);
    expect(await page.getByTestId('hospital-view').locator('h2').textContent()).toContain(code);
    // the DRG table waits for the workers to send the hospital × DRG cells, then lists the hospital's DRGs
    const drgRows = page.locator('[data-testid="hospital-drg-table"] tbody tr');
    await expect.poll(() => drgRows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const texts = await drgRows.allTextContents();
    expect(texts.join('\n')).not.toMatch(/NaN|undefined/);
    // its year-end statement, line by line (e2e/statement.e2e.ts checks its figures)
    expect(await page.locator('[data-testid="hospital-statement"] tbody tr[data-line]').count()).toBeGreaterThan(10);
  });
});
