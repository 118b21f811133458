/**
 * The session of an HTTP request, and the checks every route handler makes before its work (the same policies as
 * the tRPC procedures): 401 without a live session, 403 for a role the policy leaves out, 403 for a state-changing
 * request from another origin (cross-site request forgery).
 */
import { getDb } from '../db';
import { allows, type Policy } from './policy';
import { resolveSession, SESSION_COOKIE, SESSION_IDLE_MS, type SessionUser } from './sessions';

/** The session token of the request's cookie, if any. */
export function sessionToken(req: Request): string | null {
  const header = req.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function requestUser(req: Request): SessionUser | null {
  return resolveSession(getDb(), sessionToken(req));
}

/**
 * Whether a state-changing request comes from the app's own pages: a browser names the page's origin in `Origin`
 * (and `Sec-Fetch-Site`); it must be the origin the request was sent to. Requests without either (the command
 * line, curl) carry no browser's cookies by accident and pass.
 */
export function sameOrigin(req: Request): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.get('origin');
  if (!origin) return true;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refusal(status: 401 | 403, zh: string, en: string): Response {
  return Response.json({ error: { zh, en } }, { status, headers: { 'cache-control': 'no-store' } });
}

/** The request's user when the policy lets it through, else the response that refuses it. */
export function guard(req: Request, policy: Policy): { user: SessionUser | null } | Response {
  if (!sameOrigin(req)) return refusal(403, '请求来自其他网站，已拒绝', 'request from another origin refused');
  const user = requestUser(req);
  if (policy.roles === null) return { user };
  if (!user) return refusal(401, '请先登录', 'sign in first');
  if (!allows(policy, user.role)) return refusal(403, '您的角色无权进行此操作', 'your role may not do this');
  return { user };
}

/** The session cookie: HTTP-only, SameSite=Strict, Secure over HTTPS; no expiry of its own (the server's idle limit ends it). */
export function sessionCookie(req: Request, token: string | null): string {
  const https = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  const parts = [`${SESSION_COOKIE}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (https) parts.push('Secure');
  if (token === null) parts.push('Max-Age=0');
  else parts.push(`Max-Age=${Math.floor((SESSION_IDLE_MS * 3) / 1000)}`);
  return parts.join('; ');
}
