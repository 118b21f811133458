/**
 * Accounts in Chromium: a visitor without a session sees the login page and no data; signing in leads to the page
 * asked for; a hospital user walks every page and nothing its browser receives names another hospital.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';
import { E2E_PASSWORD, E2E_USERS } from './global-setup';

describe('accounts and the hospital data boundary in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows a visitor the login page and no data, then the page asked for once signed in', async () => {
    const page = await newPage(browser, { role: null });
    const response = (await page.goto(`${inject('baseUrl')}/workbench`))!;
    // the page the browser lands on carries the security headers, and does not say what serves it
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-powered-by']).toBeUndefined();
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('body').innerText()).not.toMatch(/H0\d\d/);
    // the login page as the server sends it, before its scripts run: a form the browser sent itself would put
    // the password in the URL, so it is a POST form and its button waits for the scripts
    const html = await (await page.request.get(`${inject('baseUrl')}/login`)).text();
    const tag = (testId: string) => html.match(new RegExp(`<(?:form|button)[^>]*data-testid="${testId}"[^>]*>`))?.[0] ?? '';
    expect(tag('login-form')).toContain('method="post"');
    expect(tag('login-submit')).toContain('disabled=""');
    await expect.poll(() => page.getByTestId('login-submit').isEnabled()).toBe(true);
    expect((await page.request.get(`${inject('baseUrl')}/api/trpc/datasets.list`)).status()).toBe(401);
    // a wrong password says so, in Chinese
    await page.getByTestId('login-username').fill(E2E_USERS.panel.username);
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或口令不对');
    await page.getByTestId('login-password').fill(E2E_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
    expect(new URL(page.url()).pathname).toBe('/workbench');
    expect(await page.getByTestId('current-user').textContent()).toContain(E2E_USERS.panel.username);
    // signing out ends the session: the API refuses, the pages go to the login page
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    expect((await page.request.get(`${inject('baseUrl')}/api/trpc/datasets.list`)).status()).toBe(401);
    await page.context().close();
  });

  it("a hospital user's browser receives nothing that names another hospital, on any page", async () => {
    const db = new Database(inject('dbPath'), { readonly: true });
    const others = db.prepare(`SELECT code, name FROM hospitals WHERE code <> ?`).all(E2E_USERS.hospital.hospitalCode) as { code: string; name: string }[];
    db.close();
    expect(others.length).toBeGreaterThan(100);
    const page: Page = await newPage(browser, { role: 'hospital' });
    const bodies: { url: string; text: string }[] = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (!/json|html|text|x-component|javascript/.test(type)) return;
      void response.text().then((text) => bodies.push({ url: response.url(), text }), () => undefined);
    });
    for (const path of ['/', '/workbench', '/import', '/selfcheck', '/my-hospital']) {
      await page.goto(`${inject('baseUrl')}${path}`);
      // every page of the bureau's side sends a hospital user to its own hospital's page
      expect(new URL(page.url()).pathname, path).toBe('/my-hospital');
    }
    await page.getByTestId('my-hospital-name').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('my-hospital-name').textContent()).toContain('H001');
    await page.getByTestId('hospital-statement').first().waitFor();
    // its attribution, computed on the server, has arrived (its body is among those checked below)
    await page.locator('[data-testid="my-attribution"][data-state="done"]').waitFor({ timeout: 120_000 });
    // the bureau's data, asked for directly, is refused
    expect((await page.request.get(`${inject('baseUrl')}/api/datasets/1/columns`)).status()).toBe(403);
    const asOther = encodeURIComponent(JSON.stringify({ datasetId: 1, baselineId: 1, roundId: 2, hospitalCode: others[0]!.code }));
    expect((await page.request.get(`${inject('baseUrl')}/api/trpc/myHospital.compare?input=${asOther}`)).status()).toBe(403);
    expect((await page.request.get(`${inject('baseUrl')}/api/trpc/myHospital.attribution?input=${asOther}`)).status()).toBe(403);
    // its audit log: its own entries only (its sign-in)
    await page.goto(`${inject('baseUrl')}/audit`);
    await page.locator('[data-testid="audit-table"] tbody tr').first().waitFor();
    const actors = await page.locator('[data-testid="audit-table"] tbody tr td:nth-child(2)').allTextContents();
    expect(new Set(actors)).toEqual(new Set([E2E_USERS.hospital.username]));
    await page.waitForLoadState('networkidle');
    expect(bodies.length).toBeGreaterThan(3);
    const leaks = bodies.flatMap(({ url, text }) =>
      others.filter((h) => text.includes(`"${h.code}"`) || text.includes(h.name)).map((h) => `${url}: ${h.code} ${h.name}`),
    );
    expect(leaks).toEqual([]);
    await page.context().close();
  });
});
