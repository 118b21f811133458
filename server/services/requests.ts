/**
 * 医院诉求 — a hospital's requests to change levers of a proposed round: written, submitted and withdrawn by a
 * hospital user (requests-state.ts says who may move which state), read by the bureau, every step audited with
 * its before and after. A hospital user reads its own hospital's requests only; another's do not exist for it.
 * Accepting and rejecting: request-decisions.ts; impact: request-impact.ts; attachments: request-attachments.ts.
 */
import { and, asc, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { hospitalRequests, requestAttachments, rounds, type HospitalRequestRow, type RequestStatus } from '@/db/schema';
import type { Viewer } from '../context';
import { recordAudit } from './audit';
import { DomainError } from './errors';
import { checkRequestItems, errorText, type CatalogFacts, type RequestItem } from './request-items';
import { allowedActions, decide, mayCreate, mayView, type Refusal, type RequestAction, type RequestActor } from './requests-state';
import { getRound } from './rounds';
import { settlementData } from './settlement-data';

export interface AttachmentInfo {
  id: number;
  fileName: string;
  mime: string;
  size: number;
}

/** A request as its viewer may see it, with the actions the viewer may take now. */
export interface RequestView {
  id: number;
  datasetId: number;
  round: { id: number; name: string };
  hospital: { code: string; name: string };
  author: string;
  status: RequestStatus;
  title: string;
  items: RequestItem[];
  rejectReason: string | null;
  /** the round carrying the accepted changes; to a hospital user only once it is no longer a draft */
  acceptedRound: { id: number; name: string } | null;
  decidedBy: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  attachments: AttachmentInfo[];
  actions: RequestAction[];
}

export const actorOf = (viewer: Viewer): RequestActor => ({ role: viewer.role, userId: viewer.userId, hospitalCode: viewer.hospitalCode ?? null });

export function refused(refusal: Refusal): DomainError {
  return new DomainError(refusal.kind, `${refusal.zh} / ${refusal.en}`, { zh: refusal.zh, en: refusal.en });
}

/** The DRGs of a data set as the item checks need them. */
export function catalogFacts(db: Db, datasetId: number): CatalogFacts {
  const { data } = settlementData(db, datasetId);
  return { drgs: new Map(data.catalog.map((d) => [d.code, { uniformPrice: d.uniformPrice }])) };
}

/** The request's row when the viewer may see it; NOT_FOUND otherwise (a hospital never learns of another's). */
export function requestRow(db: Db, viewer: Viewer, id: number): HospitalRequestRow {
  const row = db.select().from(hospitalRequests).where(eq(hospitalRequests.id, id)).get();
  if (!row || !mayView(actorOf(viewer), row)) throw new DomainError('NOT_FOUND', `诉求 #${id} 不存在 / request #${id} not found`);
  return row;
}

/** Rows as their viewer sees them: round names, the hospital's name, attachments and the actions open to it. */
export function requestViews(db: Db, viewer: Viewer, rows: HospitalRequestRow[]): RequestView[] {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const files = db
    .select({ id: requestAttachments.id, requestId: requestAttachments.requestId, fileName: requestAttachments.fileName, mime: requestAttachments.mime, size: requestAttachments.size })
    .from(requestAttachments)
    .where(inArray(requestAttachments.requestId, ids))
    .orderBy(asc(requestAttachments.id))
    .all();
  const roundIds = [...new Set(rows.flatMap((r) => [r.roundId, ...(r.acceptedRoundId ? [r.acceptedRoundId] : [])]))];
  const roundRows = new Map(db.select({ id: rounds.id, name: rounds.name, status: rounds.status }).from(rounds).where(inArray(rounds.id, roundIds)).all().map((r) => [r.id, r]));
  const hospitalNames = new Map<string, string>();
  const codes = new Set(rows.map((r) => r.hospitalCode));
  for (const datasetId of new Set(rows.map((r) => r.datasetId))) {
    for (const h of settlementData(db, datasetId).data.hospitals) if (codes.has(h.code)) hospitalNames.set(`${datasetId}:${h.code}`, h.name);
  }
  const actor = actorOf(viewer);
  return rows.map((row) => {
    const accepted = row.acceptedRoundId ? roundRows.get(row.acceptedRoundId) : undefined;
    // a draft round does not exist for a hospital user (the hospital view's rule)
    const showAccepted = accepted && (viewer.role !== 'hospital' || accepted.status !== 'draft');
    return {
      id: row.id,
      datasetId: row.datasetId,
      round: { id: row.roundId, name: roundRows.get(row.roundId)?.name ?? '' },
      hospital: { code: row.hospitalCode, name: hospitalNames.get(`${row.datasetId}:${row.hospitalCode}`) ?? '' },
      author: row.author,
      status: row.status,
      title: row.title,
      items: row.items as RequestItem[],
      rejectReason: row.rejectReason,
      acceptedRound: showAccepted ? { id: accepted.id, name: accepted.name } : null,
      decidedBy: row.decidedBy,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      attachments: files.filter((f) => f.requestId === row.id).map(({ requestId: _, ...f }) => f),
      actions: allowedActions(actor, row),
    };
  });
}

export interface RequestFilter {
  datasetId: number;
  status?: RequestStatus | undefined;
  roundId?: number | undefined;
}

/** The requests of a data set, newest first: the bureau all of them, a hospital user its own hospital's. */
export function listRequests(db: Db, viewer: Viewer, filter: RequestFilter): RequestView[] {
  settlementData(db, filter.datasetId); // 404 for an unknown data set
  const where: SQL[] = [eq(hospitalRequests.datasetId, filter.datasetId)];
  if (viewer.role === 'hospital') where.push(eq(hospitalRequests.hospitalCode, viewer.hospitalCode ?? '\u0000'));
  // the bureau's queue holds no one's drafts: a draft is its author's until submitted
  else where.push(ne(hospitalRequests.status, 'draft'));
  if (filter.status) where.push(eq(hospitalRequests.status, filter.status));
  if (filter.roundId) where.push(eq(hospitalRequests.roundId, filter.roundId));
  return requestViews(db, viewer, db.select().from(hospitalRequests).where(and(...where)).orderBy(desc(hospitalRequests.id)).all());
}

export function getRequest(db: Db, viewer: Viewer, id: number): RequestView {
  const row = requestRow(db, viewer, id);
  if (viewer.role !== 'hospital' && row.status === 'draft') throw new DomainError('NOT_FOUND', `诉求 #${id} 不存在 / request #${id} not found`);
  return requestViews(db, viewer, [row])[0]!;
}

/** The round a request may be made on: a proposed round of the data set, with the hospital in its data set. */
function proposedRound(db: Db, datasetId: number, roundId: number, hospitalCode: string) {
  const round = getRound(db, roundId);
  if (round.datasetId !== datasetId || round.status === 'draft') throw new DomainError('NOT_FOUND', `轮次 ${roundId} 不存在 / round ${roundId} not found`);
  if (round.status !== 'proposed') throw new DomainError('INVALID', `诉求只能针对“已提出”的轮次（“${round.name}”为${round.status}） / requests are made on a proposed round ("${round.name}" is ${round.status})`);
  if (!settlementData(db, datasetId).data.hospitals.some((h) => h.code === hospitalCode)) {
    throw new DomainError('NOT_FOUND', `本数据集中没有机构 ${hospitalCode} / hospital ${hospitalCode} is not in this data set`);
  }
  return round;
}

/** Checks the items against the round: the parameters they lead to, or a refusal naming every problem. */
function checkedItems(db: Db, datasetId: number, roundId: number, hospitalCode: string, items: RequestItem[]) {
  const round = proposedRound(db, datasetId, roundId, hospitalCode);
  const checked = checkRequestItems(round.params, catalogFacts(db, datasetId), hospitalCode, items);
  if (!checked.ok) throw new DomainError('INVALID', errorText(checked.errors), checked.errors);
  return { round, params: checked.params };
}

export interface NewRequest {
  datasetId: number;
  roundId: number;
  title: string;
  items: RequestItem[];
}

/** 起草: a hospital user's draft on a proposed round, for its own hospital. */
export function createRequest(db: Db, viewer: Viewer, input: NewRequest): RequestView {
  const refusal = mayCreate(actorOf(viewer));
  if (refusal) throw refused(refusal);
  const hospitalCode = viewer.hospitalCode!;
  checkedItems(db, input.datasetId, input.roundId, hospitalCode, input.items);
  const row = db.transaction(() => {
    const now = new Date().toISOString();
    const created = db
      .insert(hospitalRequests)
      .values({ datasetId: input.datasetId, roundId: input.roundId, hospitalCode, authorId: viewer.userId ?? null, author: viewer.name, title: input.title.trim(), items: input.items, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(db, { actor: viewer.name, action: 'create', entity: 'request', entityId: created.id, detail: { roundId: input.roundId, hospital: hospitalCode, title: created.title, items: input.items } });
    return created;
  });
  return requestViews(db, viewer, [row])[0]!;
}

/** Moves a request by an action the viewer may take (requests-state.ts), inside the caller's transaction. */
export function moveRequest(db: Db, viewer: Viewer, id: number, action: RequestAction, set: Partial<HospitalRequestRow> = {}, detail: Record<string, unknown> = {}): HospitalRequestRow {
  const row = requestRow(db, viewer, id);
  const decision = decide(actorOf(viewer), row, action);
  if (!decision.ok) throw refused(decision.refusal);
  const now = new Date().toISOString();
  const next = db
    .update(hospitalRequests)
    .set({ ...set, status: decision.to, updatedAt: now })
    .where(and(eq(hospitalRequests.id, id), eq(hospitalRequests.status, row.status)))
    .returning()
    .get();
  if (!next) throw new DomainError('CONFLICT', `诉求 #${id} 刚被他人改变，请刷新 / request #${id} was just changed by someone else: reload`);
  recordAudit(db, { actor: viewer.name, action, entity: 'request', entityId: id, detail: { status: { before: row.status, after: decision.to }, ...detail } });
  return next;
}

/** 修改草稿: a new title or new items, checked again against the round. */
export function updateRequest(db: Db, viewer: Viewer, id: number, patch: { title?: string | undefined; items?: RequestItem[] | undefined }): RequestView {
  const current = requestRow(db, viewer, id);
  if (patch.items) checkedItems(db, current.datasetId, current.roundId, current.hospitalCode, patch.items);
  const row = db.transaction(() => {
    const title = patch.title?.trim();
    const detail: Record<string, unknown> = {};
    if (title !== undefined && title !== current.title) detail.title = { before: current.title, after: title };
    if (patch.items) detail.items = { before: current.items, after: patch.items };
    return moveRequest(db, viewer, id, 'edit', { ...(title !== undefined ? { title } : {}), ...(patch.items ? { items: patch.items } : {}) }, detail);
  });
  return requestViews(db, viewer, [row])[0]!;
}

/** 提交: the draft goes to the bureau's queue, its items checked against the round as it is now. */
export function submitRequest(db: Db, viewer: Viewer, id: number): RequestView {
  const current = requestRow(db, viewer, id);
  checkedItems(db, current.datasetId, current.roundId, current.hospitalCode, current.items as RequestItem[]);
  const row = db.transaction(() => moveRequest(db, viewer, id, 'submit', { submittedAt: new Date().toISOString() }));
  return requestViews(db, viewer, [row])[0]!;
}

/** 撤回: the author takes back a draft or a submitted request. */
export function withdrawRequest(db: Db, viewer: Viewer, id: number): RequestView {
  const row = db.transaction(() => moveRequest(db, viewer, id, 'withdraw'));
  return requestViews(db, viewer, [row])[0]!;
}
