import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@/db/client';
import { seedDemoCity } from '@/db/seed';

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
    await waitForServer(`${external}/api/trpc/datasets.list`, 120_000);
    project.provide('baseUrl', external);
    project.provide('dbPath', process.env.E2E_DB_PATH ?? '');
    return async () => {};
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-e2e-'));
  const dbPath = path.join(dir, 'e2e.sqlite');
  const db = openDatabase(dbPath);
  seedDemoCity(db, {});
  db.$client.close();
  const port = await serverPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DRG_DB_PATH: dbPath, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForServer(`${baseUrl}/api/trpc/datasets.list`, 60_000);
  project.provide('baseUrl', baseUrl);
  project.provide('dbPath', dbPath);
  return async () => {
    server?.kill('SIGTERM');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
