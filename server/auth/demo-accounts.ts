/**
 * The demo accounts of a new database (npm start): an administrator and one account per role, the hospital one for
 * H001, each with a random password printed once and written to a file readable only by its owner.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { addUser } from './users';

export const DEMO_ACCOUNTS: { username: string; role: Role; hospitalCode?: string }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'policy', role: 'policy' },
  { username: 'panel', role: 'panel' },
  { username: 'hospital-H001', role: 'hospital', hospitalCode: 'H001' },
];

/** Creates the demo accounts when the database has no account at all; returns what it wrote to `file`, or null. */
export async function ensureDemoAccounts(db: Db, file: string): Promise<string | null> {
  if (db.select({ id: users.id }).from(users).limit(1).get()) return null;
  const lines = ['# 演示账户 Demo accounts (username  role  password) — created at the first start; change or disable them with npm run user'];
  for (const account of DEMO_ACCOUNTS) {
    const password = randomBytes(12).toString('base64url');
    await addUser(db, { ...account, password, hospitalCode: account.hospitalCode ?? null }, 'start');
    lines.push([account.username.padEnd(14), account.role.padEnd(9), password].join('  '));
  }
  const text = `${lines.join('\n')}\n`;
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return text;
}
