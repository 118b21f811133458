/**
 * Where an import table comes from: a file on disk (CLI) or an uploaded buffer (web). Both are read as a
 * stream of byte chunks so a 1 M-row CSV never has to sit in memory as one string.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface TableSource {
  /** file name shown in errors, e.g. "cases.csv" */
  name: string;
  /** lower-case extension without the dot: "csv", "xlsx" */
  format: string;
  size: number;
  /** the bytes, in chunks */
  chunks(): AsyncIterable<Uint8Array>;
  /** the bytes, whole (XLSX is a zip: it is read at once) */
  bytes(): Promise<Uint8Array>;
}

const CHUNK_BYTES = 1 << 20;

function formatOf(name: string): string {
  return path.extname(name).slice(1).toLowerCase();
}

export function fileSource(filePath: string): TableSource {
  return {
    name: path.basename(filePath),
    format: formatOf(filePath),
    size: fs.statSync(filePath).size,
    chunks: () => fs.createReadStream(filePath, { highWaterMark: CHUNK_BYTES }),
    bytes: async () => fs.promises.readFile(filePath),
  };
}

export function bufferSource(name: string, data: Uint8Array): TableSource {
  return {
    name,
    format: formatOf(name),
    size: data.byteLength,
    chunks: async function* () {
      for (let at = 0; at < data.byteLength; at += CHUNK_BYTES) yield data.subarray(at, at + CHUNK_BYTES);
    },
    bytes: async () => data,
  };
}
