import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { datasets, hospitalRequests, ROUND_STATUSES, rounds, type RoundRow, type RoundStatus } from '@/db/schema';
import { parseRoundParams, type RoundParams } from '@/worker/settlement/round';
import { applyParamsPatch } from '@/worker/settlement/params-patch';
import { recordAudit } from './audit';
import { DomainError } from './errors';

export interface Round extends Omit<RoundRow, 'params'> {
  params: RoundParams;
}

/** Which status may follow which: forward one step, or back one step to reopen; locked is final. */
const NEXT_STATUSES: Record<RoundStatus, readonly RoundStatus[]> = {
  draft: ['proposed'],
  proposed: ['draft', 'agreed'],
  agreed: ['proposed', 'locked'],
  locked: [],
};

function toRound(row: RoundRow): Round {
  return { ...row, params: row.params as RoundParams };
}

/** Validates round parameters (SETTLEMENT.md §6) before anything is written: no partial rounds. */
export function validateParams(json: unknown): RoundParams {
  const parsed = parseRoundParams(json);
  if (!parsed.ok) {
    const text = parsed.errors.map((e) => `${e.path}: ${e.reason}`).join('; ');
    throw new DomainError('INVALID', `invalid round parameters — ${text}`, parsed.errors);
  }
  return parsed.params;
}

export function listRounds(db: Db, datasetId: number): Round[] {
  if (!db.select({ id: datasets.id }).from(datasets).where(and(eq(datasets.id, datasetId), eq(datasets.state, 'ready'))).get()) throw new DomainError('NOT_FOUND', `data set ${datasetId} not found`);
  return db.select().from(rounds).where(eq(rounds.datasetId, datasetId)).orderBy(asc(rounds.id)).all().map(toRound);
}

