import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { NO_DRG, POOL_INDEX } from '@/worker/settlement/types';
import { formatRowError, importDataset, readDatasetFiles, type DatasetPaths, type RowError } from '@/server/import';

const fixtures = path.join(__dirname, 'fixtures');
const valid: DatasetPaths = {
  hospitals: path.join(fixtures, 'valid/hospitals.csv'),
  catalog: path.join(fixtures, 'valid/catalog.csv'),
  cases: path.join(fixtures, 'valid/cases.csv'),
};

/** The valid data set with one file replaced by a broken fixture (its name starts with the table). */
function withBroken(fixture: string): DatasetPaths {
  const table = fixture.split('-')[0] as keyof DatasetPaths;
  return { ...valid, [table]: path.join(fixtures, 'broken', `${fixture}.csv`) };
}

function rowCounts(db: Db): Record<string, number> {
  const count = (table: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { datasets: count('datasets'), hospitals: count('hospitals'), drgs: count('drgs'), cases: count('cases') };
}

const NOTHING = { datasets: 0, hospitals: 0, drgs: 0, cases: 0 };

// One broken fixture per failure mode: the single error it must produce (SETTLEMENT.md §5).
const BROKEN: [fixture: string, row: number, column: string, reason: string][] = [
  ['hospitals-missing-level-column', 1, 'level', 'required column is missing (accepted headers: level, 等级, 医院等级, 机构等级)'],
  ['hospitals-duplicate-code', 5, 'hospital_code', 'duplicate hospital_code H002 (first at row 3)'],
  ['hospitals-level-4', 3, 'level', 'must be 1, 2, 3 or 一级/二级/三级 (got 4)'],
  ['hospitals-empty-name', 2, 'name', 'must not be empty'],
  ['hospitals-zero-coefficient', 4, 'coefficient', 'must be a number > 0 (got 0)'],
  ['hospitals-score-not-number', 2, 'evaluation_score', 'must be a number ≥ 0 (got "九十")'],
  ['catalog-missing-weight-column', 1, 'weight', 'required column is missing (accepted headers: weight, 权重, 相对权重, RW)'],
  ['catalog-duplicate-code', 4, 'drg_code', 'duplicate drg_code FM19 (first at row 3)'],
  ['catalog-weight-not-number', 3, 'weight', 'must be a number > 0 (got "3.3x")'],
  ['catalog-negative-benchmark', 3, 'benchmark_cost', 'must be a number > 0 (got -26400)'],
  ['catalog-per-diem-2', 5, 'per_diem', 'must be 0 or 1 (got 2)'],
  ['cases-missing-month-column', 1, 'month', 'required column is missing (accepted headers: month, 月份, 结算月份)'],
  ['cases-unknown-hospital', 4, 'hospital_code', 'unknown hospital_code H999 (not in the hospitals file)'],
  ['cases-duplicate-case-id', 5, 'case_id', 'duplicate case_id K01 (first at row 2)'],
  ['cases-empty-case-id', 5, 'case_id', 'must not be empty'],
  ['cases-month-13', 3, 'month', 'must be an integer 1–12 (got 13)'],
  ['cases-month-fraction', 3, 'month', 'must be an integer 1–12 (got 2.5)'],
  ['cases-bad-pool', 2, 'pool', 'must be employee/resident or 职工/居民 (got "医保")'],
  ['cases-negative-cost', 6, 'total_cost', 'must be a number ≥ 0 (got -4000)'],
  ['cases-cost-not-number', 6, 'total_cost', 'must be a number ≥ 0 (got "4000元")'],
  ['cases-patient-pay-over-total', 6, 'patient_pay', 'must not exceed total_cost 4000 (got 4000.01)'],
  ['cases-los-fraction', 7, 'los', 'must be a non-negative integer (got 4.5)'],
  ['cases-los-negative', 7, 'los', 'must be a non-negative integer (got -1)'],
  ['cases-special-review-2', 2, 'special_review', 'must be 0 or 1 (got 2)'],
  ['cases-negative-deduction', 2, 'deduction', 'must be a number ≥ 0 (got -5)'],
  ['cases-unclosed-quote', 8, '', 'malformed CSV: Quoted field unterminated'],
  ['cases-gbk', 0, '', 'the file is not UTF-8 (save it as "CSV UTF-8" or XLSX)'],
  ['cases-header-only', 0, '', 'no case rows'],
  ['cases-empty-file', 0, '', 'the cases file is empty'],
];

describe('a broken file is rejected with file, row, column and reason, and nothing is written', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });

  it('every broken fixture is in the table', () => {
    const files = fs.readdirSync(path.join(fixtures, 'broken')).map((f) => f.replace(/\.csv$/, ''));
    expect(files.filter((f) => f !== 'cases-many-errors').sort()).toEqual(BROKEN.map(([f]) => f).sort());
  });

  it.each(BROKEN)('%s', async (fixture, row, column, reason) => {
    const paths = withBroken(fixture);
    const expected: RowError = { file: `${fixture}.csv`, row, column, reason };
    expect(await readDatasetFiles(paths)).toEqual({ ok: false, errors: [expected], errorCount: 1 });
    expect(await importDataset(db, { name: fixture, year: 2025 }, paths)).toMatchObject({ ok: false, errors: [expected] });
    expect(rowCounts(db)).toEqual(NOTHING);
  });
});

