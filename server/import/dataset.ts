/**
 * Reads and checks a whole data set — hospitals, then the catalog, then the cases against both — into the
 * `DatasetBundle` that `saveDataset` writes and the engine settles. Every error of every file is listed;
 * a data set with any error yields no bundle.
 */
import fs from 'node:fs';
import type { DatasetBundle } from '@/worker/settlement/types';
import { readCases } from './cases';
import { readCatalog } from './catalog';
import { detectCsvEncoding, type CsvEncoding } from './encoding';
import { ErrorList, type ImportFailure } from './errors';
import { readHospitals } from './hospitals';
import { REASONS } from './reasons';
import { bufferSource, fileSource, type TableSource } from './source';

/** Stages reported while importing: `parsing` counts bytes read (rows are checked as they stream in),
 * `writing` counts cases written to the database. */
export type ImportStage = 'parsing' | 'writing';
export type ImportProgress = (stage: ImportStage, done: number, total: number) => void;

/** How each CSV table's bytes were decoded (an XLSX table has no entry: its text is always UTF-8). */
export type TableEncodings = Partial<Record<keyof DatasetSources, CsvEncoding>>;

export type ReadResult = { ok: true; bundle: DatasetBundle; encodings: TableEncodings } | ImportFailure;

export interface DatasetPaths {
  hospitals: string;
  catalog: string;
  cases: string;
}

export interface UploadedFile {
  /** the file name as uploaded: its extension picks the format */
  name: string;
  data: Uint8Array;
}

export interface DatasetBuffers {
  hospitals: UploadedFile;
  catalog: UploadedFile;
  cases: UploadedFile;
}

interface DatasetSources {
  hospitals: TableSource;
  catalog: TableSource;
  cases: TableSource;
}

function emptyTableErrors(bundle: DatasetBundle, sources: DatasetSources, errors: ErrorList): void {
  if (bundle.hospitals.length === 0) errors.add(sources.hospitals.name, 0, '', REASONS.noRows('hospitals'));
  if (bundle.catalog.length === 0) errors.add(sources.catalog.name, 0, '', REASONS.noRows('catalog'));
  if (bundle.cases.count === 0) errors.add(sources.cases.name, 0, '', REASONS.noRows('cases'));
}

/**
 * The source with its encoding detected, when it is a CSV (recorded in `encodings`); a file that is neither
 * UTF-8 nor GB18030 text is refused here, naming the file and why, and is then not read.
 */
async function decoded(table: keyof DatasetSources, sources: DatasetSources, encodings: TableEncodings, errors: ErrorList): Promise<TableSource> {
  const source = sources[table];
  if (source.format !== 'csv') return source;
  const detected = await detectCsvEncoding(() => source.chunks());
  if (!detected.ok) {
    errors.add(source.name, 0, '', detected.reason);
    return { ...source, encoding: null };
  }
  encodings[table] = detected.encoding;
  return { ...source, encoding: detected.encoding };
}

export async function readDatasetSources(sources: DatasetSources, onProgress?: ImportProgress): Promise<ReadResult> {
  const errors = new ErrorList();
  const encodings: TableEncodings = {};
  const total = sources.hospitals.size + sources.catalog.size + sources.cases.size;
  let before = 0;
  const bytesOf = (size: number) => {
    const start = before;
    before += size;
    return (bytes: number) => onProgress?.('parsing', start + bytes, total);
  };
  onProgress?.('parsing', 0, total);
  const hospitals = await readHospitals(await decoded('hospitals', sources, encodings, errors), errors, bytesOf(sources.hospitals.size));
  const catalog = await readCatalog(await decoded('catalog', sources, encodings, errors), errors, bytesOf(sources.catalog.size));
  const cases = await readCases(await decoded('cases', sources, encodings, errors), { hospitals, catalog }, errors, bytesOf(sources.cases.size));
  onProgress?.('parsing', total, total);
  const bundle: DatasetBundle = { hospitals: hospitals.hospitals, catalog: catalog.catalog, cases };
  if (errors.isEmpty) emptyTableErrors(bundle, sources, errors);
  return errors.isEmpty ? { ok: true, bundle, encodings } : errors.failure();
}

/** Reads the three tables from disk (CSV or XLSX by extension). */
export function readDatasetFiles(paths: DatasetPaths, onProgress?: ImportProgress): Promise<ReadResult> {
  const missing = (Object.entries(paths) as [keyof DatasetPaths, string][]).filter(([, p]) => !fileExists(p));
  if (missing.length > 0) {
    const errors = new ErrorList();
    for (const [table, p] of missing) errors.add(p, 0, '', REASONS.fileNotFound(table));
    return Promise.resolve(errors.failure());
  }
  return readDatasetSources(
    { hospitals: fileSource(paths.hospitals), catalog: fileSource(paths.catalog), cases: fileSource(paths.cases) },
    onProgress,
  );
}

/** Reads the three tables from uploaded bytes (CSV or XLSX by file name). */
export function readDatasetBuffers(files: DatasetBuffers, onProgress?: ImportProgress): Promise<ReadResult> {
  const source = (f: UploadedFile) => bufferSource(f.name, f.data);
  return readDatasetSources(
    { hospitals: source(files.hospitals), catalog: source(files.catalog), cases: source(files.cases) },
    onProgress,
  );
}

function fileExists(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
