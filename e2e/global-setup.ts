import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { seedDemoCity } from '@/db/seed';
import { addUser } from '@/server/auth/users';
import { listUsers } from '@/server/auth/users';
import type { Role } from '@/db/schema';

/** the accounts the browser tests sign in with (newPage in e2e/browser.ts), one per role, made in the test database */
export const E2E_PASSWORD = 'e2e password 2026';
export const E2E_USERS: Record<Role, { username: string; hospitalCode?: string }> = {
  admin: { username: 'e2e-admin' },
  policy: { username: 'e2e-policy' },
  panel: { username: 'e2e-panel' },
  hospital: { username: 'e2e-hospital', hospitalCode: 'H001' },
};

export async function ensureTestUsers(file: string): Promise<void> {
  const db = openDatabase(file);
  const existing = new Set(listUsers(db).map((u) => u.username));
  for (const [role, user] of Object.entries(E2E_USERS) as [Role, { username: string; hospitalCode?: string }][]) {
    if (!existing.has(user.username)) await addUser(db, { username: user.username, password: E2E_PASSWORD, role, hospitalCode: user.hospitalCode ?? null }, 'e2e');
  }
  db.$client.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
  }
}

let server: ChildProcess | undefined;
let dir: string | undefined;

/** E2E_PORT, or a port free on this machine now (a fixed port fails wherever something else listens on it). */
async function serverPort(): Promise<number> {
  if (process.env.E2E_PORT) return Number(process.env.E2E_PORT);
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not start within ${timeoutMs} ms`);
}

/** Seeds the demo city into a temporary database and serves the production build on it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // a server already running (a development server while working on one test file): E2E_BASE_URL and E2E_DB_PATH
  const external = process.env.E2E_BASE_URL;
  if (external) {
    if (process.env.E2E_DB_PATH) await ensureTestUsers(process.env.E2E_DB_PATH);
    await waitForServer(`${external}/login`, 120_000);
    project.provide('baseUrl', external);
    project.provide('dbPath', process.env.E2E_DB_PATH ?? '');
    return async () => {};
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-e2e-'));
  const dbPath = path.join(dir, 'e2e.sqlite');
  const db = openDatabase(dbPath);
  seedDemoCity(db, {});
  db.$client.close();
  await ensureTestUsers(dbPath);
  const port = await serverPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DRG_DB_PATH: dbPath, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForServer(`${baseUrl}/login`, 60_000);
  project.provide('baseUrl', baseUrl);
  project.provide('dbPath', dbPath);
  return async () => {
    server?.kill('SIGTERM');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
