/**
 * 采纳 / 不采纳 — the bureau's answer to submitted hospital requests. Accepting a selection creates one DRAFT child
 * round of the requests' round that carries exactly their changes (request-items.ts combines them), names the
 * requests in its reason, and links each request to it; rejecting records the reason the hospital reads. Both are
 * audited, before → after, in the transaction of the change.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { hospitalRequests, type HospitalRequestRow } from '@/db/schema';
import type { RoundParams } from '@/worker/settlement/round';
import type { Viewer } from '../context';
import { DomainError } from './errors';
import { combineRequests, errorText, REQUEST_LIMITS, type RequestItem } from './request-items';
import { catalogFacts, moveRequest, requestRow, requestViews, type RequestView } from './requests';
import { isBureau } from './requests-state';
import { createRound, getRound, type Round } from './rounds';

const ROUND_NAME_CHARS = 100;

/** The submitted requests of one round, in id order, or a refusal saying which do not fit together. */
function selection(db: Db, viewer: Viewer, ids: readonly number[]): { round: Round; rows: HospitalRequestRow[] } {
  if (!isBureau(viewer.role)) throw new DomainError('FORBIDDEN', '只有专家组或经办可以采纳诉求 / only the panel or policy staff accept requests');
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (!unique.length || unique.length > REQUEST_LIMITS.combined) {
    throw new DomainError('INVALID', `请选择 1–${REQUEST_LIMITS.combined} 条诉求 / select 1–${REQUEST_LIMITS.combined} requests`);
  }
  const rows = unique.map((id) => requestRow(db, viewer, id));
  // a draft is its author's until submitted: to the bureau it does not exist
  const hidden = rows.find((r) => r.status === 'draft');
  if (hidden) throw new DomainError('NOT_FOUND', `诉求 #${hidden.id} 不存在 / request #${hidden.id} not found`);
  const roundIds = new Set(rows.map((r) => r.roundId));
  if (roundIds.size > 1) throw new DomainError('INVALID', '所选诉求针对不同轮次，不能一并采纳 / the selected requests are on different rounds: they cannot be accepted together');
  return { round: getRound(db, rows[0]!.roundId), rows };
}

/** The round's parameters with the selected requests' changes, or a refusal naming every conflict. */
function combinedOf(db: Db, round: Round, rows: readonly HospitalRequestRow[]): RoundParams {
  const combined = combineRequests(round.params, catalogFacts(db, round.datasetId), rows.map((r) => ({ id: r.id, hospitalCode: r.hospitalCode, items: r.items as RequestItem[] })));
  if (!combined.ok) throw new DomainError('INVALID', errorText(combined.errors), combined.errors);
  return combined.params;
}

/** What the workbench applies as an unsaved edit to show the selected requests' impact on every hospital. */
export function combinedRequestParams(db: Db, viewer: Viewer, ids: readonly number[]): { datasetId: number; roundId: number; params: RoundParams; requestIds: number[] } {
  const { round, rows } = selection(db, viewer, ids);
  return { datasetId: round.datasetId, roundId: round.id, params: combinedOf(db, round, rows), requestIds: rows.map((r) => r.id) };
}

/** A round name of at most 100 characters: the parent's, and the requests it takes up. */
function childName(parent: Round, ids: readonly number[]): string {
  const suffix = ` · 采纳诉求 #${ids.join(' #')}`;
  const name = `${parent.name}${suffix}`;
  return name.length <= ROUND_NAME_CHARS ? name : `${parent.name.slice(0, Math.max(1, ROUND_NAME_CHARS - 12))} · 采纳诉求 ${ids.length} 条`;
}

function childReason(rows: readonly HospitalRequestRow[], actor: string): string {
  const lines = rows.map((r) => `#${r.id} ${r.hospitalCode}「${r.title}」（${r.items.length} 项）`);
  return `采纳医院诉求（${actor}）：\n${lines.join('\n')}`.slice(0, 2000);
}

/**
 * 采纳: the selected submitted requests (one round) become one draft child round carrying exactly their changes;
 * each request is marked accepted and linked to it. All or nothing.
 */
export function acceptRequests(db: Db, viewer: Viewer, ids: readonly number[]): { round: Round; requests: RequestView[] } {
  return db.transaction(() => {
    const { round: parent, rows } = selection(db, viewer, ids);
    const params = combinedOf(db, parent, rows);
    const requestIds = rows.map((r) => r.id);
    const child = createRound(db, viewer.name, {
      datasetId: parent.datasetId,
      name: childName(parent, requestIds),
      reason: childReason(rows, viewer.name),
      parentId: parent.id,
      params,
      origin: { from: 'requests', requestIds },
    });
    const decidedAt = new Date().toISOString();
    for (const row of rows) moveRequest(db, viewer, row.id, 'accept', { acceptedRoundId: child.id, decidedBy: viewer.name, decidedAt }, { roundId: child.id, together: requestIds });
    const accepted = db.select().from(hospitalRequests).where(inArray(hospitalRequests.id, requestIds)).all();
    return { round: child, requests: requestViews(db, viewer, accepted) };
  });
}

/** 不采纳: a submitted request is rejected with the reason its hospital reads. */
export function rejectRequest(db: Db, viewer: Viewer, id: number, reason: string): RequestView {
  const row = db.transaction(() =>
    moveRequest(db, viewer, id, 'reject', { rejectReason: reason.trim(), decidedBy: viewer.name, decidedAt: new Date().toISOString() }, { reason: reason.trim() }),
  );
  return requestViews(db, viewer, [row])[0]!;
}
