import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { datasets } from '@/db/schema';
import { NO_DRG, type SettlementData } from '@/worker/settlement/types';
import { settlementData } from './settlement-data';

export function listDatasets(db: Db) {
  return db.select().from(datasets).where(eq(datasets.state, 'ready')).orderBy(desc(datasets.id)).all();
}

export function getDatasetSummary(db: Db, datasetId: number) {
  return db.select().from(datasets).where(and(eq(datasets.id, datasetId), eq(datasets.state, 'ready'))).get() ?? null;
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

/**
 * Case counts and costs per hospital and per DRG, from the data set's cached columns (settlement-data.ts) rather
 * than a GROUP BY over the cases table: at 1 M cases the query held the server for ~1.5 s on every page load,
 * while the columns are in memory anyway for the workbench. Costs are added in whole fen, so the totals do not
 * depend on case order. Cached with the columns, per data set version.
 */
interface Volumes {
  data: SettlementData;
  hospitalCases: Float64Array;
  hospitalCostFen: Float64Array;
  drgCases: Float64Array;
}

const volumeCache = new WeakMap<SettlementData, Volumes>();

function volumesOf(db: Db, datasetId: number): Volumes {
  const { data } = settlementData(db, datasetId);
  const hit = volumeCache.get(data);
  if (hit) return hit;
  const { hospital, drg, totalCost, count } = data.cases;
  const hospitalCases = new Float64Array(data.hospitals.length);
  const hospitalCostFen = new Float64Array(data.hospitals.length);
  const drgCases = new Float64Array(data.catalog.length);
  for (let i = 0; i < count; i++) {
    const h = hospital[i]!;
    hospitalCases[h]!++;
    hospitalCostFen[h]! += Math.round(totalCost[i]! * 100);
    const d = drg[i]!;
    if (d !== NO_DRG) drgCases[d]!++;
  }
  const volumes = { data, hospitalCases, hospitalCostFen, drgCases };
  volumeCache.set(data, volumes);
  return volumes;
}

/** Each hospital of a data set (file order) with its number of cases and their total cost (医疗总费用). */
export function hospitalTotals(db: Db, datasetId: number): HospitalTotal[] {
  const { data, hospitalCases, hospitalCostFen } = volumesOf(db, datasetId);
  return data.hospitals.map((h, i) => ({
    code: h.code,
    name: h.name,
    level: h.level,
    type: h.type,
    district: h.district,
    coefficient: h.coefficient,
    evaluationScore: h.evaluationScore,
    cases: hospitalCases[i]!,
    totalCost: hospitalCostFen[i]! / 100,
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
  const { data, drgCases } = volumesOf(db, datasetId);
  return data.catalog.map((d, i) => ({
    code: d.code,
    name: d.name,
    mdc: d.mdc,
    adrg: d.adrg,
    drgType: d.drgType,
    weight: d.weight,
    benchmarkCost: d.benchmarkCost,
    uniformPrice: d.uniformPrice,
    perDiem: d.perDiem,
    cases: drgCases[i]!,
  }));
}
