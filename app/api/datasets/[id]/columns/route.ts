import { getDb } from '@/server/db';
import { encodedColumns } from '@/server/services/columns-cache';
import { DomainError } from '@/server/services/errors';
import { BUREAU } from '@/server/auth/policy';
import { guard } from '@/server/auth/request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/datasets/:id/columns — the data set's prepared cases (worker/columns/layout.ts), as a gzip
 * file (application/gzip; the settlement workers decompress it with DecompressionStream, since Next's server
 * drops a route's own Content-Encoding), with an ETag per data set version (304 when the browser has it).
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  // every case of every hospital: the bureau's side only (a hospital user's comparisons are settled on the server)
  const allowed = guard(req, BUREAU);
  if (allowed instanceof Response) return allowed;
  const datasetId = Number((await params).id);
  if (!Number.isInteger(datasetId) || datasetId <= 0) return new Response('bad data set id', { status: 400 });
  try {
    const columns = encodedColumns(getDb(), datasetId);
    const etag = `"${columns.etag}"`;
    if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(new Uint8Array(columns.gzipped), {
      headers: {
        'content-type': 'application/gzip',
        'content-length': String(columns.gzipped.byteLength),
        // Next's server sends the body chunked, without the content-length: the page's progress bar reads this
        'x-gzip-length': String(columns.gzipped.byteLength),
        'x-raw-length': String(columns.rawBytes),
        etag,
        'cache-control': 'private, no-cache',
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'NOT_FOUND') return new Response(error.message, { status: 404 });
    throw error;
  }
}
