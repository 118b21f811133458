/**
 * GET /api/requests/attachments/:id — an attachment's bytes, to whoever may see its request (the bureau once it
 * is submitted, its own hospital always; 404 for anyone else). Always a download (Content-Disposition: attachment),
 * with the type detected when it was stored, never sniffed, and sandboxed should a browser open it anyway.
 */
import { getDb } from '@/server/db';
import { SIGNED_IN } from '@/server/auth/policy';
import { guard } from '@/server/auth/request';
import { readAttachment } from '@/server/services/request-attachments';
import { domainRefusal, idOf, refusal, viewerOf } from '../../respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** RFC 6266: an ASCII fallback and the UTF-8 name */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const allowed = guard(req, SIGNED_IN);
  if (allowed instanceof Response) return allowed;
  const id = idOf((await params).id);
  if (id === null) return refusal(400, { zh: '附件编号不对', en: 'bad attachment id' });
  try {
    const file = readAttachment(getDb(), viewerOf(allowed.user!), id);
    return new Response(new Uint8Array(file.data), {
      headers: {
        'content-type': file.mime,
        'content-length': String(file.data.byteLength),
        'content-disposition': disposition(file.fileName),
        'content-security-policy': "sandbox; default-src 'none'",
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return domainRefusal(error);
  }
}
