import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from './xlsx';
import { zipInflatedSize } from './zip-size';

async function zipOf(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('an XLSX is measured before it is inflated', () => {
  it('reads the inflated size of every entry from the central directory', async () => {
    const bytes = await zipOf({ 'a.txt': 'x'.repeat(1000), 'b/c.xml': new Uint8Array(5000) });
    expect(zipInflatedSize(bytes)).toBe(6000);
    expect(zipInflatedSize(new TextEncoder().encode('not a zip'))).toBeNull();
  });

  it('refuses a zip bomb unopened, with the reason, and reads no row', async () => {
    // 8 MB of zeros compress to a few KB: a ratio no spreadsheet has
    const bomb = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const rows: unknown[] = [];
    const problems: { zh: string; en: string }[] = [];
    await readXlsx(bomb, (row) => rows.push(row), (_, reason) => problems.push(reason));
    expect(rows).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.en).toMatch(/zip bomb/);
    expect(problems[0]!.zh).toMatch(/压缩炸弹/);
  });

  it('opens an ordinary workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('cases');
    sheet.addRow(['case_id', 'total_cost']);
    for (let i = 0; i < 200; i++) sheet.addRow([`C${i}`, 1000 + i]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows: unknown[] = [];
    await readXlsx(bytes, (row) => rows.push(row), () => undefined);
    expect(rows).toHaveLength(201);
  });
});
