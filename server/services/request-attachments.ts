/**
 * 诉求附件 — attachments of a request, stored in the database: added and removed by the request's author while it
 * is a draft, read by whoever may see the request (the bureau once submitted, its own hospital always). The type
 * comes from the bytes (attachment-file.ts); anything else, or anything too large, is refused and nothing stored.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { hospitalRequests, requestAttachments, type HospitalRequestRow } from '@/db/schema';
import type { Viewer } from '../context';
import { recordAudit } from './audit';
import { ATTACHMENT_REFUSALS, attachmentName, detectAttachmentMime, MAX_ATTACHMENTS, maxAttachmentBytes } from './attachment-file';
import { DomainError } from './errors';
import { actorOf, refused, requestRow, type AttachmentInfo } from './requests';
import { decide, mayView } from './requests-state';

const refusal = (kind: 'INVALID' | 'CONFLICT', text: { zh: string; en: string }) => new DomainError(kind, `${text.zh} / ${text.en}`, text);

/** The request an upload goes to, checked before its body is read: its author's own draft, with room for one more. */
export function attachmentTarget(db: Db, viewer: Viewer, requestId: number): HospitalRequestRow {
  const row = requestRow(db, viewer, requestId);
  const decision = decide(actorOf(viewer), row, 'edit');
  if (!decision.ok) throw refused(decision.refusal);
  const held = db.select({ n: count() }).from(requestAttachments).where(eq(requestAttachments.requestId, requestId)).get()?.n ?? 0;
  if (held >= MAX_ATTACHMENTS) throw refusal('CONFLICT', ATTACHMENT_REFUSALS.tooMany);
  return row;
}

/** Stores an attachment whose type its bytes prove; refuses anything else and stores nothing. */
export function addAttachment(db: Db, viewer: Viewer, requestId: number, file: { name: string | null; bytes: Uint8Array }): AttachmentInfo {
  const fileName = attachmentName(file.name);
  if (!fileName) throw refusal('INVALID', ATTACHMENT_REFUSALS.badName);
  if (file.bytes.byteLength === 0) throw refusal('INVALID', ATTACHMENT_REFUSALS.empty);
  const limit = maxAttachmentBytes();
  if (file.bytes.byteLength > limit) throw refusal('INVALID', ATTACHMENT_REFUSALS.tooLarge(Math.round((limit / 1024 / 1024) * 100) / 100));
  const mime = detectAttachmentMime(file.bytes);
  if (!mime) throw refusal('INVALID', ATTACHMENT_REFUSALS.badType);
  return db.transaction(() => {
    attachmentTarget(db, viewer, requestId);
    const row = db
      .insert(requestAttachments)
      .values({ requestId, fileName, mime, size: file.bytes.byteLength, data: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), createdBy: viewer.name, createdAt: new Date().toISOString() })
      .returning({ id: requestAttachments.id, fileName: requestAttachments.fileName, mime: requestAttachments.mime, size: requestAttachments.size })
      .get();
    recordAudit(db, { actor: viewer.name, action: 'attach', entity: 'request', entityId: requestId, detail: { attachment: row } });
    return row;
  });
}

function attachmentRow(db: Db, viewer: Viewer, id: number) {
  const row = db
    .select({ attachment: requestAttachments, request: hospitalRequests })
    .from(requestAttachments)
    .innerJoin(hospitalRequests, eq(hospitalRequests.id, requestAttachments.requestId))
    .where(eq(requestAttachments.id, id))
    .get();
  // a hospital never learns of another's attachment; the bureau does not see a draft's
  const hidden = !row || !mayView(actorOf(viewer), row.request) || (viewer.role !== 'hospital' && row.request.status === 'draft');
  if (hidden) throw new DomainError('NOT_FOUND', `附件 ${id} 不存在 / attachment ${id} not found`);
  return row;
}

/** An attachment's bytes for whoever may see its request. */
export function readAttachment(db: Db, viewer: Viewer, id: number): { fileName: string; mime: string; data: Buffer } {
  const { attachment } = attachmentRow(db, viewer, id);
  return { fileName: attachment.fileName, mime: attachment.mime, data: attachment.data };
}

/** The author removes an attachment of its draft. */
export function removeAttachment(db: Db, viewer: Viewer, id: number): void {
  db.transaction(() => {
    const { attachment, request } = attachmentRow(db, viewer, id);
    const decision = decide(actorOf(viewer), request, 'edit');
    if (!decision.ok) throw refused(decision.refusal);
    db.delete(requestAttachments).where(and(eq(requestAttachments.id, id), eq(requestAttachments.requestId, request.id))).run();
    recordAudit(db, { actor: viewer.name, action: 'detach', entity: 'request', entityId: request.id, detail: { attachment: { id, fileName: attachment.fileName, mime: attachment.mime, size: attachment.size } } });
  });
}
