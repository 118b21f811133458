import { chromium, type Browser, type Page } from 'playwright-core';
import type { Role } from '@/db/schema';
import { E2E_PASSWORD, E2E_USERS } from './global-setup';

/** Debian's Chromium, headless, with no background network (the machine has none). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page in a fresh context signed in as the test account of `role` (policy staff unless said: they may do what
 * the panel does, and import and lock); `role: null` for a visitor without a session.
 */
export async function newPage(
  browser: Browser,
  options: { role?: Role | null; viewport?: { width: number; height: number }; baseUrl?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1600, height: 1000 }, acceptDownloads: true, locale: 'zh-CN' });
  const role = options.role === undefined ? 'policy' : options.role;
  if (role) await signIn(context.request, role, options.baseUrl);
  return context.newPage();
}

/** the server under test (vitest's global setup provides it; scripts outside vitest pass their own) */
async function testBaseUrl(): Promise<string> {
  const { inject } = await import('vitest');
  return inject('baseUrl');
}

/** Signs the context in (the session cookie lands in the context's cookie jar, which its pages share). */
export async function signIn(request: import('playwright-core').APIRequestContext, role: Role, baseUrl?: string): Promise<void> {
  baseUrl ??= await testBaseUrl();
  const res = await request.post(`${baseUrl}/api/auth/login`, {
    data: { username: E2E_USERS[role].username, password: E2E_PASSWORD },
    headers: { origin: baseUrl },
  });
  if (!res.ok()) throw new Error(`sign-in as ${role} failed: ${res.status()} ${await res.text()}`);
}

const cookies = new Map<Role, Promise<string>>();

/**
 * Headers for the tests' own calls of the API from Node (tRPC queries, uploads): the session cookie of the test
 * account of `role` (signed in once per test file), and the app's origin, as the app's pages send them.
 */
export async function apiHeaders(role: Role = 'policy'): Promise<Record<string, string>> {
  const baseUrl = await testBaseUrl();
  let cookie = cookies.get(role);
  if (!cookie) {
    cookie = fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ username: E2E_USERS[role].username, password: E2E_PASSWORD }),
    }).then((res) => {
      if (!res.ok) throw new Error(`sign-in as ${role} failed: ${res.status}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    });
    cookies.set(role, cookie);
  }
  return { cookie: await cookie, origin: baseUrl };
}

/**
 * A tRPC call from Node as `role`, as the app's pages make it: a query (GET, its input in the URL) or a mutation
 * (POST). An answer other than 2xx throws with the procedure, the status and the server's message.
 */
export async function trpcAs<T>(role: Role, procedure: string, input: unknown, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const base = `${await testBaseUrl()}/api/trpc/${procedure}`;
  const headers = await apiHeaders(role);
  const res =
    method === 'GET'
      ? await fetch(`${base}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(base, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${(await res.text()).slice(0, 500)}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}
