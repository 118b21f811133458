import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetBuffers, readDatasetFiles, type DatasetPaths, type ReadResult } from '@/server/import';

const fixtures = path.join(__dirname, 'fixtures', 'valid');
const TABLES = ['hospitals', 'catalog', 'cases'] as const;
const pathsIn = (dir: string, ext: string): DatasetPaths => ({
  hospitals: path.join(dir, `hospitals.${ext}`),
  catalog: path.join(dir, `catalog.${ext}`),
  cases: path.join(dir, `cases.${ext}`),
});
const csvPaths = pathsIn(fixtures, 'csv');

/** What a read gives apart from how its CSV files were decoded (an XLSX has no text encoding to report). */
function withoutEncodings(result: ReadResult): unknown {
  if (!result.ok) return result;
  const { encodings: _encodings, ...rest } = result;
  return rest;
}

/** A CSV rewritten as a workbook the way Excel would hold it: numbers as numbers, empty cells absent. */
async function csvToXlsx(csvPath: string, xlsxPath: string, edit?: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const rows = Papa.parse<string[]>(fs.readFileSync(csvPath, 'utf8'), { skipEmptyLines: true }).data;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
  edit?.(sheet);
  workbook.addWorksheet('说明').addRow(['this sheet is not read']);
  await workbook.xlsx.writeFile(xlsxPath);
}

describe('XLSX import', () => {
  let dir: string;
  let xlsxPaths: DatasetPaths;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-xlsx-'));
    xlsxPaths = pathsIn(dir, 'xlsx');
    for (const t of TABLES) await csvToXlsx(csvPaths[t], xlsxPaths[t]);
  });

  it('XLSX and CSV of the same data give the same bundle', async () => {
    const fromCsv = await readDatasetFiles(csvPaths);
    expect(fromCsv.ok).toBe(true);
    expect(withoutEncodings(await readDatasetFiles(xlsxPaths))).toEqual(withoutEncodings(fromCsv));
  });

  it('uploaded buffers give the same bundle as files, formats mixed', async () => {
    const upload = (p: string) => ({ name: path.basename(p), data: new Uint8Array(fs.readFileSync(p)) });
    const mixed = { hospitals: upload(xlsxPaths.hospitals), catalog: upload(csvPaths.catalog), cases: upload(xlsxPaths.cases) };
    expect(withoutEncodings(await readDatasetBuffers(mixed))).toEqual(withoutEncodings(await readDatasetFiles(csvPaths)));
  });

  it('reads formula results and rich text as their values', async () => {
    const edited = path.join(dir, 'cases-formula.xlsx');
    await csvToXlsx(csvPaths.cases, edited, (sheet) => {
      sheet.getCell('D2').value = { formula: '0+1', result: 1 };
      sheet.getCell('E2').value = { richText: [{ text: 'employ' }, { text: 'ee', font: { bold: true } }] };
    });
    expect(withoutEncodings(await readDatasetFiles({ ...xlsxPaths, cases: edited }))).toEqual(withoutEncodings(await readDatasetFiles(csvPaths)));
  });

  it('names a bad cell by its sheet row', async () => {
    const edited = path.join(dir, 'cases-bad.xlsx');
    await csvToXlsx(csvPaths.cases, edited, (sheet) => {
      sheet.getCell('D5').value = 13;
    });
    expect(await readDatasetFiles({ ...xlsxPaths, cases: edited })).toEqual({
      ok: false,
      errors: [
        {
          file: 'cases-bad.xlsx',
          row: 5,
          column: 'month',
          reason: { zh: '应为 1–12 的整数（当前值：13）', en: 'must be an integer 1–12 (got 13)' },
        },
      ],
      errorCount: 1,
    });
  });

  it('reports a file that is not a workbook', async () => {
    const fake = path.join(dir, 'catalog-fake.xlsx');
    fs.copyFileSync(csvPaths.catalog, fake);
    const result = await readDatasetFiles({ ...xlsxPaths, catalog: fake });
    expect(result).toMatchObject({ ok: false, errors: [{ file: 'catalog-fake.xlsx', row: 0, column: '' }] });
    expect(result.ok ? '' : result.errors[0]!.reason.en).toMatch(/^not a readable XLSX workbook/);
    expect(result.ok ? '' : result.errors[0]!.reason.zh).toMatch(/^无法读取的 XLSX 工作簿/);
  });
});
