import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from './demo-accounts';
import { login } from './login';
import { listUsers } from './users';

describe('demo accounts of a new database', () => {
  it('makes one account per role with a random password, written to a file only its owner reads, once', async () => {
    const db = openDatabase(':memory:');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-accounts-'));
    const file = path.join(dir, 'demo-accounts.txt');
    const text = await ensureDemoAccounts(db, file);
    expect(text).not.toBeNull();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(listUsers(db).map((u) => u.role).sort()).toEqual(['admin', 'hospital', 'panel', 'policy']);
    expect(listUsers(db).find((u) => u.role === 'hospital')?.hospitalCode).toBe('H001');
    // each printed password signs its account in
    for (const account of DEMO_ACCOUNTS) {
      const line = text!.split('\n').find((l) => l.startsWith(`${account.username} `))!;
      const password = line.trim().split(/\s+/).at(-1)!;
      expect(password.length).toBeGreaterThanOrEqual(10);
      expect((await login(db, { username: account.username, password })).ok).toBe(true);
    }
    // a second start changes nothing
    expect(await ensureDemoAccounts(db, file)).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
