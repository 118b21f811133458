/**
 * POST /api/auth/login — JSON {"username","password"} → 200 {"username","role","hospitalCode"} with the session
 * cookie; 401 for a wrong username or password (the same answer for both); 429 after 5 failures for the username
 * within 15 minutes, until the window passes; 400 for a body that is not that JSON (at most 4 KB).
 */
import { z } from 'zod';
import { getDb } from '@/server/db';
import { login } from '@/server/auth/login';
import { PUBLIC } from '@/server/auth/policy';
import { guard, sessionCookie } from '@/server/auth/request';
import { resolveSession } from '@/server/auth/sessions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 4096;
const credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

export async function POST(req: Request): Promise<Response> {
  const allowed = guard(req, PUBLIC);
  if (allowed instanceof Response) return allowed;
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) return answer(413, { error: { zh: '请求过大', en: 'request too large' } });
  let parsed: z.infer<typeof credentials>;
  try {
    parsed = credentials.parse(JSON.parse(text));
  } catch {
    return answer(400, { error: { zh: '请以 JSON 提交用户名和口令', en: 'send {"username","password"} as JSON' } });
  }
  const db = getDb();
  const outcome = await login(db, parsed);
  if (!outcome.ok) {
    return outcome.reason === 'locked'
      ? answer(429, { error: { zh: '失败次数过多，请 15 分钟后再试', en: 'too many failed attempts: try again in 15 minutes' } }, { 'retry-after': '900' })
      : answer(401, { error: { zh: '用户名或口令不对', en: 'wrong username or password' } });
  }
  const user = resolveSession(db, outcome.token)!;
  return answer(200, { username: user.username, role: user.role, hospitalCode: user.hospitalCode }, { 'set-cookie': sessionCookie(req, outcome.token) });
}
