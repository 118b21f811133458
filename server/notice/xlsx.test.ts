/**
 * The notice's workbook read back with exceljs: one sheet per table with Chinese headers, figures as numbers in
 * their formats and equal to the settlement, money totals that add up in fen, a formula-looking name kept as
 * text, and the mark of a draft on every sheet's first row and page header (none for a locked round).
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setRoundStatus } from '@/server/services/rounds';
import { noticeData, type NoticeData } from './notice-data';
import { noticeSheets } from './tables';
import { noticeCity, type NoticeCity } from './testing';
import { noticeXlsxBuffer } from './xlsx';

async function readBack(data: NoticeData): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await noticeXlsxBuffer(data, noticeSheets(data, 'zh'), 'zh')) as unknown as ArrayBuffer);
  return workbook;
}

/** The row (1-based) whose first cells are `headers`. */
function headerRow(ws: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === first) return r;
  throw new Error(`no header ${first} in ${ws.name}`);
}

function rowValues(ws: ExcelJS.Worksheet, r: number): unknown[] {
  return (ws.getRow(r).values as unknown[]).slice(1);
}

const MARKS = /草稿|征求意见稿|送审稿/;

describe('the notice’s XLSX', () => {
  let city: NoticeCity;
  let draft: NoticeData;
  let locked: NoticeData;
  let draftBook: ExcelJS.Workbook;
  let lockedBook: ExcelJS.Workbook;
  beforeAll(async () => {
    city = noticeCity();
    draft = noticeData(city.db, city.draftId);
    locked = noticeData(city.db, city.lockedId);
    [draftBook, lockedBook] = await Promise.all([readBack(draft), readBack(locked)]);
  });

  it('has one sheet per table, in order, with Chinese headers', () => {
    expect(draftBook.worksheets.map((ws) => ws.name)).toEqual(['说明', 'DRG权重', '机构系数', '点值与费率', '医院结算', '参数变动']);
    const drgs = draftBook.getWorksheet('DRG权重')!;
    expect(rowValues(drgs, headerRow(drgs, 'DRG编码'))).toEqual(['DRG编码', '名称', 'MDC', '权重', '次均费用（元）', '同病同价']);
    const coefficients = draftBook.getWorksheet('机构系数')!;
    expect(rowValues(coefficients, headerRow(coefficients, '机构编码')).slice(0, 4)).toEqual(['机构编码', '机构名称', '等级', '系数']);
  });

  it('writes weights, costs and coefficients as numbers in their formats, names as text', () => {
    const drgs = draftBook.getWorksheet('DRG权重')!;
    const top = headerRow(drgs, 'DRG编码');
    const changed = city.data.catalog[3]!.code;
    const row = drgs.getRow(top + 1 + draft.drgs.findIndex((d) => d.code === changed));
    expect(row.getCell(1).value).toBe(changed);
    expect(row.getCell(4).value).toBe(1.2345);
    expect(row.getCell(4).numFmt).toBe('0.0000');
    expect(typeof row.getCell(5).value).toBe('number');
    expect(row.getCell(5).numFmt).toBe('#,##0.00');

    const coefficients = draftBook.getWorksheet('机构系数')!;
    const first = headerRow(coefficients, '机构编码') + 1;
    const values = draft.hospitals.map((h, i) => ({ h, row: coefficients.getRow(first + i) }));
    for (const { h, row } of values) {
      expect(row.getCell(1).value).toBe(h.code);
      expect(row.getCell(4).value).toBe(h.coefficient);
    }
    // 1.125 needs three decimals to show as set
    expect(values[0]!.row.getCell(4).numFmt).toBe('0.000');
    const formulaLike = values.find(({ h }) => h.name.startsWith('='))!;
    expect(formulaLike.row.getCell(2).value).toBe('=1+1 公式医院');
    expect(formulaLike.row.getCell(2).formula).toBeUndefined();
  });

  it('carries every hospital’s statement by pool as the settlement has it, each pool’s totals adding up in fen', () => {
    const ws = draftBook.getWorksheet('医院结算')!;
    const top = headerRow(ws, '基金');
    const headers = rowValues(ws, top) as string[];
    const settlementColumn = headers.indexOf('结算额 S（元）') + 1;
    const clearingColumn = headers.indexOf('年度清算（元）') + 1;
    expect(settlementColumn).toBeGreaterThan(0);
    expect(clearingColumn).toBeGreaterThan(0);
    let r = top + 1;
    for (const pool of draft.pools) {
      let settlementFen = 0;
      let clearingFen = 0;
      for (const s of draft.statements.filter((x) => x.statement.pool === pool.pool)) {
        const row = ws.getRow(r++);
        expect(row.getCell(2).value).toBe(s.code);
        const settlement = row.getCell(settlementColumn).value as number;
        expect(settlement).toBe(s.statement.settlementFen / 100);
        expect(row.getCell(settlementColumn).numFmt).toBe('#,##0.00');
        settlementFen += Math.round(settlement * 100);
        clearingFen += Math.round((row.getCell(clearingColumn).value as number) * 100);
      }
      const total = ws.getRow(r++);
      expect(total.getCell(3).value).toBe(`${pool.pool === 'employee' ? '职工' : '居民'}合计`);
      expect(total.font?.bold).toBe(true);
      expect(Math.round((total.getCell(settlementColumn).value as number) * 100)).toBe(settlementFen);
      expect(settlementFen).toBe(pool.settlementFen);
      expect(Math.round((total.getCell(clearingColumn).value as number) * 100)).toBe(clearingFen);
    }
  });

  it('gives each pool’s point value and its twelve monthly values unrounded', () => {
    const ws = draftBook.getWorksheet('点值与费率')!;
    const top = headerRow(ws, '基金');
    const headers = rowValues(ws, top) as string[];
    const pv = headers.indexOf('年度清算点值（元/点）') + 1;
    draft.pools.forEach((pool, i) => expect(ws.getRow(top + 1 + i).getCell(pv).value).toBe(pool.pointValue));
    const months = headerRow(ws, '月份');
    const monthHeaders = rowValues(ws, months) as string[];
    const employee = monthHeaders.indexOf('职工月度点值（元/点）') + 1;
    for (let m = 0; m < 12; m++) expect(ws.getRow(months + 1 + m).getCell(employee).value).toBe(draft.pools[0]!.months[m]!.pointValue);
    const prepaid = monthHeaders.indexOf('职工预拨（元）') + 1;
    let fen = 0;
    for (let m = 0; m < 12; m++) fen += Math.round((ws.getRow(months + 1 + m).getCell(prepaid).value as number) * 100);
    expect(fen).toBe(draft.pools[0]!.prepaidFen);
  });

  it('lists the parameter changes against the parent, figures as numbers', () => {
    const ws = draftBook.getWorksheet('参数变动')!;
    const top = headerRow(ws, '类别');
    expect(rowValues(ws, top)).toEqual(['类别', '参数', '对象', '原值', '新值', '变化率']);
    const rows = Array.from({ length: draft.changes.length }, (_, i) => ws.getRow(top + 1 + i));
    const weight = rows.find((row) => String(row.getCell(3).value).startsWith(city.data.catalog[3]!.code))!;
    expect(weight.getCell(4).value).toBe(city.data.catalog[3]!.weight);
    expect(weight.getCell(5).value).toBe(1.2345);
    expect(weight.getCell(5).numFmt).toBe('0.0000');
  });

  it('marks every sheet of a draft in its first row and page header, and a locked round’s in neither', async () => {
    for (const ws of draftBook.worksheets) {
      expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^草稿/);
      expect(ws.headerFooter.oddHeader).toContain('草稿');
    }
    for (const ws of lockedBook.worksheets) {
      expect(String(ws.getRow(1).getCell(1).value)).not.toMatch(MARKS);
      expect(ws.headerFooter.oddHeader ?? '').not.toMatch(MARKS);
    }
    const lockedChanges = lockedBook.getWorksheet('参数变动')!;
    expect(String(lockedChanges.getRow(4).getCell(1).value)).toBe('本轮为首轮，无上一轮可对照。');

    setRoundStatus(city.db, 'test', city.draftId, 'proposed');
    const proposed = await readBack(noticeData(city.db, city.draftId));
    for (const ws of proposed.worksheets) expect(ws.headerFooter.oddHeader).toContain('征求意见稿');
    setRoundStatus(city.db, 'test', city.draftId, 'draft');
  });
});
