/**
 * 本院视图 — what a hospital representative may see, settled on the server with the same engine (the browser's
 * settlement needs every case of every hospital, which never leaves the server for this role) and cut down before
 * it leaves: the city's totals and point values, its own hospital in full (statement, monthly pre-payments, DRGs
 * ranked by change), and its level's total only when the level has at least 3 other hospitals. Rounds from
 * 'proposed' on; never drafts, never other hospitals' coefficients or scores.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rounds, type RoundStatus } from '@/db/schema';
import { paramsFingerprint } from '@/worker/params-fingerprint';
import type { SettlementResult } from '@/worker/settlement/result';
import type { RoundParams } from '@/worker/settlement/round';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { hospitalStatements, type PoolStatement } from '@/worker/settlement/money/hospital-statement';
import { monthlyPrepayments, type MonthRow } from '@/worker/settlement/money/monthly-prepayments';
import { drgChanges, type DrgChange } from '@/app/workbench/hospital/hospital-detail';
import { DomainError } from './errors';
import { hospitalOutlierCases } from './hospital-cases';
import type { OutlierQuery } from './outlier-query';
import { getRound, type Round } from './rounds';
import { settlementData } from './settlement-data';
import { keptEngine } from './kept-engine';
import { remember } from './remember';

/** a level's total is shown only over at least this many other hospitals (no one hospital can be read off it) */
export const LEVEL_MIN_OTHERS = 3;
/** the DRGs listed: the largest gains and losses */
const DRG_LIMIT = 40;

export interface VisibleRound {
  id: number;
  name: string;
  status: RoundStatus;
  parentId: number | null;
  createdAt: string;
}

/** The rounds of a data set a viewer may open: a hospital user's from 'proposed' on, without their parameters. */
export function visibleRounds(db: Db, datasetId: number, hospitalUser: boolean): VisibleRound[] {
  settlementData(db, datasetId); // 404 for an unknown data set (and its columns decoded for the comparison to come)
  const where = hospitalUser ? and(eq(rounds.datasetId, datasetId), ne(rounds.status, 'draft')) : eq(rounds.datasetId, datasetId);
  return db
    .select({ id: rounds.id, name: rounds.name, status: rounds.status, parentId: rounds.parentId, createdAt: rounds.createdAt })
    .from(rounds)
    .where(where)
    .orderBy(rounds.id)
    .all();
}

// settled parameters, by data set version and the parameters' fingerprint (a few: each holds the city's
// hospital × DRG cells); saved rounds and unsaved parameters (a hospital's request, a live session) share it
const holder = globalThis as typeof globalThis & { __drgHospitalView?: Map<string, SettlementResult> };
const settled = (holder.__drgHospitalView ??= new Map());
const CACHE_SIZE = 6;

/** The year settled under `params` on the server, cached by data set version and parameters' fingerprint. */
export function settledParams(db: Db, datasetId: number, params: RoundParams): SettlementResult {
  const { version } = settlementData(db, datasetId);
  // on the data set's kept engine: a live session's edit or a request's change is priced on kept classes
  return remember(settled, `${datasetId}:${version}:${paramsFingerprint(params)}`, CACHE_SIZE, () => keptEngine(db, datasetId).settle(params));
}

export interface CityFigures {
  method: 'points' | 'rate';
  basis: 'total' | 'fund';
  /** 点值 per pool (点数法) */
  pointValue: Partial<Record<Pool, number>>;
  budgetFen: number;
  settlementFen: number;
  fundPaymentFen: number;
  hospitals: number;
}

export interface HospitalComparison {
  hospital: { code: string; name: string; level: number };
  /** `fingerprint`: of the round's parameters (the exports name it; the parameters themselves stay here) */
  baseline: { id: number; name: string; fingerprint: string; city: CityFigures; statements: PoolStatement[] };
  round: { id: number; name: string; fingerprint: string; city: CityFigures; statements: PoolStatement[]; months: MonthRow[] };
  drgs: (DrgChange & { name: string })[];
  /** Σ settlement change of the hospital's level (whole fen), or null below LEVEL_MIN_OTHERS other hospitals */
  level: { level: number; hospitals: number; baselineFen: number; roundFen: number } | null;
}

function cityFigures(result: SettlementResult, params: Round['params']): CityFigures {
  const method = params.method;
  const pointValue: Partial<Record<Pool, number>> = {};
  let budgetFen = 0;
  let settlementFen = 0;
  let fundPaymentFen = 0;
  result.pools.forEach((pool) => {
    if (method === 'points') pointValue[pool.pool] = pool.pointValue;
    budgetFen += pool.budgetFen;
    settlementFen += pool.settlementFen;
    fundPaymentFen += pool.fundPaymentFen;
  });
  return { method, basis: params.point_value_basis ?? 'total', pointValue, budgetFen, settlementFen, fundPaymentFen, hospitals: result.hospitalCodes.length };
}

/** Σ settlement (fen) of the hospitals of one level, and how many have cases. */
function levelTotal(result: SettlementResult, levels: Map<string, number>, level: number): { fen: number; hospitals: number } {
  const H = result.hospitalCodes.length;
  let fen = 0;
  const seen = new Set<number>();
  POOLS.forEach((_, p) => {
    result.hospitalCodes.forEach((code, h) => {
      const row = p * H + h;
      if (levels.get(code) !== level || result.rows.hasCases[row] !== 1) return;
      fen += result.rounded.settlement[row]!;
      seen.add(h);
    });
  });
  return { fen, hospitals: seen.size };
}

