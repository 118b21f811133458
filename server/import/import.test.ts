import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { NO_DRG, POOL_INDEX } from '@/worker/settlement/types';
import { formatRowError, importDataset, readDatasetFiles, type DatasetPaths, type Reason, type RowError } from '@/server/import';

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

// One broken fixture per failure mode: the single error it must produce (SETTLEMENT.md §5), its reason in
// Chinese (the import page's first language) and English.
const BROKEN: [fixture: string, row: number, column: string, reason: Reason][] = [
  ['hospitals-missing-level-column', 1, 'level', { zh: '缺少必需的列（可用表头：level、等级、医院等级、机构等级）', en: 'required column is missing (accepted headers: level, 等级, 医院等级, 机构等级)' }],
  ['hospitals-duplicate-code', 5, 'hospital_code', { zh: '机构编码 H002 重复（首次出现在第 3 行）', en: 'duplicate hospital_code H002 (first at row 3)' }],
  ['hospitals-level-4', 3, 'level', { zh: '应为 1、2、3 或 一级/二级/三级（当前值：4）', en: 'must be 1, 2, 3 or 一级/二级/三级 (got 4)' }],
  ['hospitals-empty-name', 2, 'name', { zh: '不能为空', en: 'must not be empty' }],
  ['hospitals-zero-coefficient', 4, 'coefficient', { zh: '应为 > 0 且 ≤ 3 的数字（当前值：0）', en: 'must be a number > 0 and ≤ 3 (got 0)' }],
  ['hospitals-score-not-number', 2, 'evaluation_score', { zh: '应为 0–100 的数字（当前值：“九十”）', en: 'must be a number from 0 to 100 (got "九十")' }],
  ['catalog-missing-weight-column', 1, 'weight', { zh: '缺少必需的列（可用表头：weight、权重、相对权重、RW）', en: 'required column is missing (accepted headers: weight, 权重, 相对权重, RW)' }],
  ['catalog-duplicate-code', 4, 'drg_code', { zh: 'DRG编码 FM19 重复（首次出现在第 3 行）', en: 'duplicate drg_code FM19 (first at row 3)' }],
  ['catalog-weight-not-number', 3, 'weight', { zh: '应为 > 0 且 ≤ 100 的数字（当前值：“3.3x”）', en: 'must be a number > 0 and ≤ 100 (got "3.3x")' }],
  ['catalog-negative-benchmark', 3, 'benchmark_cost', { zh: '应为 > 0 且 ≤ 10,000,000 元的数字（当前值：-26400）', en: 'must be a number > 0 and ≤ 10,000,000 yuan (got -26400)' }],
  ['catalog-per-diem-2', 5, 'per_diem', { zh: '应为 0 或 1（当前值：2）', en: 'must be 0 or 1 (got 2)' }],
  ['cases-missing-month-column', 1, 'month', { zh: '缺少必需的列（可用表头：month、月份、结算月份）', en: 'required column is missing (accepted headers: month, 月份, 结算月份)' }],
  ['cases-unknown-hospital', 4, 'hospital_code', { zh: '机构编码 H999 不在机构文件中', en: 'unknown hospital_code H999 (not in the hospitals file)' }],
  ['cases-duplicate-case-id', 5, 'case_id', { zh: '病例号 K01 重复（首次出现在第 2 行）', en: 'duplicate case_id K01 (first at row 2)' }],
  ['cases-empty-case-id', 5, 'case_id', { zh: '不能为空', en: 'must not be empty' }],
  ['cases-month-13', 3, 'month', { zh: '应为 1–12 的整数（当前值：13）', en: 'must be an integer 1–12 (got 13)' }],
  ['cases-month-fraction', 3, 'month', { zh: '应为 1–12 的整数（当前值：2.5）', en: 'must be an integer 1–12 (got 2.5)' }],
  ['cases-bad-pool', 2, 'pool', { zh: '应为 职工/居民 或 employee/resident（当前值：“医保”）', en: 'must be employee/resident or 职工/居民 (got "医保")' }],
  ['cases-negative-cost', 6, 'total_cost', { zh: '应为 0 至 10,000,000 元之间的数字（当前值：-4000）', en: 'must be a number from 0 to 10,000,000 yuan (got -4000)' }],
  // a cost no year can sum exactly to the fen (1e308 made a pool's point value 0 and every hospital negative)
  ['cases-cost-too-large', 6, 'total_cost', { zh: '应为 0 至 10,000,000 元之间的数字（当前值：1e308）', en: 'must be a number from 0 to 10,000,000 yuan (got 1e308)' }],
  ['cases-cost-not-number', 6, 'total_cost', { zh: '应为 0 至 10,000,000 元之间的数字（当前值：“4000元”）', en: 'must be a number from 0 to 10,000,000 yuan (got "4000元")' }],
  ['cases-patient-pay-over-total', 6, 'patient_pay', { zh: '不能大于医疗总费用 4000（当前值：4000.01）', en: 'must not exceed total_cost 4000 (got 4000.01)' }],
  ['cases-los-fraction', 7, 'los', { zh: '应为非负整数（当前值：4.5）', en: 'must be a non-negative integer (got 4.5)' }],
  ['cases-los-negative', 7, 'los', { zh: '应为非负整数（当前值：-1）', en: 'must be a non-negative integer (got -1)' }],
  ['cases-special-review-2', 2, 'special_review', { zh: '应为 0 或 1（当前值：2）', en: 'must be 0 or 1 (got 2)' }],
  ['cases-negative-deduction', 2, 'deduction', { zh: '应为 0 至 10,000,000 元之间的数字（当前值：-5）', en: 'must be a number from 0 to 10,000,000 yuan (got -5)' }],
  ['cases-unclosed-quote', 8, '', { zh: 'CSV 格式错误：引号未闭合', en: 'malformed CSV: Quoted field unterminated' }],
  ['cases-header-only', 0, '', { zh: '病例文件只有表头，没有数据行', en: 'no case rows' }],
  ['cases-empty-file', 0, '', { zh: '病例文件是空的', en: 'the cases file is empty' }],
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
    expect(result.errors.map((e) => formatRowError(e))).toEqual([
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

  it('formats an error as file:row column: reason, in English or Chinese', () => {
    const month: RowError = { file: 'cases.csv', row: 14, column: 'month', reason: { zh: '应为 1–12 的整数（当前值：13）', en: 'must be an integer 1–12 (got 13)' } };
    expect(formatRowError(month)).toBe('cases.csv:14 month: must be an integer 1–12 (got 13)');
    expect(formatRowError(month, 'zh')).toBe('cases.csv 第 14 行 month：应为 1–12 的整数（当前值：13）');
    const noRows: RowError = { file: 'cases.csv', row: 0, column: '', reason: { zh: '病例文件只有表头，没有数据行', en: 'no case rows' } };
    expect(formatRowError(noRows)).toBe('cases.csv: no case rows');
    expect(formatRowError(noRows, 'zh')).toBe('cases.csv：病例文件只有表头，没有数据行');
    const name: RowError = { file: '', row: 0, column: 'name', reason: { zh: '不能为空', en: 'must not be empty' } };
    expect(formatRowError(name)).toBe('name: must not be empty');
    expect(formatRowError(name, 'zh')).toBe('name：不能为空');
  });

  it('rejects a file type other than CSV or XLSX, and a missing file', async () => {
    const result = await readDatasetFiles({ ...valid, catalog: path.join(fixtures, 'valid/catalog.json') });
    expect(result).toMatchObject({ ok: false, errors: [{ row: 0, reason: { zh: 'DRG 目录文件不存在', en: 'catalog file not found' } }] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-ext-'));
    fs.writeFileSync(path.join(dir, 'catalog.txt'), 'drg_code\n');
    const typed = await readDatasetFiles({ ...valid, catalog: path.join(dir, 'catalog.txt') });
    expect(typed).toMatchObject({
      ok: false,
      errors: [{ file: 'catalog.txt', reason: { zh: '不支持的文件类型“.txt”（请用 .csv 或 .xlsx）', en: 'unsupported file type ".txt" (use .csv or .xlsx)' } }],
    });
  });
});

const HAN = /\p{Script=Han}/u;
const ENGLISH_WORD = /\b[a-z]{3,}\b/i;

describe('every import error gives its reason in Chinese and in English, with file, row and column', () => {
  const brokenFiles = fs
    .readdirSync(path.join(fixtures, 'broken'))
    .map((f) => f.replace(/\.csv$/, ''))
    .sort();

  it.each(brokenFiles)('%s', async (fixture) => {
    const result = await readDatasetFiles(withBroken(fixture));
    if (result.ok) expect.fail(`${fixture} was accepted`);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.file).toBe(`${fixture}.csv`);
      expect(error.row).toBeGreaterThanOrEqual(0);
      expect(typeof error.column).toBe('string');
      expect(error.reason.zh, formatRowError(error)).toMatch(HAN);
      expect(error.reason.en, formatRowError(error, 'zh')).toMatch(ENGLISH_WORD);
      expect(error.reason.zh).not.toBe(error.reason.en);
    }
  });
});
