import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';

describe('schema and migrations', () => {
  it('creates every table on an empty database file and is idempotent on reopen', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-db-'));
    const file = path.join(dir, 'nested', 'empty.sqlite');
    const first = openDatabase(file);
    const tables = (first.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[])
      .map((t) => t.name)
      .filter((n) => !n.startsWith('sqlite_') && !n.startsWith('__'));
    expect(tables).toEqual(['audit_log', 'cases', 'datasets', 'drgs', 'hospital_requests', 'hospitals', 'login_failures', 'request_attachments', 'rounds', 'sessions', 'users']);
    first.$client.close();
    const second = openDatabase(file);
    const applied = second.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(fs.readdirSync(path.join(process.cwd(), 'db', 'migrations')).filter((f) => f.endsWith('.sql')).length);
    second.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

});
