/**
 * CSV reader (papaparse, streaming): UTF-8 with or without a BOM, or GB18030/GBK (encoding.ts detects which),
 * comma-separated, RFC 4180 quotes. Rows are numbered as a spreadsheet shows them (header = 1; a quoted line
 * break stays in its row).
 */
import Papa from 'papaparse';
import { Readable } from 'node:stream';
import { decoderLabel, type CsvEncoding } from './encoding';
import { REASONS } from './reasons';
import type { ProblemHandler, RowHandler } from './rows';

/**
 * Decodes the text across chunk boundaries (TextDecoder drops a leading BOM) and hands it over in whole
 * lines: papaparse guesses the line ending from its first piece and must never see a "\r\n" cut in two.
 */
async function* decodeText(chunks: AsyncIterable<Uint8Array>, encoding: CsvEncoding, onBytes: (bytes: number) => void, onProblem: ProblemHandler) {
  // fatal: bytes that are not of the encoding are refused, never read as mojibake
  const decoder = new TextDecoder(decoderLabel(encoding), { fatal: true });
  const invalid = encoding === 'gb18030' ? REASONS.unknownEncoding : REASONS.notUtf8;
  let bytes = 0;
  let pending = '';
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    try {
      pending += decoder.decode(chunk, { stream: true });
    } catch {
      onProblem(0, invalid);
      return;
    }
    const end = pending.lastIndexOf('\n') + 1;
    if (end > 0) {
      yield pending.slice(0, end);
      pending = pending.slice(end);
    }
    onBytes(bytes);
  }
  try {
    pending += decoder.decode();
  } catch {
    onProblem(0, invalid);
    return;
  }
  if (pending) yield pending;
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/**
 * Streams every non-blank row to `onRow`; a row papaparse could not parse (a quote left open) goes to
 * `onProblem` instead, so it is reported once, not as a cascade of empty cells.
 */
export function readCsv(
  chunks: AsyncIterable<Uint8Array>,
  onRow: RowHandler,
  onProblem: ProblemHandler,
  onBytes: (bytes: number) => void,
  encoding: CsvEncoding = 'utf-8',
): Promise<void> {
  let rowsBefore = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(decodeText(chunks, encoding, onBytes, onProblem)), {
      delimiter: ',',
      chunk(results) {
        const rows = results.data;
        const malformed = new Map(results.errors.map((e) => [e.row ?? 0, e]));
        for (let i = 0; i < rows.length; i++) {
          const cells = rows[i]!;
          const problem = malformed.get(i);
          if (problem !== undefined) onProblem(rowsBefore + i + 1, REASONS.malformedCsv(problem.code, problem.message));
          else if (!isBlank(cells)) onRow(cells, rowsBefore + i + 1);
        }
        rowsBefore += rows.length;
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
}
