import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readDatasetFiles, type RowError } from '@/server/import';
import { TABLE_COLUMNS, columnZh, type TableName } from '@/server/import/table-columns';
import { launchBrowser, newPage, apiHeaders } from './browser';

const fixtures = path.resolve(__dirname, '../server/import/fixtures');
/** A hospitals file with a level 4 and a cases file with four bad rows, beside a valid catalog. */
const BAD_UPLOAD: Record<TableName, string> = {
  hospitals: path.join(fixtures, 'broken/hospitals-level-4.csv'),
  catalog: path.join(fixtures, 'valid/catalog.csv'),
  cases: path.join(fixtures, 'broken/cases-many-errors.csv'),
};

interface ShownError {
  file: string;
  row: string;
  column: string;
  reason: string;
}

async function shownErrors(page: Page): Promise<ShownError[]> {
  return page.locator('[data-testid="import-errors"] tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const [file, row, column, reason] = Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '');
      return { file: file ?? '', row: row ?? '', column: column ?? '', reason: reason ?? '' };
    }),
  );
}

async function datasetCount(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/trpc/datasets.list`, { headers: await apiHeaders() });
  const body = (await response.json()) as { result: { data: unknown[] } };
  return body.result.data.length;
}

/** The file each error names was uploaded as one of the three tables. */
function tableOf(error: RowError): TableName {
  const entry = Object.entries(BAD_UPLOAD).find(([, file]) => path.basename(file) === error.file);
  if (!entry) throw new Error(`no uploaded file ${error.file}`);
  return entry[0] as TableName;
}

describe('import page: row errors in Chinese and English, the file formats on the page', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lists every bad row with file, row, column and reason, in Chinese then English, and writes nothing', async () => {
    const expected = await readDatasetFiles(BAD_UPLOAD);
    if (expected.ok) expect.fail('the bad upload reads as valid');
    const baseUrl = inject('baseUrl');
    const before = await datasetCount(baseUrl);
    await page.goto(`${baseUrl}/import`);
    await page.getByTestId('import-form').waitFor();
    await page.fill('#import-name', `e2e bad upload ${Date.now()}`);
    for (const table of Object.keys(BAD_UPLOAD) as TableName[]) await page.setInputFiles(`#import-${table}`, BAD_UPLOAD[table]);
    await page.getByTestId('import-form').locator('button[type="submit"]').click();
    await page.getByTestId('import-errors').waitFor();

    expect(await shownErrors(page)).toEqual(
      expected.errors.map((e) => ({
        file: e.file,
        row: String(e.row),
        column: `${columnZh(tableOf(e), e.column)} ${e.column}`,
        reason: e.reason.zh,
      })),
    );
    await expect.poll(() => page.getByTestId('import-errors').locator('p.error').textContent()).toContain(String(expected.errorCount));

    await page.getByTestId('lang-switch').click();
    await expect
      .poll(() => shownErrors(page))
      .toEqual(expected.errors.map((e) => ({ file: e.file, row: String(e.row), column: e.column, reason: e.reason.en })));
    expect(await datasetCount(baseUrl)).toBe(before);
    await page.getByTestId('lang-switch').click();
  });

  it('shows each file’s columns with their Chinese names, units, values and an example row', async () => {
    await page.goto(`${inject('baseUrl')}/import`);
    for (const [table, columns] of Object.entries(TABLE_COLUMNS)) {
      const help = page.getByTestId(`import-help-${table}`);
      await help.waitFor();
      const rows = await help.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
      );
      expect(rows.map(([name, zh, , , unit]) => ({ name, zh, unit }))).toEqual(
        columns.map((spec) => ({ name: spec.name, zh: spec.zh, unit: spec.unit?.zh ?? '—' })),
      );
      const example = (await help.locator('pre').textContent()) ?? '';
      const [header, row] = example.split('\n');
      expect(header?.split(',')).toHaveLength(columns.length);
      for (const spec of columns) expect(header).toContain(spec.zh);
      expect(row).toContain(columns[0].example);
    }
    expect(await page.getByTestId('import-help').textContent()).not.toContain('SETTLEMENT.md');
  });
});
