/**
 * Two panel members save one draft round from two browsers: the second save, made from the version both opened,
 * is refused with what each changed; re-applied on the fresh version, it keeps both changes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiHeaders, launchBrowser, newPage, trpcAs } from './browser';

/** tRPC as the panel test account */
const trpc = <T>(procedure: string, input: unknown, method: 'GET' | 'POST' = 'GET') => trpcAs<T>('panel', procedure, input, method);

interface Round { id: number; datasetId: number; params: { level_coefficients?: Record<string, number> } }

async function openRound(browser: Browser, id: number): Promise<Page> {
  const page = await newPage(browser, { role: 'panel' });
  await page.goto(`${inject('baseUrl')}/workbench?round=${id}`);
  await page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });
  return page;
}

async function setLevel(page: Page, level: 2 | 3, value: number): Promise<void> {
  const field = page.getByTestId(`level-coefficient-${level}`);
  await field.fill(String(value));
  await field.press('Enter');
  await field.blur();
  await expect.poll(() => page.getByTestId('save-here').isEnabled()).toBe(true);
}

describe('two clients saving one draft', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('loses no change: the stale save is refused, shown, and re-applied on the fresh version', async () => {
    const rounds = await trpc<Round[]>('rounds.list', { datasetId: 1 });
    const base = rounds[0]!;
    const draft = await trpc<Round>('rounds.create', { datasetId: base.datasetId, name: '并发保存测试', parentId: base.id, params: { ...base.params, level_coefficients: { 1: 1, 2: 0.9, 3: 1.1 } } }, 'POST');
    const [a, b] = [await openRound(browser, draft.id), await openRound(browser, draft.id)];
    await setLevel(a, 2, 0.83);
    await setLevel(b, 3, 1.17);
    await a.getByTestId('save-here').click();
    await expect.poll(async () => (await trpc<Round>('rounds.get', { id: draft.id })).params.level_coefficients?.['2']).toBe(0.83);
    // b saves from the version both opened: refused, and told what each changed
    await b.getByTestId('save-here').click();
    const conflict = b.getByTestId('save-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('e2e-panel');
    await b.getByTestId('save-conflict-reapply').click();
    await conflict.waitFor({ state: 'detached' });
    const saved = await trpc<Round>('rounds.get', { id: draft.id });
    expect(saved.params.level_coefficients).toEqual({ 1: 1, 2: 0.83, 3: 1.17 });
    await a.context().close();
    await b.context().close();
    // the other test files see the demo city's own rounds
    await trpc('rounds.delete', { id: draft.id }, 'POST');
  });
});
