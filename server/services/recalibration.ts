/**
 * 权重测算 on the server (ANALYSIS.md §C): a data set's recalibration from one of its rounds, cached, one DRG's
 * cost histogram, and "apply as a new draft round" — a child of the round recalibrated from, through the round
 * service (validated, audited with the options).
 *
 * Why on the server: the data set is decoded here once per version already (settlement-data.ts), its costs in
 * yuan; the browser's workers hold the engine's prepared layout, whose internals are the engine's own. Gathering
 * and sorting the used costs (≈ 0.1 s at 360 k cases) is cached per data set version and round version; every
 * option change then only re-trims the sorted costs (a few ms), and its result is cached too.
 */
import type { Db } from '@/db/client';
import {
  costHistogram,
  gatherUsedCosts,
  optionsText,
  recalibratedRoundParams,
  recalibrateUsed,
  trimBounds,
  type CostHistogram,
  type Recalibration,
  type RecalibrationOptions,
  type TrimMethod,
  type UsedCosts,
} from '@/worker/recalibration';
import { resolveRound, type ResolvedRound } from '@/worker/settlement/round';
import type { DrgEntry } from '@/worker/settlement/types';
import { DomainError } from './errors';
import { createRound, getRound, type Round } from './rounds';
import { settlementData } from './settlement-data';
import { remember } from './remember';

/** A few rounds' used costs (≈ 8 bytes per used case) and a few dozen results (≈ 100 KB each), newest last. */
const USED_KEPT = 3;
const RESULTS_KEPT = 24;

interface Cache {
  used: Map<string, UsedCosts>;
  results: Map<string, Recalibration>;
}

// On globalThis, as settlement-data.ts: every route bundle shares one cache.
const holder = globalThis as typeof globalThis & { __drgRecalibration?: Cache };
const cache = (holder.__drgRecalibration ??= { used: new Map(), results: new Map() });

interface Source {
  round: Round;
  resolved: ResolvedRound;
  catalog: DrgEntry[];
  used: UsedCosts;
  /** data set version and round version: what a result is cached under */
  key: string;
}

/** The round (of this data set) and its data set's used costs under it. */
function sourceOf(db: Db, datasetId: number, roundId: number): Source {
  const round = getRound(db, roundId);
  if (round.datasetId !== datasetId) throw new DomainError('NOT_FOUND', `round ${roundId} not found in data set ${datasetId} / 该数据集中没有轮次 ${roundId}`);
  const { version, data } = settlementData(db, datasetId);
  const key = `${datasetId}-${version}-${roundId}-${round.version}`;
  const resolved = resolveRound(round.params);
  const used = remember(cache.used, key, USED_KEPT, () => gatherUsedCosts(data, resolved));
  return { round, resolved, catalog: data.catalog, used, key };
}

export interface RoundRecalibration {
  round: Pick<Round, 'id' | 'name' | 'version' | 'status'>;
  recalibration: Recalibration;
}

function recalibrationOf(source: Source, options: RecalibrationOptions): Recalibration {
  return remember(cache.results, `${source.key}:${JSON.stringify(options)}`, RESULTS_KEPT, () => recalibrateUsed(source.used, source.catalog, source.resolved, options));
}

/** ANALYSIS.md §C for a data set from one of its rounds. */
export function computeRecalibration(db: Db, datasetId: number, roundId: number, options: RecalibrationOptions): RoundRecalibration {
  const source = sourceOf(db, datasetId, roundId);
  const { id, name, version, status } = source.round;
  return { round: { id, name, version, status }, recalibration: recalibrationOf(source, options) };
}

export interface DrgCostHistogram extends CostHistogram {
  drgCode: string;
  cases: number;
  /** the trim's bounds (null where it cuts nothing) */
  lower: number | null;
  upper: number | null;
}

const HISTOGRAM_BINS = 40;

/** One DRG's used costs in bins, kept and trimmed apart, with the trim's bounds. */
export function drgCostHistogram(db: Db, datasetId: number, roundId: number, drgCode: string, trim: TrimMethod): DrgCostHistogram {
  const { used, catalog } = sourceOf(db, datasetId, roundId);
  const d = catalog.findIndex((drg) => drg.code === drgCode);
  if (d < 0) throw new DomainError('NOT_FOUND', `DRG ${drgCode} is not in the catalog / 目录中没有 DRG ${drgCode}`);
  const from = used.start[d]!;
  const to = used.start[d + 1]!;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  if (to === from) return { drgCode, cases: 0, lower: null, upper: null, from: 0, width: 0, kept: [], trimmed: [], beyond: 0, max: 0 };
  const bounds = trimBounds(trim, used.costs, from, to);
  return { drgCode, cases: to - from, lower: finite(bounds.lower), upper: finite(bounds.upper), ...costHistogram(used.costs, from, to, bounds, HISTOGRAM_BINS) };
}

/** What a recalibrated round's reason says: the options and what they did to the city. */
export function recalibrationReason(result: Recalibration): string {
  const { summary } = result;
  const cmi = (x: number | null) => (x === null ? '—' : x.toFixed(4));
  const options = optionsText(result.options);
  return (
    `权重测算：${options}；纳入病例 ${summary.usedCases} 例，${summary.eligibleDrgs}/${summary.drgs} 组测算，CMI ${cmi(summary.cmiBefore)} → ${cmi(summary.cmiAfter)}\n` +
    `Weight recalibration: ${options}; ${summary.usedCases} cases used, ${summary.eligibleDrgs} of ${summary.drgs} DRGs recalibrated, CMI ${cmi(summary.cmiBefore)} → ${cmi(summary.cmiAfter)}`
  );
}

export interface ApplyRecalibration {
  datasetId: number;
  roundId: number;
  /** the round's version the user computed from: a round changed since is refused (CONFLICT) */
  roundVersion: number;
  options: RecalibrationOptions;
  name: string;
}

/**
 * 应用为新草稿轮次: the recalibrated weights and benchmark costs as a new draft round, child of the round they were
 * computed from, its reason naming the options; audited (the round service's create, with the options as its
 * origin).
 */
export function applyRecalibration(db: Db, actor: string, input: ApplyRecalibration): Round {
  const source = sourceOf(db, input.datasetId, input.roundId);
  if (source.round.version !== input.roundVersion) {
    throw new DomainError(
      'CONFLICT',
      `round "${source.round.name}" changed since the recalibration was computed (version ${source.round.version}, yours ${input.roundVersion}): compute it again / 轮次“${source.round.name}”在测算后已修改，请重新测算`,
    );
  }
  const result = recalibrationOf(source, input.options);
  return createRound(db, actor, {
    datasetId: input.datasetId,
    name: input.name,
    reason: recalibrationReason(result),
    parentId: input.roundId,
    params: recalibratedRoundParams(source.round.params, result),
    origin: { kind: 'recalibration', options: optionsText(input.options), fromVersion: source.round.version, summary: result.summary },
  });
}
