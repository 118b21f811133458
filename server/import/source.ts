/**
 * Where an import table comes from: a file on disk (CLI) or an uploaded buffer (web). Both are read as a
 * stream of byte chunks so a 1 M-row CSV never has to sit in memory as one string.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CsvEncoding } from './encoding-label';

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
  /**
   * A CSV's text encoding, detected before it is read (encoding.ts; absent: UTF-8). null: it is neither UTF-8
   * nor GB18030 text — the refusal is already listed and the table is not read.
   */
  encoding?: CsvEncoding | null;
}

const CHUNK_BYTES = 1 << 20;
/** an upload's chunk: ≈ 5 000 case rows, parsed and checked in ≈ 10–30 ms, the longest it keeps the server at once */
const BUFFER_CHUNK_BYTES = 1 << 18;

/** Lets the event loop serve what waits (requests, timers) before going on. */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

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
      for (let at = 0; at < data.byteLength; at += BUFFER_CHUNK_BYTES) {
        // a file's chunks come from the disk, between other requests; a buffer's must make room for them
        if (at > 0) await nextMacrotask();
        yield data.subarray(at, at + BUFFER_CHUNK_BYTES);
      }
    },
    bytes: async () => data,
  };
}
