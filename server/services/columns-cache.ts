import { gzipSync } from 'node:zlib';
import type { Db } from '@/db/client';
import { encodeSettlementData } from '@/worker/columns/encode';
import { settlementData } from './settlement-data';

export interface EncodedColumns {
  /** `${datasetId}-${version}`: the HTTP ETag and the browser's cache key */
  etag: string;
  gzipped: Buffer;
  rawBytes: number;
}

// Encoded once per data set version and kept for the life of the process (a few MB per data set).
const cache = new Map<string, EncodedColumns>();

/** The data set's binary columns (what the browser worker loads), gzip-compressed, cached per version. */
export function encodedColumns(db: Db, datasetId: number): EncodedColumns {
  const { version, data } = settlementData(db, datasetId);
  const etag = `${datasetId}-${version}`;
  const hit = cache.get(etag);
  if (hit) return hit;
  const bytes = encodeSettlementData(data);
  const entry = { etag, gzipped: gzipSync(bytes, { level: 6 }), rawBytes: bytes.byteLength };
  for (const key of cache.keys()) if (key.startsWith(`${datasetId}-`)) cache.delete(key);
  cache.set(etag, entry);
  return entry;
}
