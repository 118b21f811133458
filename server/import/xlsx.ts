/**
 * XLSX reader (exceljs): the first worksheet, every non-empty row with its sheet row number. Formula
 * cells give their result, rich text its plain text. The workbook is loaded whole (a zip cannot be
 * streamed reliably): for a million cases use CSV.
 */
import ExcelJS from 'exceljs';
import { REASONS } from './reasons';
import { MAX_INFLATE_RATIO, maxInflatedBytes, zipInflatedSize } from './zip-size';
import type { Cell, ProblemHandler, RowHandler } from './rows';

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as ExcelJS.CellFormulaValue).result ?? null);
  if ('text' in value) return String(value.text);
  if ('error' in value) return value.error;
  return '';
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const cells: Cell[] = [];
  for (let column = 1; column <= row.cellCount; column++) cells.push(cellOf(row.getCell(column).value));
  return cells;
}

/** Sends every non-empty row of the first worksheet to `onRow`. */
export async function readXlsx(data: Uint8Array, onRow: RowHandler, onProblem: ProblemHandler): Promise<void> {
  // what it would inflate to, before inflating anything (a zip bomb)
  const inflated = zipInflatedSize(data);
  if (inflated !== null && (inflated > maxInflatedBytes() || inflated > MAX_INFLATE_RATIO * Math.max(data.byteLength, 1024))) {
    onProblem(0, REASONS.xlsxTooLarge(inflated, Math.round(maxInflatedBytes() / 1024 / 1024)));
    return;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  } catch (error) {
    onProblem(0, REASONS.notXlsx((error as Error).message));
    return;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    onProblem(0, REASONS.noWorksheet);
    return;
  }
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = rowCells(row);
    if (cells.some((cell) => cell !== '' && !(typeof cell === 'string' && cell.trim() === ''))) onRow(cells, rowNumber);
  });
}
