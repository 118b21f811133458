import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { backupDatabase, checkBackup, restoreDatabase } from './backup';
import { auditLog } from './schema';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'drg-backup-'));
}

describe('backup and restore', () => {
  it('copies the database while it is open and written to, and restores the copy', async () => {
    const dir = tempDir();
    const live = path.join(dir, 'live.sqlite');
    const db = openDatabase(live);
    db.insert(auditLog).values({ at: 'now', actor: 'test', action: 'before', entity: 'x' }).run();
    const copy = path.join(dir, 'copy.sqlite');
    await backupDatabase(live, copy);
    // a write after the copy is not in it
    db.insert(auditLog).values({ at: 'now', actor: 'test', action: 'after', entity: 'x' }).run();
    db.$client.close();
    expect(checkBackup(copy)).toMatchObject({ ok: true });
    const restored = restoreDatabase(copy, live);
    expect(restored.ok).toBe(true);
    expect(fs.existsSync(restored.kept!)).toBe(true);
    const again = openDatabase(live);
    expect(again.select().from(auditLog).all().map((r) => r.action)).toEqual(['before']);
    again.$client.close();
    await expect(backupDatabase(live, copy)).rejects.toThrow(/exists/);
  });

  it('refuses a damaged copy or a file of something else, and changes nothing', () => {
    const dir = tempDir();
    const target = path.join(dir, 'live.sqlite');
    openDatabase(target).$client.close();
    const before = fs.readFileSync(target);
    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'not a database at all');
    expect(restoreDatabase(garbage, target).ok).toBe(false);
    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)');
    expect(checkBackup(other)).toMatchObject({ ok: false, problem: expect.stringMatching(/not a database of this workbench/) });
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });
});
