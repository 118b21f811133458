/** GET /api/auth/me — who the session is: 200 {"username","role","hospitalCode"}, or 401 without a live session. */
import { SIGNED_IN } from '@/server/auth/policy';
import { guard } from '@/server/auth/request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(req: Request): Response {
  const allowed = guard(req, SIGNED_IN);
  if (allowed instanceof Response) return allowed;
  const user = allowed.user!;
  return Response.json({ username: user.username, role: user.role, hospitalCode: user.hospitalCode }, { headers: { 'cache-control': 'no-store' } });
}
