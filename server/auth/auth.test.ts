import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { auditLog, sessions, users } from '@/db/schema';
import { hashPassword, verifyPassword } from './password';
import { LOGIN_FAILURE_LIMIT, LOGIN_WINDOW_MS, login } from './login';
import { createSession, resolveSession, SESSION_IDLE_MS, tokenHash } from './sessions';
import { AccountError, addUser, disableUser, listUsers, setPassword } from './users';

const PASSWORD = 'correct horse battery';

function fresh() {
  return openDatabase(':memory:');
}

describe('passwords', () => {
  it('hashes with a salt of its own: the same password twice gives two hashes, both verify', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(PASSWORD, b)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, a)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain-text')).toBe(false);
  });
});

describe('accounts', () => {
  it('refuses a short password, a duplicate username, a hospital user without a hospital', async () => {
    const db = fresh();
    await expect(addUser(db, { username: 'anna', password: 'short', role: 'panel' }, 'cli')).rejects.toThrow(/10/);
    await addUser(db, { username: 'anna', password: PASSWORD, role: 'panel' }, 'cli');
    await expect(addUser(db, { username: 'anna', password: PASSWORD, role: 'policy' }, 'cli')).rejects.toBeInstanceOf(AccountError);
    await expect(addUser(db, { username: 'rep', password: PASSWORD, role: 'hospital' }, 'cli')).rejects.toThrow();
    await addUser(db, { username: 'rep', password: PASSWORD, role: 'hospital', hospitalCode: 'H001' }, 'cli');
    expect(listUsers(db).map((u) => [u.username, u.role, u.hospitalCode])).toEqual([['anna', 'panel', null], ['rep', 'hospital', 'H001']]);
    // stored hashed, never in clear
    expect(db.select().from(users).all().every((u) => !u.passwordHash.includes(PASSWORD))).toBe(true);
  });

  it('a password change ends the other sessions of the user, not the one that made it', async () => {
    const db = fresh();
    const id = await addUser(db, { username: 'anna', password: PASSWORD, role: 'panel' }, 'cli');
    const mine = createSession(db, id);
    const other = createSession(db, id);
    const kept = resolveSession(db, mine)!;
    await setPassword(db, 'anna', 'another long password', 'anna', kept.sessionId);
    expect(resolveSession(db, mine)?.username).toBe('anna');
    expect(resolveSession(db, other)).toBeNull();
    expect((await login(db, { username: 'anna', password: PASSWORD })).ok).toBe(false);
    expect((await login(db, { username: 'anna', password: 'another long password' })).ok).toBe(true);
  });

  it('a disabled account cannot log in, and its sessions end', async () => {
    const db = fresh();
    const id = await addUser(db, { username: 'anna', password: PASSWORD, role: 'panel' }, 'cli');
    const token = createSession(db, id);
    disableUser(db, 'anna', 'admin');
    expect(resolveSession(db, token)).toBeNull();
    expect(await login(db, { username: 'anna', password: PASSWORD })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('sessions', () => {
  it('stores only the hash of the token, and ends after the idle time', async () => {
    const db = fresh();
    const id = await addUser(db, { username: 'anna', password: PASSWORD, role: 'panel' }, 'cli');
    const start = new Date('2026-12-07T08:00:00Z');
    const token = createSession(db, id, start);
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    const row = db.select().from(sessions).get()!;
    expect(row.tokenHash).toBe(tokenHash(token));
    expect(row.tokenHash).not.toContain(token);
    expect(resolveSession(db, token, new Date(start.getTime() + SESSION_IDLE_MS - 1000))?.username).toBe('anna');
    // used just now: the idle time counts from the last use
    expect(resolveSession(db, token, new Date(start.getTime() + 2 * SESSION_IDLE_MS - 2000))?.username).toBe('anna');
    expect(resolveSession(db, token, new Date(start.getTime() + 3 * SESSION_IDLE_MS))).toBeNull();
    expect(resolveSession(db, 'not-a-token')).toBeNull();
  });
});

describe('login', () => {
  it('clears sessions idle past the limit when someone signs in, so they do not pile up', async () => {
    const db = fresh();
    const id = await addUser(db, { username: 'anna', password: PASSWORD, role: 'panel' }, 'cli');
    const start = new Date('2026-12-07T08:00:00Z');
    createSession(db, id, start);
    await login(db, { username: 'anna', password: PASSWORD }, new Date(start.getTime() + SESSION_IDLE_MS + 60_000));
    // the idle one is gone, the new one stays
    expect(db.select().from(sessions).all()).toHaveLength(1);
  });

  it(`after ${LOGIN_FAILURE_LIMIT} failures within 15 minutes, refuses even the right password until the window passes`, async () => {
    const db = fresh();
    await addUser(db, { username: 'anna', password: PASSWORD, role: 'panel' }, 'cli');
    const t0 = new Date('2026-12-07T08:00:00Z').getTime();
    for (let i = 0; i < LOGIN_FAILURE_LIMIT; i++) {
      expect(await login(db, { username: 'anna', password: `wrong ${i} password` }, new Date(t0 + i * 1000))).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await login(db, { username: 'anna', password: PASSWORD }, new Date(t0 + 10_000))).toEqual({ ok: false, reason: 'locked' });
    // another username is not locked by anna's failures
    expect((await login(db, { username: 'bob', password: PASSWORD }, new Date(t0 + 10_000))).ok).toBe(false);
    const after = await login(db, { username: 'anna', password: PASSWORD }, new Date(t0 + LOGIN_WINDOW_MS + 5_000));
    expect(after.ok).toBe(true);
    const actions = db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actor, 'anna')).all().map((r) => r.action);
    expect(actions.filter((a) => a === 'login.failed')).toHaveLength(LOGIN_FAILURE_LIMIT);
    expect(actions).toContain('login.locked');
    expect(actions).toContain('login');
  });
});
