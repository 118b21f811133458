/**
 * Inputs of the settlement engine (SETTLEMENT.md §2–§5): small tables (hospitals, catalog) and the
 * cases as columns of typed arrays. Pure types: shared by the engine, the importer, the demo-city
 * generator, the server and the CLI.
 */

/** 统筹基金 — the two pools, settled separately and never mixed. Index = position in this list. */
export const POOLS = ['employee', 'resident'] as const;
export type Pool = (typeof POOLS)[number];
export const POOL_INDEX: Readonly<Record<Pool, number>> = { employee: 0, resident: 1 };

/** 医院等级 — 1 一级/乡镇, 2 二级, 3 三级. */
export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

/** ADRG type letter family: 外科 surgical, 内科 medical, 非手术室操作 procedure. */
export const DRG_TYPES = ['surgical', 'medical', 'procedure'] as const;
export type DrgType = (typeof DRG_TYPES)[number];

/** 医疗机构 — one row of the `hospitals` import (SETTLEMENT.md §5). */
export interface Hospital {
  code: string;
  name: string;
  level: Level;
  /** 机构系数 from the hospital file; null = use the round's level coefficient. */
  coefficient: number | null;
  /** 考核得分; null = no score (eval coefficient 1.0). */
  evaluationScore: number | null;
  district: string | null;
  type: string | null;
}

/** DRG 目录 — one row of the `catalog` import (SETTLEMENT.md §5). */
export interface DrgEntry {
  code: string;
  name: string;
  mdc: string;
  adrg: string | null;
  drgType: DrgType | null;
  /** 相对权重 RW; null = a DRG with no weight (its cases are ungrouped). */
  weight: number | null;
  /** 全市该DRG次均费用 (yuan). */
  benchmarkCost: number | null;
  /** 同病同价 / 基础组. */
  uniformPrice: boolean;
  /** 床日付费 — cases are excluded from DRG settlement. */
  perDiem: boolean;
}

/** Index stored in `CaseColumns.drg` for a case with an empty or unknown DRG code. */
export const NO_DRG = 0xffff;

/**
 * The cases of one data set as columns (SETTLEMENT.md §5 `cases`). 33 bytes per case.
 * `hospital` and `drg` index `SettlementData.hospitals` / `.catalog`.
 */
export interface CaseColumns {
  count: number;
  hospital: Uint16Array;
  /** index into the catalog, or NO_DRG */
  drg: Uint16Array;
  /** 1..12 */
  month: Uint8Array;
  /** POOL_INDEX */
  pool: Uint8Array;
  /** 医疗总费用 (yuan) */
  totalCost: Float64Array;
  /** 个人负担 (yuan) */
  patientPay: Float64Array;
  /** 审核扣减 (yuan) */
  deduction: Float64Array;
  /** 住院天数 */
  los: Uint16Array;
  /** 特例单议 approved: 1 */
  specialReview: Uint8Array;
}

/** What the engine settles: one data set. */
export interface SettlementData {
  hospitals: Hospital[];
  catalog: DrgEntry[];
  cases: CaseColumns;
}

/** The small tables of a data set: all the engine keeps of it besides its prepared cases. */
export type DataTables = Pick<SettlementData, 'hospitals' | 'catalog'>;

/** Cases with the identifiers the database keeps but the engine does not need. */
export interface CaseTable extends CaseColumns {
  caseId: string[];
  /** the DRG code as given ('' = ungrouped), kept even when it is not in the catalog */
  drgCode: string[];
}

/** A whole data set as imported or generated: what `saveDataset` writes. */
export interface DatasetBundle {
  hospitals: Hospital[];
  catalog: DrgEntry[];
  cases: CaseTable;
}

/** Allocates empty case columns for `count` cases. */
export function allocateCaseColumns(count: number): CaseColumns {
  return {
    count,
    hospital: new Uint16Array(count),
    drg: new Uint16Array(count),
    month: new Uint8Array(count),
    pool: new Uint8Array(count),
    totalCost: new Float64Array(count),
    patientPay: new Float64Array(count),
    deduction: new Float64Array(count),
    los: new Uint16Array(count),
    specialReview: new Uint8Array(count),
  };
}
