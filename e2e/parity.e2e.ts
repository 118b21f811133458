import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from './browser';

describe('engine parity', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('settles every demo round to the same bytes in a Chromium Web Worker and in Node', async () => {
    const page = await newPage(browser);
    await page.goto(`${inject('baseUrl')}/selfcheck`);
    const rows = page.locator('[data-testid="selfcheck-table"] tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(3);
    await expect
      .poll(async () => page.locator('[data-testid="selfcheck-table"] tbody tr[data-verdict="pending"]').count(), { timeout: 120_000 })
      .toBe(0);
    const verdicts = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-verdict')));
    expect(verdicts).toEqual(new Array(count).fill('match'));
  });
});
