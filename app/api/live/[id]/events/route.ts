/**
 * GET /api/live/:id/events — a follower's event stream (text/event-stream): `state` (the presenter's current
 * state first, then each change), `figures` (a hospital user's own hospital, settled on the server), `followers`,
 * `end`; a heartbeat comment every 15 s, which also ends the stream once the follower's session no longer holds.
 * Any signed-in user may follow; a hospital user never receives parameters.
 */
import { SIGNED_IN } from '@/server/auth/policy';
import { guard, requestUser } from '@/server/auth/request';
import { liveUser, refusalResponse } from '@/server/live/http';
import { EVENT_STREAM_HEADERS } from '@/server/live/relay';
import { followLive } from '@/server/live/store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const allowed = guard(req, SIGNED_IN);
  if (allowed instanceof Response) return allowed;
  // a stream outlives its request's check: each heartbeat asks again whether the session holds (signed out,
  // expired or disabled ends the stream within one heartbeat)
  const followed = followLive((await params).id, liveUser(allowed.user!), { signal: req.signal, stillAllowed: () => requestUser(req) !== null });
  if (!followed.ok) return refusalResponse(followed.refusal);
  return new Response(followed.stream, { headers: EVENT_STREAM_HEADERS });
}
