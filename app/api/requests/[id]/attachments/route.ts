/**
 * POST /api/requests/:id/attachments?name=<file name> — adds an attachment to a draft request, by its author.
 * The body is the file's bytes (any Content-Type: the type is read from the bytes). Refused before anything is
 * read without a Content-Length (411) or with one over DRG_MAX_ATTACHMENT_MB (413); refused while reading when the
 * body runs past the limit anyway (413); refused when it is not a PDF, PNG, JPEG or WebP (415). Nothing is stored
 * on any refusal. 200: {"id","fileName","mime","size"}; a refusal: {"error":{"zh","en"}}.
 */
import { getDb } from '@/server/db';
import { SIGNED_IN } from '@/server/auth/policy';
import { guard } from '@/server/auth/request';
import { ATTACHMENT_REFUSALS, maxAttachmentBytes } from '@/server/services/attachment-file';
import { addAttachment, attachmentTarget } from '@/server/services/request-attachments';
import { domainRefusal, idOf, refusal, viewerOf } from '../../respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The body, read chunk by chunk and given up as soon as it passes `limit` bytes (a Content-Length can lie). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const allowed = guard(req, SIGNED_IN);
  if (allowed instanceof Response) return allowed;
  const viewer = viewerOf(allowed.user!);
  const requestId = idOf((await params).id);
  if (requestId === null) return refusal(400, { zh: '诉求编号不对', en: 'bad request id' });
  const db = getDb();
  try {
    // whose draft it is, before a byte of the body is read
    attachmentTarget(db, viewer, requestId);
  } catch (error) {
    return domainRefusal(error);
  }
  const limit = maxAttachmentBytes();
  const length = Number(req.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length)) return refusal(411, ATTACHMENT_REFUSALS.lengthMissing);
  if (length > limit) return refusal(413, ATTACHMENT_REFUSALS.tooLarge(megabytes(limit)));
  const bytes = await readAtMost(req.body, limit);
  if (!bytes) return refusal(413, ATTACHMENT_REFUSALS.tooLarge(megabytes(limit)));
  try {
    const name = new URL(req.url).searchParams.get('name');
    return Response.json(addAttachment(db, viewer, requestId, { name, bytes }), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return domainRefusal(error, (e) => (e.details === ATTACHMENT_REFUSALS.badType ? 415 : undefined));
  }
}
