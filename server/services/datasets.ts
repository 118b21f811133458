import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, datasets, drgs, hospitals } from '@/db/schema';
import {
  NO_DRG,
  POOLS,
  POOL_INDEX,
  allocateCaseColumns,
  type DatasetBundle,
  type DrgType,
  type Hospital,
  type Level,
  type SettlementData,
  type DrgEntry,
} from '@/worker/settlement/types';

export interface DatasetMeta {
  name: string;
  year: number;
  notes?: string | null;
}

/** Called with (rows written, rows in all) while cases are written. */
export type ProgressFn = (done: number, total: number) => void;

const CASE_BATCH = 50_000;

/** An import's longest write at once: the cases go in steps of about this many ms, other requests between them. */
const STEP_MS = 40;

function caseInserter(db: Db, datasetId: number, bundle: DatasetBundle): (from: number, to: number) => void {
  const insertCase = db.$client.prepare(
    `INSERT INTO cases (dataset_id, case_id, hospital_code, drg_code, month, pool, total_cost, patient_pay, los, special_review, deduction)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const c = bundle.cases;
  return (from, to) => {
    for (let i = from; i < to; i++) {
      insertCase.run(
        datasetId,
        c.caseId[i],
        bundle.hospitals[c.hospital[i]!]!.code,
        c.drgCode[i] ?? '',
        c.month[i],
        POOLS[c.pool[i]!],
        c.totalCost[i],
        c.patientPay[i],
        c.los[i],
        c.specialReview[i],
        c.deduction[i],
      );
    }
  };
}

/** The data set's row, its hospitals and its catalog (no cases yet). */
function insertDatasetTables(db: Db, meta: DatasetMeta, bundle: DatasetBundle, state: 'importing' | 'ready'): number {
  const c = bundle.cases;
  const [row] = db
    .insert(datasets)
    .values({
      name: meta.name,
      year: meta.year,
      notes: meta.notes ?? null,
      pools: POOLS.filter((_, p) => c.pool.includes(p)),
      caseCount: c.count,
      createdAt: new Date().toISOString(),
      state,
    })
    .returning({ id: datasets.id })
    .all();
  const datasetId = row!.id;
  insertHospitals(db, datasetId, bundle.hospitals);
  insertCatalog(db, datasetId, bundle.catalog);
  return datasetId;
}

/**
 * Writes a whole data set in one transaction (the seed and the tests: nothing else waits on the database then).
 * Nothing is written if any insert fails (e.g. a duplicate name).
 */
export function saveDataset(db: Db, meta: DatasetMeta, bundle: DatasetBundle, onProgress?: ProgressFn): number {
  const count = bundle.cases.count;
  const write = db.$client.transaction((): number => {
    const datasetId = insertDatasetTables(db, meta, bundle, 'ready');
    const insertCases = caseInserter(db, datasetId, bundle);
    for (let from = 0; from < count; from += CASE_BATCH) {
      insertCases(from, Math.min(count, from + CASE_BATCH));
      onProgress?.(Math.min(count, from + CASE_BATCH), count);
    }
    if (count === 0) onProgress?.(0, 0);
    return datasetId;
  });
  return write();
}

function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Writes a data set while the app serves (the upload and the import CLI): the data set's row is written first as
 * 'importing', which no reader sees, then the cases in short transactions of about STEP_MS each with other
 * requests served between them, and last the row turns 'ready' — all or nothing to every reader. On a failure
 * what was written is removed again; a crash leaves an 'importing' data set that `removeUnfinishedImports`
 * clears at the next start.
 */
export async function saveDatasetInSteps(db: Db, meta: DatasetMeta, bundle: DatasetBundle, onProgress?: ProgressFn): Promise<number> {
  const sqlite = db.$client;
  const count = bundle.cases.count;
  const datasetId = sqlite.transaction(() => insertDatasetTables(db, meta, bundle, 'importing'))();
  try {
    const insertCases = sqlite.transaction(caseInserter(db, datasetId, bundle));
    let rowsPerStep = 1000;
    for (let from = 0; from < count; ) {
      const to = Math.min(count, from + rowsPerStep);
      const started = performance.now();
      insertCases(from, to);
      const took = performance.now() - started;
      // as many rows as fit in STEP_MS, by the last step's pace (at most doubling, so one slow step cannot run long)
      rowsPerStep = Math.max(500, Math.min(rowsPerStep * 2, Math.round(((to - from) * STEP_MS) / Math.max(took, 0.1))));
      from = to;
      onProgress?.(from, count);
      await nextMacrotask();
    }
    if (count === 0) onProgress?.(0, 0);
    db.update(datasets).set({ state: 'ready' }).where(eq(datasets.id, datasetId)).run();
    return datasetId;
  } catch (error) {
    await removeDatasetInSteps(db, datasetId);
    throw error;
  }
}

/** Deletes a data set's cases in short steps, then the data set (its hospitals and catalog by cascade). */
async function removeDatasetInSteps(db: Db, datasetId: number): Promise<void> {
  const sqlite = db.$client;
  const step = sqlite.prepare('DELETE FROM cases WHERE id IN (SELECT id FROM cases WHERE dataset_id = ? LIMIT 20000)');
  while (step.run(datasetId).changes > 0) await nextMacrotask();
  db.delete(datasets).where(eq(datasets.id, datasetId)).run();
}

/** Removes the data sets a crash left half-written ('importing'): at start, before the server serves. */
export function removeUnfinishedImports(db: Db): string[] {
  const unfinished = db.select({ id: datasets.id, name: datasets.name }).from(datasets).where(eq(datasets.state, 'importing')).all();
  for (const { id } of unfinished) db.delete(datasets).where(eq(datasets.id, id)).run();
  return unfinished.map((d) => d.name);
}

function insertHospitals(db: Db, datasetId: number, list: Hospital[]): void {
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500).map((h, j) => ({ datasetId, position: i + j, ...h }));
    db.insert(hospitals).values(chunk).run();
  }
}

function insertCatalog(db: Db, datasetId: number, list: DrgEntry[]): void {
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500).map((d, j) => ({ datasetId, position: i + j, ...d }));
    db.insert(drgs).values(chunk).run();
  }
}

export function listHospitals(db: Db, datasetId: number): Hospital[] {
  return db
    .select()
    .from(hospitals)
    .where(eq(hospitals.datasetId, datasetId))
    .orderBy(asc(hospitals.position))
    .all()
    .map((h) => ({
      code: h.code,
      name: h.name,
      level: h.level as Level,
      coefficient: h.coefficient,
      evaluationScore: h.evaluationScore,
      district: h.district,
      type: h.type,
    }));
}

export function listCatalog(db: Db, datasetId: number): DrgEntry[] {
  return db
    .select()
    .from(drgs)
    .where(eq(drgs.datasetId, datasetId))
    .orderBy(asc(drgs.position))
    .all()
    .map((d) => ({
      code: d.code,
      name: d.name,
      mdc: d.mdc,
      adrg: d.adrg,
      drgType: d.drgType as DrgType | null,
      weight: d.weight,
      benchmarkCost: d.benchmarkCost,
      uniformPrice: d.uniformPrice,
      perDiem: d.perDiem,
    }));
}

/** Reads a data set into the engine's columnar form (cases in import order). */
export function loadSettlementData(db: Db, datasetId: number): SettlementData {
  const hospitalList = listHospitals(db, datasetId);
  const catalog = listCatalog(db, datasetId);
  const hospitalIndex = new Map(hospitalList.map((h, i) => [h.code, i]));
  const drgIndex = new Map(catalog.map((d, i) => [d.code, i]));
  const sqlite = db.$client;
  const { n } = sqlite.prepare('SELECT count(*) AS n FROM cases WHERE dataset_id = ?').get(datasetId) as { n: number };
  const columns = allocateCaseColumns(n);
  const rows = sqlite
    .prepare(
      `SELECT hospital_code, drg_code, month, pool, total_cost, patient_pay, los, special_review, deduction
       FROM cases WHERE dataset_id = ? ORDER BY id`,
    )
    .raw(true)
    .iterate(datasetId) as IterableIterator<[string, string, number, string, number, number, number, number, number]>;
  let i = 0;
  for (const [hospitalCode, drgCode, month, pool, totalCost, patientPay, los, special, deduction] of rows) {
    columns.hospital[i] = hospitalIndex.get(hospitalCode)!;
    columns.drg[i] = drgIndex.get(drgCode) ?? NO_DRG;
    columns.month[i] = month;
    columns.pool[i] = POOL_INDEX[pool as keyof typeof POOL_INDEX];
    columns.totalCost[i] = totalCost;
    columns.patientPay[i] = patientPay;
    columns.los[i] = los;
    columns.specialReview[i] = special;
    columns.deduction[i] = deduction;
    i++;
  }
  return { hospitals: hospitalList, catalog, cases: columns };
}
