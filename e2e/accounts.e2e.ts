/**
 * 账户管理 in Chromium: an admin makes an account on the page, the new user signs in with it; a disabled account
 * cannot; other roles never reach the page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, trpcAs } from './browser';

describe('accounts page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  const signIn = async (username: string, password: string) => {
    const page = await newPage(browser, { role: null });
    await page.goto(`${inject('baseUrl')}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    return page;
  };

  it('lets an admin add a hospital representative who can then sign in, and disable them again', async () => {
    const username = `rep-e2e-${Date.now().toString(36)}`;
    const password = 'a long e2e password';
    const admin = await newPage(browser, { role: 'admin' });
    await admin.goto(`${inject('baseUrl')}/accounts`);
    await admin.getByTestId('account-add-form').waitFor();
    await admin.getByTestId('account-username').fill(username);
    await admin.getByTestId('account-password').fill(password);
    await admin.getByTestId('account-role').selectOption('hospital');
    // the codes are offered with the hospitals of the newest data set (other tests import some), and the page
    // names the hospital of the code typed
    const [newest] = await trpcAs<{ id: number }[]>('admin', 'datasets.list', {});
    const offered = await trpcAs<{ code: string; name: string }[]>('admin', 'datasets.hospitals', { datasetId: newest!.id });
    await admin.getByTestId('account-hospital').fill(offered[0]!.code);
    await expect.poll(() => admin.locator('#account-hospital-codes option').count()).toBe(offered.length);
    await expect.poll(() => admin.getByTestId('account-hospital-name').textContent()).toBe(offered[0]!.name);
    await admin.getByTestId('account-hospital').fill('H002');
    await admin.getByTestId('account-create').click();
    await expect.poll(() => admin.getByTestId('accounts-table').innerText(), { timeout: 30_000 }).toContain(username);

    const rep = await signIn(username, password);
    await expect.poll(() => rep.getByTestId('current-user').textContent().catch(() => ''), { timeout: 30_000 }).toContain('H002');
    expect(new URL(rep.url()).pathname).toBe('/my-hospital');
    await rep.context().close();

    await admin.getByTestId(`account-disable-${username}`).click();
    await expect.poll(() => admin.getByTestId(`account-enable-${username}`).count(), { timeout: 30_000 }).toBe(1);
    const refused = await signIn(username, password);
    await expect.poll(() => refused.getByTestId('login-error').textContent(), { timeout: 30_000 }).toContain('用户名或口令不对');
    await refused.context().close();
    await admin.context().close();
  });

  it('keeps every other role off the page and its API', async () => {
    for (const role of ['policy', 'panel', 'hospital'] as const) {
      const page = await newPage(browser, { role });
      await page.goto(`${inject('baseUrl')}/accounts`);
      expect(await page.getByTestId('accounts-view').count()).toBe(0);
      expect(await page.getByTestId('nav-accounts').count()).toBe(0);
      const api = await page.request.get(`${inject('baseUrl')}/api/trpc/accounts.list`);
      expect(api.status()).toBe(403);
      await page.context().close();
    }
  });
});
