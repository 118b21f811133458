import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { datasets, drgs, hospitals } from '@/db/schema';

export function listDatasets(db: Db) {
  return db.select().from(datasets).orderBy(desc(datasets.id)).all();
}

export function getDatasetSummary(db: Db, datasetId: number) {
  return db.select().from(datasets).where(eq(datasets.id, datasetId)).get() ?? null;
}

export interface HospitalTotal {
  code: string;
  name: string;
  level: number;
  type: string | null;
  district: string | null;
  coefficient: number | null;
  evaluationScore: number | null;
  cases: number;
  totalCost: number;
}

/** Each hospital of a data set with its number of cases and their total cost (医疗总费用). */
export function hospitalTotals(db: Db, datasetId: number): HospitalTotal[] {
  const totals = new Map<string, { cases: number; totalCost: number }>();
  const rows = db.$client
    .prepare(
      `SELECT hospital_code AS code, count(*) AS cases, sum(total_cost) AS totalCost
       FROM cases WHERE dataset_id = ? GROUP BY hospital_code`,
    )
    .all(datasetId) as { code: string; cases: number; totalCost: number }[];
  for (const r of rows) totals.set(r.code, { cases: r.cases, totalCost: r.totalCost });
  return db
    .select()
    .from(hospitals)
    .where(eq(hospitals.datasetId, datasetId))
    .orderBy(asc(hospitals.position))
    .all()
    .map((h) => ({
      code: h.code,
      name: h.name,
      level: h.level,
      type: h.type,
      district: h.district,
      coefficient: h.coefficient,
      evaluationScore: h.evaluationScore,
      cases: totals.get(h.code)?.cases ?? 0,
      totalCost: totals.get(h.code)?.totalCost ?? 0,
    }));
}

export interface CatalogEntryWithVolume {
  code: string;
  name: string;
  mdc: string;
  adrg: string | null;
  drgType: string | null;
  weight: number | null;
  benchmarkCost: number | null;
  uniformPrice: boolean;
  perDiem: boolean;
  /** cases of the data set grouped into this DRG */
  cases: number;
}

/** The DRG catalog of a data set (catalog order) with each DRG's number of cases. */
export function catalogWithVolume(db: Db, datasetId: number): CatalogEntryWithVolume[] {
  const counts = new Map(
    (
      db.$client
        .prepare(`SELECT drg_code AS code, count(*) AS n FROM cases WHERE dataset_id = ? GROUP BY drg_code`)
        .all(datasetId) as { code: string; n: number }[]
    ).map((r) => [r.code, r.n]),
  );
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
      drgType: d.drgType,
      weight: d.weight,
      benchmarkCost: d.benchmarkCost,
      uniformPrice: d.uniformPrice,
      perDiem: d.perDiem,
      cases: counts.get(d.code) ?? 0,
    }));
}
