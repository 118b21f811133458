/**
 * 公告附件 — what the official notice of a round publishes, settled on the server from the saved round with the
 * same engine as the workbench (`settledParams`, the hospital view's cache): the DRG weights, the hospitals'
 * coefficients, each pool's point value (or rate) with its monthly values, every hospital's year-end statement,
 * and what changed against the round's parent.
 * Money stays in whole fen as the engine's report rounds it (SETTLEMENT.md §4.5); totals are sums of those fen.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { datasets, type RoundStatus } from '@/db/schema';
import { resolveRound, type ResolvedRound } from '@/worker/settlement/round';
import type { SettlementResult } from '@/worker/settlement/result';
import { POOLS, type Level, type Pool } from '@/worker/settlement/types';
import { paramsFingerprint } from '@/worker/params-fingerprint';
import { statementIndex, type PoolStatement } from '@/worker/settlement/money/hospital-statement';
import { diffRounds, type ParamChange } from '../services/round-diff';
import { DomainError } from '../services/errors';
import { getRound, listRounds, type Round } from '../services/rounds';
import { settlementData } from '../services/settlement-data';
import { settledParams } from '../services/hospital-view';
import { poolFigures, type NoticePool } from './pool-figures';
import { statementTotals, type StatementTotals } from './statement-totals';
import packageJson from '@/package.json';

/** The mark a round's notice carries on every page and sheet until the round is locked. */
export type NoticeMark = Exclude<RoundStatus, 'locked'>;

export function noticeMarkOf(status: RoundStatus): NoticeMark | null {
  return status === 'locked' ? null : status;
}

/** The engine that settled the notice's figures: the app's release (SETTLEMENT.md rules as this release has them). */
export const ENGINE_VERSION = `${packageJson.name} ${packageJson.version}`;

export interface NoticeRound {
  id: number;
  name: string;
  status: RoundStatus;
  /** paramsFingerprint: the same parameters give the same text, so a printed notice names its round */
  fingerprint: string;
}

/** DRG权重: the catalog with the round's overrides (SETTLEMENT.md §6 `weights`, `benchmark_costs`, `uniform_price_drgs`). */
export interface NoticeDrg {
  code: string;
  name: string;
  mdc: string;
  /** 相对权重 RW; null: the DRG has no weight (its cases are ungrouped) */
  weight: number | null;
  /** 次均费用 (yuan) */
  benchmarkCost: number | null;
  /** 同病同价: paid at the uniform coefficient in every hospital */
  uniformPrice: boolean;
  /** 床日付费: excluded from DRG settlement */
  perDiem: boolean;
}

/** 机构系数: the coefficient a hospital is paid at, and where it comes from. */
export interface NoticeHospital {
  code: string;
  name: string;
  level: Level;
  coefficient: number;
  /** round: the round's override; file: the hospital file's; level: its level's coefficient in the round */
  source: 'round' | 'file' | 'level';
}

/** 医院结算: one hospital's statement in one pool. */
export interface NoticeStatement {
  code: string;
  name: string;
  level: Level;
  statement: PoolStatement;
}

export interface NoticeData {
  dataset: { id: number; name: string; year: number; caseCount: number };
  round: NoticeRound & { reason: string | null; updatedAt: string; updatedBy: string; version: number };
  /** the round's ancestors and the round itself, the first round first */
  lineage: NoticeRound[];
  /** what the parameter changes are measured against: the round's parent (none for a first round) */
  parent: NoticeRound | null;
  mark: NoticeMark | null;
  /** when the notice was generated (ISO) */
  generatedAt: string;
  engineVersion: string;
  params: ResolvedRound;
  drgs: NoticeDrg[];
  hospitals: NoticeHospital[];
  /** the pools with at least one hospital settled, 职工 first */
  pools: NoticePool[];
  /** by pool, then hospital code (the order of §7) */
  statements: NoticeStatement[];
  totals: Partial<Record<Pool, StatementTotals>>;
  changes: ParamChange[];
}

/** By code in plain code-unit order, as the engine orders its report (§7). */
function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function roundRef(round: Round): NoticeRound {
  return { id: round.id, name: round.name, status: round.status, fingerprint: paramsFingerprint(round.params) };
}

