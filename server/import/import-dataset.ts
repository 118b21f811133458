/**
 * Import = read and check every row, then write the data set (in short steps that no reader sees until the last:
 * saveDatasetInSteps). All or nothing: with any bad row, a bad name or year, or a name already taken, nothing is
 * written; a failure while writing removes what was written.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { datasets } from '@/db/schema';
import { saveDatasetInSteps } from '@/server/services/datasets';
import {
  readDatasetBuffers,
  readDatasetFiles,
  type DatasetBuffers,
  type DatasetPaths,
  type ImportProgress,
  type TableEncodings,
} from './dataset';
import { ErrorList, type ImportFailure } from './errors';
import { REASONS, type CellRule } from './reasons';
import { validateRow } from './validate';

const YEAR: CellRule = 'year';

/** What names a data set (数据集): its name, base year and notes. */
export const datasetMetaInput = z.object({
  name: z.string().trim().min(1, 'notEmpty' satisfies CellRule).max(200, 'nameTooLong' satisfies CellRule),
  year: z.coerce.number({ error: YEAR }).int(YEAR).min(1990, YEAR).max(2100, YEAR),
  notes: z.string().trim().nullish(),
});
export type DatasetMetaInput = z.input<typeof datasetMetaInput>;

/** A data set saved, and how each CSV file's text was decoded (UTF-8, with or without a BOM, or GB18030). */
export type ImportResult = { ok: true; datasetId: number; encodings: TableEncodings } | ImportFailure;

function nameTaken(db: Db, name: string): boolean {
  return db.select({ id: datasets.id }).from(datasets).where(eq(datasets.name, name)).all().length > 0;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

function metaErrors(db: Db, meta: DatasetMetaInput): { meta: z.infer<typeof datasetMetaInput> } | ImportFailure {
  const errors = new ErrorList();
  const valid = validateRow(datasetMetaInput, meta, { file: '', row: 0 }, errors);
  if (valid && nameTaken(db, valid.name)) errors.add('', 0, 'name', REASONS.nameTaken(valid.name));
  return valid && errors.isEmpty ? { meta: valid } : errors.failure();
}

/** Reads, checks and saves a data set from files on disk or uploaded buffers. */
export async function importDataset(
  db: Db,
  meta: DatasetMetaInput,
  input: DatasetPaths | DatasetBuffers,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const checked = metaErrors(db, meta);
  if (!('meta' in checked)) return checked;
  const read =
    typeof input.cases === 'string'
      ? await readDatasetFiles(input as DatasetPaths, onProgress)
      : await readDatasetBuffers(input as DatasetBuffers, onProgress);
  if (!read.ok) return read;
  const { name, year, notes } = checked.meta;
  try {
    const datasetId = await saveDatasetInSteps(db, { name, year, notes: notes ?? null }, read.bundle, (done, total) =>
      onProgress?.('writing', done, total),
    );
    return { ok: true, datasetId, encodings: read.encodings };
  } catch (error) {
    if (!isUniqueViolation(error) || !nameTaken(db, name)) throw error;
    const errors = new ErrorList();
    errors.add('', 0, 'name', REASONS.nameTaken(name));
    return errors.failure();
  }
}
