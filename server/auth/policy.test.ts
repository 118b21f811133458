/**
 * Default deny, checked by enumeration: every tRPC procedure of the app router and every route handler under
 * app/api is called without a session, and as a hospital user. A procedure or route added without a policy fails
 * here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { createInnerContext, type Viewer } from '@/server/context';
import { appRouter, createCaller } from '@/server/routers/_app';
import { getDb } from '@/server/db';
import { PUBLIC, SIGNED_IN } from './policy';
import { signedIn } from './testing';
import type { ProcedureMeta } from '../trpc';

type AnyProcedure = { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: ProcedureMeta } };
const table = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const procedures = Object.entries(table);

/** procedures a hospital user may call, with why its answer cannot name another hospital */
const HOSPITAL_MAY_CALL: Record<string, string> = {
  'datasets.list': 'data set names, years and sizes: no hospital in them',
  'myHospital.rounds': 'round names and statuses, drafts left out: no parameters',
  'audit.list': "the audit log: a hospital user's own entries only (its name is forced as the actor)",
  'myHospital.outlierCases': 'outlier cases of its own hospital only (another code is refused); the round stays on the server',
  'myHospital.compare': 'the hospital view: its own hospital only (another code is refused), city totals',
  'myHospital.attribution': 'its own change split by lever family and its weights part by DRG: its own hospital only (another code is refused), no other row',
  'requests.list': "requests of its own hospital only (the service filters by the viewer's hospital)",
  'requests.get': "one request of its own hospital; another hospital's is NOT_FOUND",
  'requests.levers': 'the current lever values for its own hospital only (another code is refused), no round parameters',
  'requests.impact': 'its own hospital under the round and the round with its changes (another code is refused), city totals',
  'requests.create': "a request for its own hospital (the item has no hospital code: the viewer's is used)",
  'requests.update': 'its own draft only (author check); answers its own request',
  'requests.submit': 'its own draft only (author check); answers its own request',
  'requests.withdraw': 'its own request only (author check); answers its own request',
  'requests.removeAttachment': 'an attachment of its own draft only (author check)',
};

async function call(viewer: Viewer | null, name: string): Promise<unknown> {
  const caller = createCaller(createInnerContext({ db: openDatabase(':memory:'), viewer })) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [group, procedure] = name.split('.') as [string, string];
  try {
    await caller[group]![procedure]!({});
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('every tRPC procedure declares who may call it', () => {
  it('has a policy (procedureFor), and there are procedures to check', () => {
    expect(procedures.length).toBeGreaterThan(10);
    for (const [name, p] of procedures) expect(p._def.meta?.policy, name).toBeDefined();
  });

  it.each(procedures.map(([name]) => name))('%s refuses a caller without a session (401)', async (name) => {
    const policy = table[name]!._def.meta!.policy;
    if (policy === PUBLIC) return;
    expect(await call(null, name)).toBe('UNAUTHORIZED');
  });

  it.each(procedures.map(([name]) => name))('%s refuses a hospital user unless it is one cut to its hospital', async (name) => {
    const policy = table[name]!._def.meta!.policy;
    const outcome = await call({ name: 'rep', role: 'hospital', hospitalCode: 'H001' }, name);
    if (name in HOSPITAL_MAY_CALL) expect(policy).toBe(SIGNED_IN);
    else expect(outcome).toBe('FORBIDDEN');
  });
});

/** every route file under app/api, with its exported handlers */
function routeFiles(dir = path.join(process.cwd(), 'app', 'api')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? routeFiles(full) : d.name === 'route.ts' ? [full] : [];
  });
}

/** routes anyone may call: signing in and out */
const PUBLIC_ROUTES = ['auth/login/route.ts', 'auth/logout/route.ts'];
/**
 * routes a hospital user may call, about its own hospital's requests only, and a live session's event stream (its own
 * hospital's figures, never parameters: server/live/live.test.ts): anything else does not exist for it (404)
 */
const HOSPITAL_ROUTES = ['requests/[id]/attachments/route.ts', 'requests/attachments/[id]/route.ts', 'live/[id]/events/route.ts'];

describe('every route handler declares who may call it', () => {
  let hospitalCookie = '';
  beforeAll(async () => {
    process.env.DRG_DB_PATH = ':memory:';
    hospitalCookie = (await signedIn(getDb(), 'hospital')).cookie;
  });
  const files = routeFiles();

  it('finds the routes', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files.map((f) => path.relative(path.join(process.cwd(), 'app', 'api'), f)))('%s: 401 without a session, 403 or filtered for a hospital user', async (file) => {
    const mod = (await import(path.join(process.cwd(), 'app', 'api', file))) as Record<string, unknown>;
    const context = { params: Promise.resolve({ id: '1', trpc: 'rounds.list' }) };
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const handler = mod[method] as ((req: Request, ctx: unknown) => Promise<Response> | Response) | undefined;
      if (!handler) continue;
      const url = file.includes('trpc')
        ? `http://localhost/api/trpc/${method === 'GET' ? 'rounds.list?input=%7B%7D' : 'rounds.create'}`
        : `http://localhost/api/${path.dirname(file)}`;
      const init = (cookie?: string): RequestInit => ({
        method,
        headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      const anonymous = await handler(new Request(url, init()), context);
      if (PUBLIC_ROUTES.includes(file)) {
        expect(anonymous.status, `${method} ${file}`).not.toBe(500);
        continue;
      }
      expect(anonymous.status, `${method} ${file} anonymous`).toBe(401);
      const hospital = await handler(new Request(url, init(hospitalCookie)), context);
      if (HOSPITAL_ROUTES.includes(file)) {
        expect(hospital.status, `${method} ${file} as hospital: no request 1 of its own`).toBe(404);
        continue;
      }
      expect([403, 200], `${method} ${file} as hospital`).toContain(hospital.status);
      if (hospital.status === 200) expect(file, 'only the session route answers a hospital user').toBe('auth/me/route.ts');
    }
  });
});
