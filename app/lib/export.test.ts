import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { COUNT, MONEY, PERCENT, SIGNED_MONEY, decimal, formatCell, withUnit } from './column-format';
import { sheetOf, toCsv, toWorkbook, type ExportSpec } from './export';
import { sumYuan } from './money';

interface Hospital {
  code: string;
  level: string;
  cases: number;
  /** settlement, yuan (the sum of two pools' figures in float: noise beyond the fen) */
  settlement: number;
  change: number;
  ratio: number | null;
  cmi: number;
}

const rows: Hospital[] = [
  // 14,957,054.49 yuan as two pools add it in float
  { code: 'H001', level: '三级', cases: 6123, settlement: 14957054.489999998, change: -517000.4, ratio: -0.03340, cmi: 1.23456 },
  { code: 'H002', level: '二级', cases: 980, settlement: 0.1 + 0.2, change: 49.99, ratio: 0.00049, cmi: 0.9 },
];

const spec: ExportSpec<Hospital> = {
  filename: 'impact',
  columns: [
    { header: '机构编码', value: (r) => r.code },
    { header: '等级', value: (r) => r.level },
    { header: '病例数', format: COUNT, value: (r) => r.cases },
    { header: withUnit('第1轮', MONEY, 'zh'), format: MONEY, value: (r) => r.settlement },
    { header: withUnit('较基线', SIGNED_MONEY, 'zh'), format: SIGNED_MONEY, value: (r) => r.change },
    { header: withUnit('较基线', PERCENT, 'zh'), format: PERCENT, value: (r) => r.ratio },
    { header: 'CMI', format: decimal(3), value: (r) => r.cmi },
  ],
  rows,
  totals: ['合计 (2)', null, 7103, sumYuan(rows, (r) => r.settlement), sumYuan(rows, (r) => r.change), -0.0334, null],
  about: [
    { label: '数据集', text: '示范城市' },
    { label: '单位', text: '金额：万元' },
  ],
};

describe('table export', () => {
  it('carries money as the 万元 figure the screen shows, rounded to the fen first', () => {
    const sheet = sheetOf(spec, 'xlsx');
    // 14,957,054.49 yuan = 1,495.705449 万元 → 1,495.71; the screen shows the same
    expect(sheet.rows[0]![3]).toBe(1495.71);
    expect(formatCell(MONEY, rows[0]!.settlement, 'zh')).toBe('1,495.71');
    // −517,000.40 yuan → −51.70 万元, shown with the typographic minus
    expect(sheet.rows[0]![4]).toBe(-51.7);
    expect(formatCell(SIGNED_MONEY, rows[0]!.change, 'zh')).toBe('−51.70');
    // 49.99 yuan is 0.004999 万元: shown and exported as 0.00, without a sign
    expect(sheet.rows[1]![4]).toBe(0);
    expect(formatCell(SIGNED_MONEY, 49.99, 'zh')).toBe('0.00');
  });

  it('adds money totals in whole fen', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in float; in fen 30
    expect(sumYuan([0.1, 0.2], (x) => x)).toBe(0.3);
    // 1,495,705,449 fen + 30 fen = 1,495,705,479 fen = 1,495.705479 万元 → 1,495.71
    expect(sheetOf(spec, 'csv').rows[2]![3]).toBe(1495.71);
    expect(sumYuan(rows, (r) => r.settlement)).toBe(14957054.79);
  });

  it('writes a ratio as the percentage shown: the rounded ratio in XLSX, the percent figure in CSV', () => {
    expect(sheetOf(spec, 'xlsx').rows[0]![5]).toBe(-0.033);
    expect(sheetOf(spec, 'csv').rows[0]![5]).toBe(-3.3);
    expect(formatCell(PERCENT, -0.0334, 'zh')).toBe('−3.3%');
    // 0.049% shows as 0.0% and exports as 0
    expect(sheetOf(spec, 'csv').rows[1]![5]).toBe(0);
    expect(formatCell(PERCENT, 0.00049, 'zh')).toBe('0.0%');
  });

  it('writes the about block, a blank line, the header with units, rows and the totals row as CSV', () => {
    const lines = toCsv(spec).split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['数据集,示范城市', '单位,金额：万元', '', '机构编码,等级,病例数,第1轮 (万元),较基线 (万元),较基线 (%),CMI']);
    expect(lines[4]).toBe('H001,三级,6123,1495.71,-51.7,-3.3,1.235');
    expect(lines[5]).toBe('H002,二级,980,0,0,0,0.9');
    expect(lines[6]).toBe('合计 (2),,7103,1495.71,-51.7,-3.3,');
    expect(lines[7]).toBe('');
  });

  it('writes numbers as numbers with the formats that print them as the screen does, frozen below the header', async () => {
    const written = await toWorkbook(ExcelJS, spec).xlsx.writeBuffer();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(written);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('数据集');
    expect(sheet.getCell('B1').value).toBe('示范城市');
    expect(sheet.getRow(3).values).toEqual([]);
    expect(sheet.getCell('D4').value).toBe('第1轮 (万元)');
    expect(sheet.getRow(4).font?.bold).toBe(true);
    expect(sheet.getCell('D5').value).toBe(1495.71);
    expect(sheet.getCell('D5').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('F5').value).toBe(-0.033);
    expect(sheet.getCell('F5').numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(sheet.getCell('C5').numFmt).toBe('#,##0');
    expect(sheet.getCell('G5').value).toBe(1.235);
    expect(sheet.getCell('A7').value).toBe('合计 (2)');
    expect(sheet.getRow(7).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('keeps a sheet name within Excel\'s rules', async () => {
    const book = toWorkbook(ExcelJS, { ...spec, sheetName: '示范城市/第1轮 vs 第0轮: [未保存] 一二三四五六七八九十' });
    expect(book.worksheets[0]!.name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
  });
});
