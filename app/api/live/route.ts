/**
 * POST /api/live — a panel or policy user starts presenting a round (现场谈判): JSON {datasetId, roundId,
 * baselineId, compareIds, params, dirty} → 201 {id, path}; followers open /live/<id>. docs/live-session.md.
 */
import { BUREAU } from '@/server/auth/policy';
import { guard } from '@/server/auth/request';
import { liveUser, readBody, refusalResponse } from '@/server/live/http';
import { startBody } from '@/server/live/protocol';
import { startLive } from '@/server/live/store';
import { getDb } from '@/server/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const allowed = guard(req, BUREAU);
  if (allowed instanceof Response) return allowed;
  const read = await readBody(req, startBody);
  if (!read.ok) return read.response;
  const started = startLive(getDb(), liveUser(allowed.user!), read.body);
  if (!started.ok) return refusalResponse(started.refusal);
  return Response.json({ id: started.id, path: `/live/${started.id}`, meta: started.meta }, { status: 201, headers: { 'cache-control': 'no-store' } });
}
