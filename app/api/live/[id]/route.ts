/**
 * POST /api/live/:id — the presenter's post: {type:'state', seq, base?, patch | params, roundId, baselineId,
 * compareIds, dirty, canUndo, canRedo, change} relays a change to every follower; {type:'handover', to} hands the
 * session to a bureau user following it; {type:'end'}. Only the presenter: 403 for anyone else, 404 for an unknown
 * session, 409 for a stale post (a patch of another version says sendWhole), 410 once ended.
 */
import { BUREAU } from '@/server/auth/policy';
import { guard } from '@/server/auth/request';
import { liveUser, readBody, refusalResponse } from '@/server/live/http';
import { actionBody } from '@/server/live/protocol';
import { actLive } from '@/server/live/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const allowed = guard(req, BUREAU);
  if (allowed instanceof Response) return allowed;
  const read = await readBody(req, actionBody);
  if (!read.ok) return read.response;
  const acted = actLive((await params).id, liveUser(allowed.user!), read.body);
  if (!acted.ok) return refusalResponse(acted.refusal);
  return Response.json({ version: acted.meta.version, presenter: acted.meta.presenter, ended: acted.meta.ended }, { headers: { 'cache-control': 'no-store' } });
}
