import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from './proxy';

function request(path: string, host: string, cookie?: string): NextRequest {
  return new NextRequest(`http://${host}${path}`, { headers: { host, ...(cookie ? { cookie } : {}) } });
}

describe('proxy: the Host header and the session cookie before any page', () => {
  it('answers 421 to a host name that is not this server (DNS rebinding), pages and API alike', () => {
    expect(proxy(request('/workbench', 'evil.example', 'drg_session=x')).status).toBe(421);
    expect(proxy(request('/api/trpc/datasets.list', 'evil.example:3000')).status).toBe(421);
  });

  it("lets this machine's names through, and the names DRG_ALLOWED_HOSTS adds", () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']) expect(proxy(request('/api/auth/me', host)).status).toBe(200);
    expect(proxy(request('/api/auth/me', 'drg.bureau.lan')).status).toBe(421);
    process.env.DRG_ALLOWED_HOSTS = 'drg.bureau.lan, 10.1.2.3';
    try {
      expect(proxy(request('/api/auth/me', 'drg.bureau.lan')).status).toBe(200);
      expect(proxy(request('/api/auth/me', '10.1.2.3:3000')).status).toBe(200);
    } finally {
      delete process.env.DRG_ALLOWED_HOSTS;
    }
  });

  it('sends a page request without a session cookie to the login page, with the page to come back to', () => {
    const response = proxy(request('/workbench?dataset=2', 'localhost:3000'));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe('/workbench?dataset=2');
    expect(proxy(request('/login', 'localhost:3000')).status).toBe(200);
    expect(proxy(request('/workbench', 'localhost:3000', 'drg_session=abc')).status).toBe(200);
  });
});
