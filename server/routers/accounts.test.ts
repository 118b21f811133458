import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { createInnerContext, type Viewer } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { login } from '@/server/auth/login';
import { listAudit } from '@/server/services/audit-log';

describe('账户管理 through tRPC', () => {
  const db = openDatabase(':memory:');
  const as = (viewer: Viewer) => createCaller(createInnerContext({ db, viewer })).accounts;
  const admin = as({ name: 'root', role: 'admin' });

  it('lets an admin add, list, disable, enable and reset accounts, each audited with the admin as actor', async () => {
    await admin.add({ username: 'rep-h007', password: 'a long password 1', role: 'hospital', hospitalCode: 'H007' });
    await admin.add({ username: 'panel-li', password: 'a long password 2', role: 'panel' });
    const listed = await admin.list();
    expect(listed.map((u) => [u.username, u.role, u.hospitalCode, u.disabled])).toEqual([
      ['panel-li', 'panel', null, false],
      ['rep-h007', 'hospital', 'H007', false],
    ]);
    await admin.disable({ username: 'panel-li' });
    expect((await login(db, { username: 'panel-li', password: 'a long password 2' })).ok).toBe(false);
    await admin.enable({ username: 'panel-li' });
    expect((await login(db, { username: 'panel-li', password: 'a long password 2' })).ok).toBe(true);
    await admin.setPassword({ username: 'panel-li', password: 'another password 3' });
    expect((await login(db, { username: 'panel-li', password: 'a long password 2' })).ok).toBe(false);
    expect((await login(db, { username: 'panel-li', password: 'another password 3' })).ok).toBe(true);
    const actions = listAudit(db, { actor: 'root', limit: 50, offset: 0 }).rows.map((r) => r.action);
    expect(actions.sort()).toEqual(['user.add', 'user.add', 'user.disable', 'user.enable', 'user.password']);
    // no password and no hash in any audit entry
    expect(JSON.stringify(listAudit(db, { limit: 50, offset: 0 }).rows)).not.toMatch(/password [0-9]|scrypt/);
  });

  it('refuses bad accounts with a reason in English and Chinese, and changes nothing', async () => {
    const before = (await admin.list()).length;
    await expect(admin.add({ username: 'short', password: 'short', role: 'panel' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.add({ username: 'rep-h007', password: 'a long password 1', role: 'hospital', hospitalCode: 'H007' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已存在') });
    await expect(admin.add({ username: 'no-code', password: 'a long password 1', role: 'hospital' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.disable({ username: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin.disable({ username: 'root' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('不能停用自己') });
    expect((await admin.list()).length).toBe(before);
  });

  it('answers every other role FORBIDDEN', async () => {
    for (const viewer of [
      { name: 'p', role: 'policy' },
      { name: 'x', role: 'panel' },
      { name: 'h', role: 'hospital', hospitalCode: 'H001' },
    ] as Viewer[]) {
      await expect(as(viewer).list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(as(viewer).add({ username: 'evil', password: 'a long password 9', role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect((await admin.list()).some((u) => u.username === 'evil')).toBe(false);
  });
});
