/**
 * CSV reader (papaparse, streaming): UTF-8 with or without a BOM, comma-separated, RFC 4180 quotes.
 * Rows are numbered as a spreadsheet shows them (header = 1; a quoted line break stays in its row).
 */
import Papa from 'papaparse';
import { Readable } from 'node:stream';
import type { RowHandler, RowProblem } from './rows';

/** Decodes UTF-8 across chunk boundaries; TextDecoder drops a leading BOM. */
async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>, onBytes: (bytes: number) => void) {
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
    onBytes(bytes);
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** Streams every non-blank row to `onRow`; returns what papaparse could not parse (bad quotes). */
export function readCsv(
  chunks: AsyncIterable<Uint8Array>,
  onRow: RowHandler,
  onBytes: (bytes: number) => void,
): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  let rowsBefore = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(decodeUtf8(chunks, onBytes)), {
      delimiter: ',',
      chunk(results) {
        const rows = results.data;
        for (const e of results.errors) {
          problems.push({ row: rowsBefore + (e.row ?? 0) + 1, reason: `malformed CSV: ${e.message}` });
        }
        for (let i = 0; i < rows.length; i++) {
          const cells = rows[i]!;
          if (!isBlank(cells)) onRow(cells, rowsBefore + i + 1);
        }
        rowsBefore += rows.length;
      },
      complete: () => resolve(problems),
      error: (error: Error) => reject(error),
    });
  });
}
