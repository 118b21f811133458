/**
 * 现场谈判 — the live session's wire protocol: what the presenter posts, what the event stream sends, and the
 * limits. Pure (zod and types): the routes, the store and the pages read the same definitions. docs/live-session.md
 * describes the protocol as a whole.
 */
import { z } from 'zod';
import type { RoundStatus } from '@/db/schema';
import type { RoundParams } from '@/worker/settlement/round';
import type { HospitalComparison } from '@/server/services/hospital-view';

export const LIVE_LIMITS = {
  /** a posted body (a whole round's parameters fit many times over) */
  maxBodyBytes: 512 * 1024,
  /** sessions running at once on one server */
  maxSessions: 50,
  /** event streams open on one session (the panel, the bureau's staff and up to 170 hospitals) */
  maxFollowers: 400,
  /** rounds compared beside the presented one (the workbench's MAX_EXTRA_ROUNDS) */
  maxCompared: 3,
  /** a comment line this often keeps proxies from closing a quiet stream, and finds dead connections */
  heartbeatMs: 15_000,
  /** the browser's wait before it reconnects a dropped stream */
  retryMs: 1_000,
  /** a session whose presenter has not posted this long is ended */
  idleMs: 4 * 60 * 60 * 1000,
  /** an ended session still answers "ended" this long, then 404 */
  endedKeepMs: 10 * 60 * 1000,
  /** a follower whose connection has this much unsent is cut off: it reconnects to the current state */
  maxUnsentBytes: 2 * 1024 * 1024,
  /** an undo label as relayed */
  maxLabelLength: 200,
} as const;

const id = z.number().int().positive();
const label = z.string().max(LIVE_LIMITS.maxLabelLength).regex(/^[^\u0000-\u001f]*$/, 'no control characters');

/** What a change was, as the followers are told it (the label is the undo history's, e.g. 二级系数 0.9 → 0.85). */
export const CHANGE_KINDS = ['start', 'edit', 'undo', 'redo', 'saved', 'rounds', 'handover'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The rounds the presenter shows: the presented (edited) round, the baseline, and up to 3 compared beside them. */
const roundsShown = {
  roundId: id,
  baselineId: id,
  compareIds: z.array(id).max(LIVE_LIMITS.maxCompared),
};

/** POST /api/live: start presenting. */
export const startBody = z.object({ datasetId: id, ...roundsShown, params: z.unknown(), dirty: z.boolean() }).strict();
export type StartBody = z.infer<typeof startBody>;

/**
 * POST /api/live/:id {type:'state'}: the presenter's state after a change. `seq` counts the presenter's posts
 * (strictly rising: a late or repeated post is refused); the parameters come whole, or as a leaf-path patch
 * (worker/settlement/params-patch.ts) of the session's `version` named in `base` (another base: 409, send them whole).
 */
export const stateBody = z
  .object({
    type: z.literal('state'),
    seq: z.number().int().min(1),
    base: z.number().int().min(0).optional(),
    patch: z.record(z.string().max(200), z.unknown()).optional(),
    params: z.unknown().optional(),
    ...roundsShown,
    dirty: z.boolean(),
    canUndo: z.boolean(),
    canRedo: z.boolean(),
    change: z.object({ kind: z.enum(CHANGE_KINDS), label: label.nullable() }).strict(),
  })
  .strict()
  .refine((b) => (b.patch !== undefined) !== (b.params !== undefined), 'send either params or patch')
  .refine((b) => b.patch === undefined || b.base !== undefined, 'a patch names its base version');
export type StateBody = z.infer<typeof stateBody>;

export const actionBody = z.union([
  stateBody,
  z.object({ type: z.literal('handover'), to: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal('end') }).strict(),
]);
export type ActionBody = z.infer<typeof actionBody>;

export interface RoundRef {
  id: number;
  name: string;
}

/** What every follower is told of the session (nothing in it names a hospital but the round names). */
export interface LiveMeta {
  id: string;
  /** raised by every change; the event stream's `id:` */
  version: number;
  presenter: string;
  datasetId: number;
  round: RoundRef & { status: RoundStatus };
  baseline: RoundRef;
  compared: RoundRef[];
  /** the presented round has edits not saved */
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** the last change; its label only to the bureau's side (a hospital coefficient's label names the hospital) */
  change: { kind: ChangeKind; label: string | null };
  startedAt: string;
  ended: boolean;
}

/**
 * Event `state` to the bureau's side: the meta and the parameters, whole (`params`: the first event of a stream,
 * and after a reconnect: the presenter's current state, not a replay) or as a patch of version `base`.
 */
export interface BureauStateEvent {
  meta: LiveMeta;
  params?: RoundParams;
  base?: number;
  patch?: Record<string, unknown>;
}

/** Event `state` to a hospital user: the meta without labels, and no parameters (they hold every hospital's coefficients). */
export interface HospitalStateEvent {
  meta: LiveMeta;
}

/** The DRGs of a hospital follower's figures: those whose revenue moved most. */
export const LIVE_DRG_LIMIT = 10;

/**
 * A hospital follower's figures: the hospital view's cut (its own statements, the city's totals and point values,
 * its level's total over enough others) with its LIVE_DRG_LIMIT DRGs that moved most, without the monthly
 * pre-payments (a session is about the year's figures; 170 of these go out at every change).
 */
export type LiveHospitalFigures = Omit<HospitalComparison, 'round'> & { round: Omit<HospitalComparison['round'], 'months'> };

/**
 * Event `figures` to a hospital user: its own hospital and the city's totals, baseline vs the presenter's current
 * parameters, settled once on the server per change; `version` is the change they are of.
 */
export interface HospitalFiguresEvent {
  version: number;
  figures: LiveHospitalFigures | null;
  error: { zh: string; en: string } | null;
}

/** Event `followers`: who follows. The usernames only to the bureau's side. */
export interface FollowersEvent {
  total: number;
  hospitals: number;
  bureau: string[] | null;
}

/** Event `end`: the presenter ended the session (or it was idle too long). */
export interface EndEvent {
  reason: 'ended' | 'idle';
}

export type LiveRole = 'bureau' | 'hospital';

/** A refusal's body: what and why, in Chinese and English. */
export interface LiveError {
  error: { zh: string; en: string };
}
