/**
 * Small hand-made cities for the rule tests: a few hospitals, DRGs and cases written as plain rows, turned into
 * the engine's `SettlementData` (for `settle`) or into the three §5 CSV files (for the settle CLI), so one
 * fixture checks both paths.
 */
import { allocateCaseColumns, NO_DRG, POOL_INDEX, type DrgEntry, type Hospital, type Level, type Pool, type SettlementData } from '../types';

export interface HandHospital {
  code: string;
  level: Level;
  /** 机构系数 of the hospital file (default none) */
  coefficient?: number | null;
  /** 考核得分 (default none) */
  score?: number | null;
}

export interface HandDrg {
  code: string;
  /** null = a DRG with no weight */
  weight: number | null;
  benchmark: number | null;
  uniformPrice?: boolean;
  perDiem?: boolean;
}

export interface HandCase {
  hospital: string;
  /** '' or a code not in the catalog = ungrouped */
  drg: string;
  cost: number;
  /** default 0 */
  pay?: number;
  /** default 1 */
  month?: number;
  /** default employee */
  pool?: Pool;
  /** default 10 days (paid) */
  los?: number;
  special?: boolean;
  deduction?: number;
}

export interface HandCity {
  hospitals: HandHospital[];
  catalog: HandDrg[];
  cases: HandCase[];
}

function hospitalOf(h: HandHospital): Hospital {
  return {
    code: h.code,
    name: `Hospital ${h.code}`,
    level: h.level,
    coefficient: h.coefficient ?? null,
    evaluationScore: h.score ?? null,
    district: null,
    type: null,
  };
}

function drgOf(d: HandDrg): DrgEntry {
  return {
    code: d.code,
    name: `DRG ${d.code}`,
    mdc: 'MDCX',
    adrg: null,
    drgType: null,
    weight: d.weight,
    benchmarkCost: d.benchmark,
    uniformPrice: d.uniformPrice ?? false,
    perDiem: d.perDiem ?? false,
  };
}

/** The city as the engine's input (cases in the order given). */
export function handData(city: HandCity): SettlementData {
  const hospitals = city.hospitals.map(hospitalOf);
  const catalog = city.catalog.map(drgOf);
  const hospitalIndex = new Map(hospitals.map((h, i) => [h.code, i]));
  const drgIndex = new Map(catalog.map((d, i) => [d.code, i]));
  const cases = allocateCaseColumns(city.cases.length);
  city.cases.forEach((c, i) => {
    const h = hospitalIndex.get(c.hospital);
    if (h === undefined) throw new Error(`hand city: unknown hospital ${c.hospital}`);
    cases.hospital[i] = h;
    cases.drg[i] = drgIndex.get(c.drg) ?? NO_DRG;
    cases.month[i] = c.month ?? 1;
    cases.pool[i] = POOL_INDEX[c.pool ?? 'employee'];
    cases.totalCost[i] = c.cost;
    cases.patientPay[i] = c.pay ?? 0;
    cases.deduction[i] = c.deduction ?? 0;
    cases.los[i] = c.los ?? 10;
    cases.specialReview[i] = c.special ? 1 : 0;
  });
  return { hospitals, catalog, cases };
}

const cell = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const flag = (value: boolean | undefined) => (value ? '1' : '0');

/** The city as the three §5 CSV files. */
export function handCsv(city: HandCity): { hospitals: string; catalog: string; cases: string } {
  const hospitals = [
    'hospital_code,name,level,coefficient,evaluation_score',
    ...city.hospitals.map((h) => [h.code, `Hospital ${h.code}`, h.level, cell(h.coefficient), cell(h.score)].join(',')),
  ];
  const catalog = [
    'drg_code,name,mdc,weight,benchmark_cost,uniform_price,per_diem',
    ...city.catalog.map((d) => [d.code, `DRG ${d.code}`, 'MDCX', cell(d.weight), cell(d.benchmark), flag(d.uniformPrice), flag(d.perDiem)].join(',')),
  ];
  const cases = [
    'case_id,hospital_code,drg_code,month,pool,total_cost,patient_pay,los,special_review,deduction',
    ...city.cases.map((c, i) =>
      [`C${i + 1}`, c.hospital, c.drg, c.month ?? 1, c.pool ?? 'employee', c.cost, c.pay ?? 0, c.los ?? 10, flag(c.special), c.deduction ?? 0].join(','),
    ),
  ];
  return { hospitals: `${hospitals.join('\n')}\n`, catalog: `${catalog.join('\n')}\n`, cases: `${cases.join('\n')}\n` };
}
