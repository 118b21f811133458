/**
 * `seedDemoCity`: generates the demo city and writes it — data set, hospitals, catalog, cases (through
 * saveDataset, the one write path) and its negotiation rounds chained parent to child — in one transaction.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { datasets } from '@/db/schema';
import { createRound } from '@/server/services/rounds';
import { saveDataset, type ProgressFn } from '@/server/services/datasets';
import { generateDemoCity, type DemoCity, type DemoCityOptions, type DemoRound } from './demo-city';

export interface SeedOptions extends DemoCityOptions {
  /** data-set name; default "演示城市 云泽市 2024" (plus seed and size when not the defaults) */
  name?: string;
  onProgress?: ProgressFn;
}

export interface SeedResult {
  datasetId: number;
  roundIds: number[];
}

/** Who the seed's rows are created by. */
export const SEED_ACTOR = 'seed';

export class DatasetExistsError extends Error {
  constructor(readonly datasetName: string) {
    super(`a data set named "${datasetName}" already exists; choose another name (--name) or remove it first`);
  }
}

export function datasetNameTaken(db: Db, name: string): boolean {
  return db.select({ id: datasets.id }).from(datasets).where(eq(datasets.name, name)).get() !== undefined;
}

export function seedDemoCity(db: Db, options: SeedOptions = {}): SeedResult {
  return saveDemoCity(db, generateDemoCity(options), options);
}

/** Writes an already generated city; refuses (DatasetExistsError) when the name is taken. */
export function saveDemoCity(db: Db, city: DemoCity, options: Pick<SeedOptions, 'name' | 'onProgress'> = {}): SeedResult {
  const meta = { ...city.meta, name: options.name ?? city.meta.name };
  if (datasetNameTaken(db, meta.name)) throw new DatasetExistsError(meta.name);
  return db.$client.transaction((): SeedResult => {
    const datasetId = saveDataset(db, meta, city.bundle, options.onProgress);
    return { datasetId, roundIds: insertRounds(db, datasetId, city.rounds) };
  })();
}

/**
 * Inserts the rounds in order, each the child of the one before (round 0 has no parent), through the rounds
 * service: every round's parameters pass the engine's validation and each creation is audited.
 */
function insertRounds(db: Db, datasetId: number, list: DemoRound[]): number[] {
  const ids: number[] = [];
  for (const round of list) {
    const created = createRound(db, SEED_ACTOR, {
      datasetId,
      name: round.name,
      reason: round.reason,
      parentId: ids[ids.length - 1] ?? null,
      params: round.params,
      status: round.status,
    });
    ids.push(created.id);
  }
  return ids;
}
