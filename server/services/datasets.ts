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

/**
 * Writes a whole data set in one transaction: the one path shared by the seed, the import CLI and the
 * upload page. Nothing is written if any insert fails (e.g. a duplicate name).
 */
export function saveDataset(db: Db, meta: DatasetMeta, bundle: DatasetBundle, onProgress?: ProgressFn): number {
  const sqlite = db.$client;
  const insertCase = sqlite.prepare(
    `INSERT INTO cases (dataset_id, case_id, hospital_code, drg_code, month, pool, total_cost, patient_pay, los, special_review, deduction)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const c = bundle.cases;
  const pools = POOLS.filter((_, p) => c.pool.includes(p));
  const write = sqlite.transaction((): number => {
    const [row] = db
      .insert(datasets)
      .values({
        name: meta.name,
        year: meta.year,
        notes: meta.notes ?? null,
        pools,
        caseCount: c.count,
        createdAt: new Date().toISOString(),
      })
      .returning({ id: datasets.id })
      .all();
    const datasetId = row!.id;
    insertHospitals(db, datasetId, bundle.hospitals);
    insertCatalog(db, datasetId, bundle.catalog);
    for (let i = 0; i < c.count; i++) {
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
      if (onProgress && (i + 1) % CASE_BATCH === 0) onProgress(i + 1, c.count);
    }
    onProgress?.(c.count, c.count);
    return datasetId;
  });
  return write();
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