/** A round of the data set a viewer may open (NOT_FOUND otherwise): never a draft for a hospital user. */
export function openRound(db: Db, id: number, datasetId: number, hospitalUser: boolean): Round {
  const round = getRound(db, id);
  // a draft is the bureau's working copy: to a hospital user it does not exist
  if (round.datasetId !== datasetId || (hospitalUser && round.status === 'draft')) throw new DomainError('NOT_FOUND', `round ${id} not found`);
  return round;
}

/** A page of the hospital's outlier cases under a round it may see (the round's parameters stay on the server). */
export function hospitalRoundCases(
  db: Db,
  input: { datasetId: number; roundId: number; hospitalCode: string; hospitalUser: boolean; query: OutlierQuery },
) {
  const round = openRound(db, input.roundId, input.datasetId, input.hospitalUser);
  return hospitalOutlierCases(db, input.datasetId, round.params, input.hospitalCode, input.query);
}

export function hospitalComparison(
  db: Db,
  input: { datasetId: number; baselineId: number; roundId: number; hospitalCode: string; hospitalUser: boolean },
): HospitalComparison {
  const baselineRound = openRound(db, input.baselineId, input.datasetId, input.hospitalUser);
  const round = openRound(db, input.roundId, input.datasetId, input.hospitalUser);
  return hospitalComparisonOf(db, { datasetId: input.datasetId, hospitalCode: input.hospitalCode, baseline: baselineRound, round });
}

/** A side of the hospital view's comparison: a saved round, or unsaved parameters under a round's id and a name. */
export interface ComparedParams {
  id: number;
  name: string;
  params: RoundParams;
}

/**
 * One hospital's comparison of two sets of parameters, settled on the server and cut to that hospital and the
 * city's totals. The caller has checked that the viewer may see both sides (a hospital user: never a draft).
 */
export function hospitalComparisonOf(
  db: Db,
  input: { datasetId: number; hospitalCode: string; baseline: ComparedParams; round: ComparedParams },
): HospitalComparison {
  const cut = hospitalComparisonsOf(db, { datasetId: input.datasetId, hospitalCodes: [input.hospitalCode], baseline: input.baseline, round: input.round });
  const comparison = cut.get(input.hospitalCode);
  if (!comparison) throw new DomainError('NOT_FOUND', `hospital ${input.hospitalCode} is not in data set ${input.datasetId}`);
  return comparison;
}

/**
 * The same comparison for several hospitals at once (a live session's hospital followers): both sides settled,
 * fingerprinted and totalled once, then cut per hospital. Hospitals not in the data set are left out.
 */
export function hospitalComparisonsOf(
  db: Db,
  input: { datasetId: number; hospitalCodes: readonly string[]; baseline: ComparedParams; round: ComparedParams },
): Map<string, HospitalComparison> {
  const { data } = settlementData(db, input.datasetId);
  const { baseline: baselineRound, round } = input;
  const before = settledParams(db, input.datasetId, baselineRound.params);
  const after = settledParams(db, input.datasetId, round.params);
  const byCode = new Map(data.hospitals.map((h) => [h.code, h]));
  const levels = new Map(data.hospitals.map((h) => [h.code, h.level as number]));
  const levelTotals = new Map<number, { before: ReturnType<typeof levelTotal>; after: ReturnType<typeof levelTotal> }>();
  const drgNames = new Map(data.catalog.map((c) => [c.code, c.name]));
  const baselineSide = { id: baselineRound.id, name: baselineRound.name, fingerprint: paramsFingerprint(baselineRound.params), city: cityFigures(before, baselineRound.params) };
  const roundSide = { id: round.id, name: round.name, fingerprint: paramsFingerprint(round.params), city: cityFigures(after, round.params) };
  const out = new Map<string, HospitalComparison>();
  for (const code of input.hospitalCodes) {
    const hospital = byCode.get(code);
    if (!hospital) continue;
    let level = levelTotals.get(hospital.level);
    if (!level) levelTotals.set(hospital.level, (level = { before: levelTotal(before, levels, hospital.level), after: levelTotal(after, levels, hospital.level) }));
    const drgs = drgChanges(before, after, hospital.code)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
      .slice(0, DRG_LIMIT)
      .map((d) => ({ ...d, name: drgNames.get(d.code) ?? '' }));
    out.set(code, {
      hospital: { code: hospital.code, name: hospital.name, level: hospital.level },
      baseline: { ...baselineSide, statements: hospitalStatements(before, hospital.code) },
      round: { ...roundSide, statements: hospitalStatements(after, hospital.code), months: POOLS.flatMap((pool) => monthlyPrepayments(after, hospital.code, pool)) },
      drgs,
      level:
        level.after.hospitals - 1 >= LEVEL_MIN_OTHERS
          ? { level: hospital.level, hospitals: level.after.hospitals, baselineFen: level.before.fen, roundFen: level.after.fen }
          : null,
    });
  }
  return out;
}
