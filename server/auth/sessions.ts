/**
 * Sessions (会话): a token of 256 random bits in an HTTP-only, SameSite=Strict cookie; the database keeps only its
 * SHA-256. A session ends after SESSION_IDLE_MS without a request, on logout, and when the user's password changes
 * or the account is disabled.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, users, type Role } from '@/db/schema';

export { SESSION_COOKIE } from './cookie';
/** a session unused this long is over (ms) */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** a session's last use is written at most this often (ms): not one write per request */
const TOUCH_EVERY_MS = 60 * 1000;

/** Who a session belongs to. */
export interface SessionUser {
  userId: number;
  username: string;
  role: Role;
  hospitalCode: string | null;
  sessionId: number;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session for the user; returns the token for the cookie (never stored). */
export function createSession(db: Db, userId: number, now = new Date()): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.insert(sessions).values({ tokenHash: tokenHash(token), userId, createdAt: at, lastSeenAt: at }).run();
  return token;
}

/** The user of a live session, or null (unknown token, idle too long, account disabled). */
export function resolveSession(db: Db, token: string | undefined | null, now = new Date()): SessionUser | null {
  if (!token || token.length > 100) return null;
  const row = db
    .select({ sessionId: sessions.id, lastSeenAt: sessions.lastSeenAt, userId: users.id, username: users.username, role: users.role, hospitalCode: users.hospitalCode, disabled: users.disabled })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash(token)))
    .get();
  if (!row || row.disabled) return null;
  const idle = now.getTime() - Date.parse(row.lastSeenAt);
  if (idle > SESSION_IDLE_MS) {
    db.delete(sessions).where(eq(sessions.id, row.sessionId)).run();
    return null;
  }
  if (idle > TOUCH_EVERY_MS) db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, row.sessionId)).run();
  return { userId: row.userId, username: row.username, role: row.role, hospitalCode: row.hospitalCode, sessionId: row.sessionId };
}

export function endSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token))).run();
}

/** Ends every session of the user but `keepSessionId` (a password change keeps the session that made it). */
export function endUserSessions(db: Db, userId: number, keepSessionId?: number): void {
  const mine = eq(sessions.userId, userId);
  db.delete(sessions).where(keepSessionId === undefined ? mine : and(mine, ne(sessions.id, keepSessionId))).run();
}

/** Drops sessions idle longer than SESSION_IDLE_MS (called now and then; resolveSession refuses them anyway). */
export function pruneSessions(db: Db, now = new Date()): void {
  db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS).toISOString())).run();
}
