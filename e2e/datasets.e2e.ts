import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './browser';

describe('first page: data sets and hospitals', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the demo city and its hospitals in Chinese, and switches to English', async () => {
    const page = await newPage(browser);
    await page.goto(inject('baseUrl'));
    await page.getByTestId('dataset-list').waitFor();
    const rows = page.locator('[data-testid="hospitals-table"] tbody tr[data-hospital-code]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(150);
    await expect.poll(() => page.locator('[data-testid="hospitals-table"] th').first().textContent()).toContain('机构编码');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('[data-testid="hospitals-table"] th').first().textContent()).toContain('Code');
  });

  it('takes a typed /datasets to the data sets page', async () => {
    const page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/datasets`);
    await page.getByTestId('dataset-list').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.context().close();
  });
});
