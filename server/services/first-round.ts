/**
 * The first round of a data set that has none (an import brings cases, not rounds): either the rules of
 * SETTLEMENT.md §2–§6 at their defaults, or a copy of a round of another data set, fitted to this one's hospitals
 * and DRGs (round-fit.ts). Planned first (what the page shows before anything is written), then created through
 * the rounds service, audited like every round.
 */
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cases, datasets, drgs, hospitals } from '@/db/schema';
import { DEFAULTS, type RoundParams } from '@/worker/settlement/round';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { createRound, getRound, listRounds, type Round } from './rounds';
import { fitRoundToDataset, type DroppedOverride } from './round-fit';
import { DomainError } from './errors';

export type FirstRoundSource = { kind: 'defaults' } | { kind: 'copy'; roundId: number };

export interface FirstRoundPlan {
  params: RoundParams;
  /** overrides of the copied round that name a hospital or DRG this data set does not have */
  dropped: DroppedOverride[];
}

/** The rules written out at their §2–§6 defaults, so that the round records what it settles with. */
const DEFAULT_RULE_KEYS = [
  'base_points', 'point_value_basis', 'monthly_point_value', 'prepay_ratio', 'level_coefficients', 'uniform_coefficient',
  'high_bands', 'high_extra_ratio', 'high_extra_times_coef', 'low_multiple', 'low_times_coef', 'ungrouped_ratio',
  'exclude_los_max', 'exclude_los_min', 'reserve_ratio', 'sharing_bands', 'surplus_cap', 'eval_bands',
] as const satisfies readonly (keyof typeof DEFAULTS)[];

/** 1 万元 in fen */
const FEN_PER_WAN = 1_000_000;

function datasetOrThrow(db: Db, datasetId: number) {
  const row = db.select({ id: datasets.id, name: datasets.name }).from(datasets).where(and(eq(datasets.id, datasetId), eq(datasets.state, 'ready'))).get();
  if (!row) throw new DomainError('NOT_FOUND', `data set ${datasetId} not found`);
  return row;
}

/**
 * 统筹基金预算 per pool: the year's fund spending (total cost − patient pay, in whole fen) on the cases DRG
 * settlement pays under the default rules (§2: stays within the LOS limits, no per-diem DRG), rounded up to the
 * 万元. §6's default budget of 0 would settle every case at a point value of 0; a bureau budgets its spending.
 */
export function fundSpendingBudget(db: Db, datasetId: number): Partial<Record<Pool, number>> {
  const rows = db
    .select({ pool: cases.pool, fen: sql<number>`sum(round((${cases.totalCost} - ${cases.patientPay}) * 100))` })
    .from(cases)
    .leftJoin(drgs, and(eq(drgs.datasetId, cases.datasetId), eq(drgs.code, cases.drgCode)))
    .where(
      and(
        eq(cases.datasetId, datasetId),
        gt(cases.los, DEFAULTS.exclude_los_max),
        lt(cases.los, DEFAULTS.exclude_los_min),
        sql`coalesce(${drgs.perDiem}, 0) = 0`,
      ),
    )
    .groupBy(cases.pool)
    .all();
  const budget: Partial<Record<Pool, number>> = {};
  for (const { pool, fen } of rows) {
    if ((POOLS as readonly string[]).includes(pool) && fen > 0) budget[pool as Pool] = (Math.ceil(fen / FEN_PER_WAN) * FEN_PER_WAN) / 100;
  }
  return budget;
}

function defaultRound(db: Db, datasetId: number): RoundParams {
  const rules = Object.fromEntries(DEFAULT_RULE_KEYS.map((key) => [key, structuredClone(DEFAULTS[key])]));
  return { method: 'points', ...rules, budget: fundSpendingBudget(db, datasetId) } as RoundParams;
}

function datasetCodes(db: Db, datasetId: number) {
  const codes = (rows: { code: string }[]) => new Set(rows.map((r) => r.code));
  return {
    hospitals: codes(db.select({ code: hospitals.code }).from(hospitals).where(eq(hospitals.datasetId, datasetId)).all()),
    drgs: codes(db.select({ code: drgs.code }).from(drgs).where(eq(drgs.datasetId, datasetId)).all()),
  };
}

/** What the first round of `datasetId` would hold, written nowhere. */
export function planFirstRound(db: Db, datasetId: number, source: FirstRoundSource): FirstRoundPlan {
  datasetOrThrow(db, datasetId);
  if (source.kind === 'defaults') return { params: defaultRound(db, datasetId), dropped: [] };
  const copied = getRound(db, source.roundId);
  if (copied.datasetId === datasetId) throw new DomainError('INVALID', `round ${copied.id} already belongs to this data set`);
  return fitRoundToDataset(copied.params, datasetCodes(db, datasetId));
}

export interface NewFirstRound {
  datasetId: number;
  name: string;
  reason?: string | null;
  source: FirstRoundSource;
}

/** 建立第一轮: only for a data set without rounds (later rounds are children of a round of their own data set). */
export function createFirstRound(db: Db, actor: string, input: NewFirstRound): { round: Round; dropped: DroppedOverride[] } {
  return db.transaction(() => {
    const dataset = datasetOrThrow(db, input.datasetId);
    if (listRounds(db, input.datasetId).length > 0) {
      throw new DomainError('CONFLICT', `data set "${dataset.name}" already has rounds: start a new round from one of them`);
    }
    const plan = planFirstRound(db, input.datasetId, input.source);
    const origin = input.source.kind === 'defaults' ? { from: 'defaults' } : { from: 'copy', roundId: input.source.roundId, dropped: plan.dropped };
    const round = createRound(db, actor, { datasetId: input.datasetId, name: input.name, reason: input.reason ?? null, params: plan.params, origin });
    return { round, dropped: plan.dropped };
  });
}
