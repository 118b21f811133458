import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers/_app';
import { createRequestContext } from '@/server/context';
import { sameOrigin } from '@/server/auth/request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** a tRPC request's body at most (a round's parameters with every DRG and hospital overridden fit in far less) */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** calls in one batch at most (the workbench opens with 4) */
const MAX_BATCH = 10;

function refuse(status: number, zh: string, en: string): Response {
  return Response.json({ error: { zh, en } }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * /api/trpc/* — every procedure checks its own policy (server/trpc.ts procedureFor); here the request as a whole is
 * bounded (body size, batch length) and a state-changing call from another origin is refused.
 */
function handler(req: Request) {
  if (!sameOrigin(req)) return refuse(403, '请求来自其他网站，已拒绝', 'request from another origin refused');
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return refuse(413, '请求过大', 'request too large');
  const paths = decodeURIComponent(new URL(req.url).pathname.replace(/^\/api\/trpc\/?/, '')).split(',');
  if (paths.length > MAX_BATCH) return refuse(413, `一次最多 ${MAX_BATCH} 个调用`, `at most ${MAX_BATCH} calls in one batch`);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createRequestContext(req),
    // the full error stays in the server's log; the answer carries only internalMessage's words
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
