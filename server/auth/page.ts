/**
 * The signed-in user of a page's request (server components): from the session cookie, checked against the
 * database like every API call.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '../db';
import type { Policy } from './policy';
import { allows } from './policy';
import { resolveSession, SESSION_COOKIE, type SessionUser } from './sessions';

export async function currentUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return resolveSession(getDb(), token);
}

/** The page's user when the policy lets the role in; otherwise the login page, or the hospital's own page. */
export async function requirePage(policy: Policy, path: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!allows(policy, user.role)) redirect(user.role === 'hospital' ? '/my-hospital' : '/');
  return user;
}