/** The round's ancestors by parent, the first round first (a cycle cannot occur: a parent is older than its child). */
function lineageOf(round: Round, all: readonly Round[]): NoticeRound[] {
  const byId = new Map(all.map((r) => [r.id, r]));
  const chain: NoticeRound[] = [];
  const seen = new Set<number>();
  for (let r: Round | undefined = round; r && !seen.has(r.id); r = r.parentId ? byId.get(r.parentId) : undefined) {
    seen.add(r.id);
    chain.unshift(roundRef(r));
  }
  return chain;
}

// SETTLEMENT.md §3: the round's override, else the hospital file's coefficient, else the level's in the round
function coefficientOf(hospital: { code: string; level: Level; coefficient: number | null }, params: ResolvedRound): Pick<NoticeHospital, 'coefficient' | 'source'> {
  const override = params.hospital_coefficients[hospital.code];
  if (override !== undefined) return { coefficient: override, source: 'round' };
  if (hospital.coefficient !== null) return { coefficient: hospital.coefficient, source: 'file' };
  return { coefficient: params.level_coefficients[hospital.level], source: 'level' };
}

function statementsOf(result: SettlementResult, hospitals: ReadonlyMap<string, { name: string; level: Level }>): NoticeStatement[] {
  const index = statementIndex(result);
  const codes = [...index.keys()].sort();
  return POOLS.flatMap((pool) =>
    codes.flatMap((code) => {
      const statement = index.get(code)?.[pool];
      const hospital = hospitals.get(code);
      return statement && hospital ? [{ code, name: hospital.name, level: hospital.level, statement }] : [];
    }),
  );
}

/** The notice of round `roundId`: its tables' figures, settled now from the saved round. */
export function noticeData(db: Db, roundId: number, now: Date = new Date()): NoticeData {
  const round = getRound(db, roundId);
  const dataset = db.select().from(datasets).where(eq(datasets.id, round.datasetId)).get();
  if (!dataset) throw new DomainError('NOT_FOUND', `data set ${round.datasetId} not found`);
  const all = listRounds(db, round.datasetId);
  const parentRound = round.parentId ? all.find((r) => r.id === round.parentId) : undefined;
  const { data } = settlementData(db, round.datasetId);
  const params = resolveRound(round.params);
  // the same engine as everywhere; kept by parameters' fingerprint, so a round's XLSX, DOCX and PDF settle it once
  const result = settledParams(db, round.datasetId, round.params);
  const uniform = new Set(params.uniform_price_drgs);
  const statements = statementsOf(result, new Map(data.hospitals.map((h) => [h.code, h])));
  const pools = poolFigures(result, params);
  return {
    dataset: { id: dataset.id, name: dataset.name, year: dataset.year, caseCount: dataset.caseCount },
    round: { ...roundRef(round), reason: round.reason, updatedAt: round.updatedAt, updatedBy: round.updatedBy, version: round.version },
    lineage: lineageOf(round, all),
    parent: parentRound ? roundRef(parentRound) : null,
    mark: noticeMarkOf(round.status),
    generatedAt: now.toISOString(),
    engineVersion: ENGINE_VERSION,
    params,
    drgs: [...data.catalog].sort(byCode).map((d) => ({
      code: d.code,
      name: d.name,
      mdc: d.mdc,
      weight: params.weights[d.code] ?? d.weight,
      benchmarkCost: params.benchmark_costs[d.code] ?? d.benchmarkCost,
      uniformPrice: d.uniformPrice || uniform.has(d.code),
      perDiem: d.perDiem,
    })),
    hospitals: [...data.hospitals]
      .sort(byCode)
      .map((h) => ({ code: h.code, name: h.name, level: h.level, ...coefficientOf(h, params) })),
    pools,
    statements,
    totals: Object.fromEntries(pools.map((p) => [p.pool, statementTotals(statements.filter((s) => s.statement.pool === p.pool))])),
    changes: parentRound ? diffRounds(parentRound.params, round.params, data.catalog, data.hospitals) : [],
  };
}
