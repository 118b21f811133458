/**
 * /api/trpc as a whole: bounded (body size, batch length), deaf to a claimed user name, and closed to another
 * origin's writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { signedIn } from '@/server/auth/testing';

let cookie = '';

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  const { GET, POST } = await import('./route');
  const req = new Request(`http://localhost/api/trpc/${url}`, init);
  return (init.method === 'POST' ? POST : GET)(req);
}

describe('/api/trpc', () => {
  beforeAll(async () => {
    process.env.DRG_DB_PATH = ':memory:';
    cookie = (await signedIn(getDb(), 'panel')).cookie;
  });

  it('ignores a claimed user name: x-drg-user without a session is still nobody (401)', async () => {
    const res = await call('datasets.list', { headers: { 'x-drg-user': 'admin' } });
    expect(res.status).toBe(401);
    expect((await call('datasets.list', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a batch of more than 10 calls, and a body over 2 MB, before running anything', async () => {
    const batch = Array.from({ length: 11 }, () => 'datasets.list').join(',');
    expect((await call(`${batch}?batch=1`, { headers: { cookie } })).status).toBe(413);
    const big = 'x'.repeat(3 * 1024 * 1024);
    const res = await call('rounds.create', { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'content-length': String(big.length) }, body: big });
    expect(res.status).toBe(413);
  });

  it('refuses a write from another origin (403)', async () => {
    const res = await call('rounds.create', { method: 'POST', headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
  });
});
