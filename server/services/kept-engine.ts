/**
 * One settlement engine per data set, kept while the data set's version is current: its cases are grouped once,
 * and a round that differs from the one before in what the engine can price on kept classes (a coefficient, a
 * weight within its band, a rate, a budget, a money rule) takes milliseconds instead of a pass over every case
 * (worker/settlement/index.ts; every way gives the same result, bit for bit). On globalThis: Next bundles each
 * route with its own copy of this module (see settlement-data.ts). Node runs one settlement at a time, so one
 * engine per data set is never used by two at once.
 */
import type { Db } from '@/db/client';
import { createSettlementEngine, type SettlementEngine } from '@/worker/settlement';
import { settlementData } from './settlement-data';

const holder = globalThis as typeof globalThis & { __drgKeptEngines?: Map<number, { version: number; engine: SettlementEngine }> };
const engines = (holder.__drgKeptEngines ??= new Map());

/** The engine of the data set's current version (an older version's is dropped). */
export function keptEngine(db: Db, datasetId: number): SettlementEngine {
  const { version, data } = settlementData(db, datasetId);
  const kept = engines.get(datasetId);
  if (kept && kept.version === version) return kept.engine;
  const engine = createSettlementEngine(data);
  engines.set(datasetId, { version, engine });
  return engine;
}
