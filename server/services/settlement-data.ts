import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { datasets } from '@/db/schema';
import type { SettlementData } from '@/worker/settlement/types';
import { loadSettlementData } from './datasets';
import { DomainError } from './errors';

// One decoded data set per id, kept while its version is current (≈33 bytes per case). On globalThis: Next
// bundles each route (and instrumentation.ts) with its own copy of this module, and they must share one cache.
const holder = globalThis as typeof globalThis & { __drgSettlementData?: Map<number, { version: number; data: SettlementData }> };
const cache = (holder.__drgSettlementData ??= new Map());

/** The data set in the engine's columnar form, read from SQLite once per data set version. */
export function settlementData(db: Db, datasetId: number): { version: number; data: SettlementData } {
  const dataset = db.select({ version: datasets.version }).from(datasets).where(and(eq(datasets.id, datasetId), eq(datasets.state, 'ready'))).get();
  if (!dataset) throw new DomainError('NOT_FOUND', `data set ${datasetId} not found`);
  const hit = cache.get(datasetId);
  if (hit && hit.version === dataset.version) return hit;
  const entry = { version: dataset.version, data: loadSettlementData(db, datasetId) };
  cache.set(datasetId, entry);
  return entry;
}