describe('error listing', () => {
  it('lists every error of a file, in row order, not just the first (a blank line still counts as a row)', async () => {
    const result = await readDatasetFiles(withBroken('cases-many-errors'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatRowError)).toEqual([
      'cases-many-errors.csv:9 month: must be an integer 1–12 (got 0)',
      'cases-many-errors.csv:10 hospital_code: unknown hospital_code H404 (not in the hospitals file)',
      'cases-many-errors.csv:12 los: must be a non-negative integer (got 1.5)',
      'cases-many-errors.csv:12 special_review: must be 0 or 1 (got 3)',
    ]);
  });

  it('lists errors of all three files together', async () => {
    const paths = { ...withBroken('cases-month-13'), hospitals: withBroken('hospitals-level-4').hospitals };
    const result = await readDatasetFiles(paths);
    expect(result.ok ? [] : result.errors.map((e) => `${e.file}:${e.row}`)).toEqual([
      'hospitals-level-4.csv:3',
      'cases-month-13.csv:3',
    ]);
  });

  it('lists the first 1000 errors and counts the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cap-'));
    const lines = ['case_id,hospital_code,drg_code,month,pool,total_cost,patient_pay,los'];
    for (let i = 0; i < 1500; i++) lines.push(`X${i},H001,ES35,13,employee,100,10,3`);
    fs.writeFileSync(path.join(dir, 'cases.csv'), lines.join('\n'));
    const result = await readDatasetFiles({ ...valid, cases: path.join(dir, 'cases.csv') });
    expect(result).toMatchObject({ ok: false, errorCount: 1500 });
    expect(result.ok ? 0 : result.errors.length).toBe(1000);
  });

  it('formats an error as file:row column: reason', () => {
    expect(formatRowError({ file: 'cases.csv', row: 14, column: 'month', reason: 'must be an integer 1–12 (got 13)' })).toBe(
      'cases.csv:14 month: must be an integer 1–12 (got 13)',
    );
    expect(formatRowError({ file: 'cases.csv', row: 0, column: '', reason: 'no case rows' })).toBe('cases.csv: no case rows');
    expect(formatRowError({ file: '', row: 0, column: 'name', reason: 'must not be empty' })).toBe('name: must not be empty');
  });

  it('rejects a file type other than CSV or XLSX, and a missing file', async () => {
    const result = await readDatasetFiles({ ...valid, catalog: path.join(fixtures, 'valid/catalog.json') });
    expect(result).toMatchObject({ ok: false, errors: [{ row: 0, reason: 'catalog file not found' }] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-ext-'));
    fs.writeFileSync(path.join(dir, 'catalog.txt'), 'drg_code\n');
    const typed = await readDatasetFiles({ ...valid, catalog: path.join(dir, 'catalog.txt') });
    expect(typed).toMatchObject({ ok: false, errors: [{ file: 'catalog.txt', reason: 'unsupported file type ".txt" (use .csv or .xlsx)' }] });
  });
});
