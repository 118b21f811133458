import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { datasets, hospitals } from '@/db/schema';

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
