/** POST /api/auth/logout — ends the request's session (if any) and clears the cookie; always 200. */
import { getDb } from '@/server/db';
import { PUBLIC } from '@/server/auth/policy';
import { guard, sessionCookie, sessionToken } from '@/server/auth/request';
import { endSession } from '@/server/auth/sessions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const allowed = guard(req, PUBLIC);
  if (allowed instanceof Response) return allowed;
  const token = sessionToken(req);
  if (token) endSession(getDb(), token);
  return Response.json({ ok: true }, { headers: { 'set-cookie': sessionCookie(req, null), 'cache-control': 'no-store' } });
}
