/**
 * Login (登录): a username and a password against the stored hash, at most LOGIN_FAILURE_LIMIT failures per
 * username within LOGIN_WINDOW_MS (then refused, correct password or not, until the window passes). Every attempt is
 * audited; a failure never says whether the username exists.
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginFailures, users } from '@/db/schema';
import { recordAudit } from '../services/audit';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './password';
import { createSession, pruneSessions } from './sessions';

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
// a stand-in hash for unknown usernames: the answer takes as long as for a known one
const NO_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export type LoginOutcome = { ok: true; token: string; userId: number } | { ok: false; reason: 'invalid' | 'locked' };

function recentFailures(db: Db, username: string, now: Date): number {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  return db.select({ id: loginFailures.id }).from(loginFailures).where(and(eq(loginFailures.username, username), gte(loginFailures.at, since))).all().length;
}

export async function login(db: Db, input: { username: string; password: string }, now = new Date()): Promise<LoginOutcome> {
  const username = input.username.trim().slice(0, 64);
  if (recentFailures(db, username, now) >= LOGIN_FAILURE_LIMIT) {
    recordAudit(db, { actor: username || '(none)', action: 'login.locked', entity: 'user' });
    return { ok: false, reason: 'locked' };
  }
  const user = db.select().from(users).where(eq(users.username, username)).get();
  const matches = input.password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(input.password, user?.passwordHash ?? NO_USER_HASH));
  if (!user || user.disabled || !matches) {
    db.transaction(() => {
      db.insert(loginFailures).values({ username, at: now.toISOString() }).run();
      // old failures are of no use to the limit
      db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - 2 * LOGIN_WINDOW_MS).toISOString())).run();
      recordAudit(db, { actor: username || '(none)', action: 'login.failed', entity: 'user', ...(user ? { entityId: user.id } : {}) });
    });
    return { ok: false, reason: 'invalid' };
  }
  pruneSessions(db, now);
  const token = createSession(db, user.id, now);
  recordAudit(db, { actor: user.username, action: 'login', entity: 'user', entityId: user.id });
  return { ok: true, token, userId: user.id };
}
