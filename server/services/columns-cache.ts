import { gzipSync } from 'node:zlib';
import type { Db } from '@/db/client';
import { encodePreparedData } from '@/worker/columns/encode';
import { prepareData } from '@/worker/settlement';
import { settlementData } from './settlement-data';

export interface EncodedColumns {
  /** `${datasetId}-${version}`: the HTTP ETag and the browser's cache key */
  etag: string;
  gzipped: Buffer;
  rawBytes: number;
}

// Encoded once per data set version and kept for the life of the process (a few MB per data set).
// On globalThis, shared by every route bundle and instrumentation.ts (see settlement-data.ts).
const holder = globalThis as typeof globalThis & { __drgColumns?: Map<string, EncodedColumns> };
const cache = (holder.__drgColumns ??= new Map());

/**
 * The data set's prepared columns (what the browser workers load: worker/columns/layout.ts), prepared here once
 * per version so that no worker prepares them, gzip-compressed, cached per version.
 */
export function encodedColumns(db: Db, datasetId: number): EncodedColumns {
  const { version, data } = settlementData(db, datasetId);
  const etag = `${datasetId}-${version}`;
  const hit = cache.get(etag);
  if (hit) return hit;
  const bytes = encodePreparedData(prepareData(data));
  const entry = { etag, gzipped: gzipSync(bytes, { level: 6 }), rawBytes: bytes.byteLength };
  for (const key of cache.keys()) if (key.startsWith(`${datasetId}-`)) cache.delete(key);
  cache.set(etag, entry);
  return entry;
}
