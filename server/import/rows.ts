/**
 * Reads one import table, whatever its format, as records keyed by the §5 column names: the header row is
 * resolved once (aliases, missing columns), then every data row is handed over as trimmed strings.
 */
import { resolveColumns, type ColumnName, type TableName } from './columns';
import { readCsv } from './csv';
import type { ErrorList } from './errors';
import { REASONS, type Reason } from './reasons';
import type { TableSource } from './source';
import { readXlsx } from './xlsx';

/** A cell as a reader yields it: CSV text, or an XLSX string or number. */
export type Cell = string | number;
/** Receives a non-empty row and its 1-based row number (header = 1). */
export type RowHandler = (cells: readonly Cell[], row: number) => void;
/** Receives what a reader could not parse: the row (0 = the whole file) and why. */
export type ProblemHandler = (row: number, reason: Reason) => void;

/** A data row keyed by §5 column; an absent optional column reads as ''. */
export type RowRecord<T extends TableName> = Record<ColumnName<T>, string>;
export type RecordHandler<T extends TableName> = (record: RowRecord<T>, row: number) => void;

function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

type HeaderState = 'none' | 'bad' | 'ok';

/** Turns raw rows into records once the header row has named the columns. */
function recordBuilder<T extends TableName>(
  table: T,
  source: TableSource,
  errors: ErrorList,
  onRecord: RecordHandler<T>,
): { onRow: RowHandler; header: () => HeaderState } {
  let columns: [ColumnName<T>, number][] | null = null;
  let headerSeen = false;
  // One record object reused for every row: the schemas copy what they keep.
  const record = {} as RowRecord<T>;
  const onRow: RowHandler = (cells, row) => {
    if (!headerSeen) {
      headerSeen = true;
      const header = cells.map(cellText);
      const index = resolveColumns(table, header, { file: source.name, row }, errors);
      if (index) columns = Object.entries(index) as [ColumnName<T>, number][];
      return;
    }
    if (!columns) return;
    for (const [name, position] of columns) record[name] = position < 0 ? '' : cellText(cells[position]);
    onRecord(record, row);
  };
  return { onRow, header: () => (columns ? 'ok' : headerSeen ? 'bad' : 'none') };
}

/**
 * Reads a table (CSV or XLSX by extension). Unparseable rows, an unknown format, an empty file or a bad
 * header go to `errors`; returns whether the header was usable (rows were read).
 */
export async function readTable<T extends TableName>(
  table: T,
  source: TableSource,
  errors: ErrorList,
  onRecord: RecordHandler<T>,
  onBytes: (bytes: number) => void = () => {},
): Promise<boolean> {
  const { onRow, header } = recordBuilder(table, source, errors, onRecord);
  let problems = 0;
  const onProblem: ProblemHandler = (row, reason) => {
    problems++;
    errors.add(source.name, row, '', reason);
  };
  if (source.format === 'csv') {
    // refused as neither UTF-8 nor GB18030 (listed when detected): not read
    if (source.encoding === null) return false;
    await readCsv(source.chunks(), onRow, onProblem, onBytes, source.encoding);
  } else if (source.format === 'xlsx') {
    await readXlsx(await source.bytes(), onRow, onProblem);
    onBytes(source.size);
  } else {
    errors.add(source.name, 0, '', REASONS.unsupportedFileType(source.format));
    return false;
  }
  if (problems === 0 && header() === 'none') errors.add(source.name, 0, '', REASONS.emptyFile(table));
  return header() === 'ok';
}
