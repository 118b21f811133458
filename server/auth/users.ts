/**
 * Accounts (账户): add, list, disable, change a password. Every change is audited with who made it ("cli" for the
 * command line). A password change or a disabled account ends the user's other sessions.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { ROLES, users, type Role } from '@/db/schema';
import { recordAudit } from '../services/audit';
import { hashPassword, passwordProblem } from './password';
import { endUserSessions } from './sessions';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'username: 1–64 letters, digits or _ . @ - / 用户名为 1–64 个字母、数字或 _ . @ -');
export const hospitalCodeSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'hospital code: 1–32 letters, digits, _ or - / 机构编码格式不对');

export class AccountError extends Error {
  constructor(readonly zh: string, readonly en: string, readonly kind: 'invalid' | 'exists' | 'unknown' = 'invalid') {
    super(`${en} / ${zh}`);
  }
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem.zh, problem.en);
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  hospitalCode?: string | null;
}

export async function addUser(db: Db, user: NewUser, actor: string, now = new Date()): Promise<number> {
  const username = usernameSchema.parse(user.username);
  if (!ROLES.includes(user.role)) throw new AccountError(`未知角色 ${user.role}`, `unknown role ${user.role}`);
  const hospitalCode = user.role === 'hospital' ? hospitalCodeSchema.parse(user.hospitalCode ?? '') : null;
  if (user.role !== 'hospital' && user.hospitalCode) throw new AccountError('只有医院代表绑定机构', 'only a hospital user is bound to a hospital');
  checkPassword(user.password);
  if (db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
    throw new AccountError(`用户 ${username} 已存在`, `user ${username} exists`, 'exists');
  }
  const passwordHash = await hashPassword(user.password);
  const at = now.toISOString();
  return db.transaction(() => {
    const row = db.insert(users).values({ username, passwordHash, role: user.role, hospitalCode, createdAt: at, passwordChangedAt: at }).returning({ id: users.id }).get();
    recordAudit(db, { actor, action: 'user.add', entity: 'user', entityId: row.id, detail: { username, role: user.role, hospitalCode } });
    return row.id;
  });
}

export function listUsers(db: Db) {
  return db
    .select({ id: users.id, username: users.username, role: users.role, hospitalCode: users.hospitalCode, disabled: users.disabled, createdAt: users.createdAt })
    .from(users)
    .orderBy(users.username)
    .all();
}

function userByName(db: Db, username: string) {
  const row = db.select().from(users).where(eq(users.username, username.trim())).get();
  if (!row) throw new AccountError(`没有用户 ${username}`, `no user ${username}`, 'unknown');
  return row;
}

export function disableUser(db: Db, username: string, actor: string): void {
  const row = userByName(db, username);
  db.transaction(() => {
    db.update(users).set({ disabled: true }).where(eq(users.id, row.id)).run();
    endUserSessions(db, row.id);
    recordAudit(db, { actor, action: 'user.disable', entity: 'user', entityId: row.id, detail: { username: row.username, before: { disabled: row.disabled }, after: { disabled: true } } });
  });
}

/** Lets a disabled account sign in again (its password as it was). */
export function enableUser(db: Db, username: string, actor: string): void {
  const row = userByName(db, username);
  db.transaction(() => {
    db.update(users).set({ disabled: false }).where(eq(users.id, row.id)).run();
    recordAudit(db, { actor, action: 'user.enable', entity: 'user', entityId: row.id, detail: { username: row.username, before: { disabled: row.disabled }, after: { disabled: false } } });
  });
}

/** Sets a new password; every session of the user ends but `keepSessionId` (the one that changed it). */
export async function setPassword(db: Db, username: string, password: string, actor: string, keepSessionId?: number, now = new Date()): Promise<void> {
  const row = userByName(db, username);
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  db.transaction(() => {
    db.update(users).set({ passwordHash, passwordChangedAt: now.toISOString() }).where(eq(users.id, row.id)).run();
    endUserSessions(db, row.id, keepSessionId);
    recordAudit(db, { actor, action: 'user.password', entity: 'user', entityId: row.id, detail: { username: row.username } });
  });
}
