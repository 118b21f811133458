import { gzipSync } from 'node:zlib';
import type { Db } from '@/db/client';
import { encodeSettlementData } from '@/worker/columns/encode';
import { inEngineOrder } from './engine-order';
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
 * The data set's binary columns (what the browser worker loads), cases in the engine's order (engine-order.ts),
 * gzip-compressed, cached per version.
 */
export function encodedColumns(db: Db, datasetId: number): EncodedColumns {
  const { version, data } = settlementData(db, datasetId);
  const etag = `${datasetId}-${version}`;
  const hit = cache.get(etag);
  if (hit) return hit;
  const bytes = encodeSettlementData(inEngineOrder(data));
  const entry = { etag, gzipped: gzipSync(bytes, { level: 6 }), rawBytes: bytes.byteLength };
  for (const key of cache.keys()) if (key.startsWith(`${datasetId}-`)) cache.delete(key);
  cache.set(etag, entry);
  return entry;
}
