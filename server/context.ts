import type { Db } from '@/db/client';
import type { Role } from '@/db/schema';
import { getDb } from './db';
import { requestUser } from './auth/request';

/** Who is asking: the signed-in user of the request's session. */
export interface Viewer {
  /** the username, written to the audit log */
  name: string;
  role: Role;
  /** role 'hospital': the only hospital whose detail the viewer may see */
  hospitalCode?: string | null;
  userId?: number;
  sessionId?: number;
}

export interface Context {
  db: Db;
  /** null without a live session: every procedure but the public ones refuses it */
  viewer: Viewer | null;
}

/** The pure inner context: what tests pass to `createCaller`, with no HTTP. */
export function createInnerContext(opts: { db: Db; viewer?: Viewer | null }): Context {
  return { db: opts.db, viewer: opts.viewer ?? null };
}

/** The context of an HTTP request (fetch adapter): the viewer comes from the session cookie, never from a header. */
export function createRequestContext(req: Request): Context {
  const user = requestUser(req);
  const viewer: Viewer | null = user
    ? { name: user.username, role: user.role, hospitalCode: user.hospitalCode, userId: user.userId, sessionId: user.sessionId }
    : null;
  return createInnerContext({ db: getDb(), viewer });
}