export function getRound(db: Db, id: number): Round {
  const row = db.select().from(rounds).where(eq(rounds.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', `round ${id} not found`);
  return toRound(row);
}

export interface NewRound {
  datasetId: number;
  name: string;
  reason?: string | null;
  /** the parent round: the child starts from a copy of its parameters */
  parentId?: number | null;
  /** parameters; defaults to the parent's */
  params?: unknown;
  status?: RoundStatus;
  /** where the parameters came from, recorded in the audit log (a first round: defaults, or a copied round) */
  origin?: Record<string, unknown>;
  /** what the round's history should say of the edits it was made with (formula edits), into the audit entry */
  notes?: readonly string[];
}

export function createRound(db: Db, actor: string, input: NewRound): Round {
  return db.transaction(() => {
    if (!db.select({ id: datasets.id }).from(datasets).where(and(eq(datasets.id, input.datasetId), eq(datasets.state, 'ready'))).get()) {
      throw new DomainError('NOT_FOUND', `data set ${input.datasetId} not found`);
    }
    const parent = input.parentId ? getRound(db, input.parentId) : null;
    if (parent && parent.datasetId !== input.datasetId) {
      throw new DomainError('INVALID', `round ${parent.id} belongs to another data set`);
    }
    const params = validateParams(input.params ?? parent?.params);
    const now = new Date().toISOString();
    const row = db
      .insert(rounds)
      .values({
        datasetId: input.datasetId,
        name: input.name.trim(),
        reason: input.reason ?? null,
        parentId: parent?.id ?? null,
        status: input.status ?? 'draft',
        params: params as Record<string, unknown>,
        createdBy: actor,
        createdAt: now,
        updatedBy: actor,
        updatedAt: now,
      })
      .returning()
      .get();
    recordAudit(db, { actor, action: 'create', entity: 'round', entityId: row.id, detail: { name: row.name, parentId: row.parentId, ...(input.origin ? { origin: input.origin } : {}), ...(input.notes?.length ? { notes: input.notes } : {}) } });
    return toRound(row);
  });
}

export interface RoundPatch {
  name?: string;
  reason?: string | null;
  params?: unknown;
  /** only the parameters that changed, by leaf path (worker/settlement/params-patch.ts; null: back to the default) */
  paramsPatch?: Record<string, unknown>;
  /** the version the change was made from: a save from an older one is refused (CONFLICT), never silently lost */
  version?: number;
  /** what the round's history should say of the edits saved (formula edits), into the audit entry */
  notes?: readonly string[];
}

/** What a parameter change changed, key by key, old → new (the audit keeps both, so nothing is lost). */
function paramsChange(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const change: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) change[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return change;
}

/**
 * Renames, notes the reason or saves new parameters; a locked round cannot change. With `version`, a save made
 * from a version that another save has since replaced is refused (CONFLICT) and the caller shows what changed.
 */
export function updateRound(db: Db, actor: string, id: number, patch: RoundPatch): Round {
  return db.transaction(() => {
    const current = getRound(db, id);
    if (current.status === 'locked') throw new DomainError('LOCKED', `round "${current.name}" is locked and cannot change`);
    if (patch.version !== undefined && patch.version !== current.version) {
      throw new DomainError('CONFLICT', `round "${current.name}" was changed by ${current.updatedBy} at ${current.updatedAt} (version ${current.version}, yours ${patch.version}) / 该轮次已被 ${current.updatedBy} 修改，请查看变化后重新应用`);
    }
    const params = patch.params !== undefined ? validateParams(patch.params) : patch.paramsPatch !== undefined ? validateParams(applyParamsPatch(current.params as Record<string, unknown>, patch.paramsPatch)) : undefined;
    const row = db
      .update(rounds)
      .set({
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.reason !== undefined ? { reason: patch.reason } : {}),
        ...(params !== undefined ? { params: params as Record<string, unknown> } : {}),
        updatedBy: actor,
        updatedAt: new Date().toISOString(),
        version: current.version + 1,
      })
      .where(and(eq(rounds.id, id), eq(rounds.version, current.version)))
      .returning()
      .get();
    const detail: Record<string, unknown> = { version: row.version };
    if (patch.name !== undefined && patch.name.trim() !== current.name) detail.name = { before: current.name, after: row.name };
    if (patch.reason !== undefined && patch.reason !== current.reason) detail.reason = { before: current.reason, after: row.reason };
    if (params !== undefined) detail.params = paramsChange(current.params as Record<string, unknown>, params as Record<string, unknown>);
    if (patch.notes?.length) detail.notes = patch.notes;
    recordAudit(db, { actor, action: 'update', entity: 'round', entityId: id, detail });
    return toRound(row);
  });
}

export function setRoundStatus(db: Db, actor: string, id: number, status: RoundStatus): Round {
  if (!ROUND_STATUSES.includes(status)) throw new DomainError('INVALID', `unknown status ${String(status)}`);
  return db.transaction(() => {
    const current = getRound(db, id);
    if (current.status === status) return current;
    if (!NEXT_STATUSES[current.status].includes(status)) {
      const kind = current.status === 'locked' ? 'LOCKED' : 'INVALID';
      throw new DomainError(kind, `round "${current.name}" cannot go from ${current.status} to ${status}`);
    }
    const row = db
      .update(rounds)
      .set({ status, updatedBy: actor, updatedAt: new Date().toISOString(), version: current.version + 1 })
      .where(eq(rounds.id, id))
      .returning()
      .get();
    recordAudit(db, { actor, action: 'status', entity: 'round', entityId: id, detail: { from: current.status, to: status } });
    return toRound(row);
  });
}

/** Deletes a draft round (a mistaken copy); anything proposed or beyond is part of the record. */
export function deleteRound(db: Db, actor: string, id: number): void {
  db.transaction(() => {
    const current = getRound(db, id);
    if (current.status !== 'draft') throw new DomainError('LOCKED', `only draft rounds can be deleted ("${current.name}" is ${current.status})`);
    const child = db.select({ name: rounds.name }).from(rounds).where(eq(rounds.parentId, id)).get();
    if (child) throw new DomainError('CONFLICT', `round "${current.name}" has child round "${child.name}": delete that first / 该轮次有下级轮次“${child.name}”，不能删除`);
    // a hospital's request made on the round, or accepted into it, keeps it (the request names it)
    const request = db.select({ id: hospitalRequests.id }).from(hospitalRequests).where(or(eq(hospitalRequests.roundId, id), eq(hospitalRequests.acceptedRoundId, id))).get();
    if (request) throw new DomainError('CONFLICT', `round "${current.name}" carries hospital request #${request.id}: it cannot be deleted / 该轮次关联医院诉求 #${request.id}，不能删除`);
    db.delete(rounds).where(eq(rounds.id, id)).run();
    recordAudit(db, { actor, action: 'delete', entity: 'round', entityId: id, detail: { name: current.name } });
  });
}
