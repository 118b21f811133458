/**
 * 现场谈判 in Chromium: a panel member presents a round; two bureau followers (policy staff, an admin) and a
 * hospital user follow from their own browser contexts. Each edit of the 二级 level coefficient reaches every
 * follower's screen within 1 s, measured in the pages (the presenter's Enter and each follower's DOM change, on
 * one machine's clock) and printed; the followers cannot edit; undo, redo, another compared round and a save as
 * a new round reach them; a follower that loses its connection catches up; the hospital user's browser receives
 * nothing (event stream included) naming another hospital.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiHeaders, launchBrowser, newPage } from './browser';
import { E2E_USERS } from './global-setup';

interface Round { id: number; datasetId: number; name: string; parentId: number | null; createdBy: string; params: Record<string, unknown> }

async function trpc<T>(procedure: string, input: unknown, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const base = `${inject('baseUrl')}/api/trpc/${procedure}`;
  const headers = await apiHeaders('panel');
  const res =
    method === 'GET'
      ? await fetch(`${base}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(base, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  expect(res.ok, `${procedure}: ${res.status}`).toBe(true);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

/** Every event-stream message a page receives, kept in the page (window.__liveEvents) as its raw data. */
const RECORD_EVENTS = `(() => {
  window.__liveEvents = [];
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, listener, options) {
    const recording = (event) => { window.__liveEvents.push(type + ' ' + event.data); return listener.call(this, event); };
    return add.call(this, type, recording, options);
  };
})();`;

/**
 * Resolves, in the page, with Date.now() at the first DOM change after which `ready()` holds (a mutation observer
 * sees React's commit; an animation-frame poll backs it up).
 */
function whenShown(page: Page, check: { testId: string; attr: 'value' | 'data-version'; above?: number; equals?: string }): Promise<number> {
  return page.evaluate((c) => {
    const ready = () => {
      const el = document.querySelector<HTMLInputElement>(`[data-testid="${c.testId}"]`);
      if (!el) return false;
      const value = c.attr === 'value' ? el.value : el.getAttribute(c.attr) ?? '';
      return c.equals !== undefined ? value === c.equals : Number(value) > (c.above ?? 0);
    };
    return new Promise<number>((resolve) => {
      if (ready()) return resolve(Date.now());
      const done = () => {
        observer.disconnect();
        resolve(Date.now());
      };
      const observer = new MutationObserver(() => ready() && done());
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const poll = () => (ready() ? done() : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    });
  }, check);
}

const settled = (page: Page) => page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });

describe('live negotiating session (现场谈判)', () => {
  let browser: Browser;
  const cleanup: number[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // newest first: a round with children cannot be deleted
    for (const id of cleanup.sort((a, b) => b - a)) await trpc('rounds.delete', { id }, 'POST').catch(() => undefined);
    await browser.close();
  });

  it('relays every edit to two bureau followers and a hospital user within 1 s; they follow undo, redo, rounds and a save', async () => {
    const seeded = (await trpc<Round[]>('rounds.list', { datasetId: 1 })).filter((r) => r.createdBy === 'seed');
    const [baseline, parent, other] = [seeded[0]!, seeded[1]!, seeded[2]!];
    const draft = await trpc<Round>('rounds.create', { datasetId: 1, name: '现场谈判测试', parentId: parent.id, params: parent.params }, 'POST');
    cleanup.push(draft.id);

    const presenter = await newPage(browser, { role: 'panel', viewport: { width: 1280, height: 720 } });
    await presenter.goto(`${inject('baseUrl')}/workbench?dataset=1&round=${draft.id}&baseline=${baseline.id}`);
    await settled(presenter);
    await presenter.getByTestId('live-start').click();
    const link = presenter.getByTestId('live-link');
    await link.waitFor();
    const url = (await link.getAttribute('data-url'))!;
    expect(url).toMatch(/\/live\/[\w-]+$/);

    const followers: Page[] = [];
    for (const role of ['policy', 'admin'] as const) {
      const page = await newPage(browser, { role });
      await page.goto(url);
      await settled(page);
      followers.push(page);
    }
    const hospital = await newPage(browser, { role: 'hospital' });
    await hospital.addInitScript(RECORD_EVENTS);
    const bodies: { url: string; text: Promise<string> }[] = [];
    hospital.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/json|html|text|x-component|javascript|event-stream/.test(type)) bodies.push({ url: response.url(), text: response.text().catch(() => '') });
    });
    await hospital.goto(url);
    await hospital.locator('[data-testid="live-figures-state"][data-state="settled"]').waitFor({ timeout: 60_000 });
    expect(await hospital.getByTestId('live-hospital-name').textContent()).toContain(E2E_USERS.hospital.hospitalCode);
    await expect.poll(async () => Number(await presenter.getByTestId('live-followers').getAttribute('data-count'))).toBe(3);

    // the followers see the presenter's levers and cannot edit them
    for (const page of followers) {
      const field = page.getByTestId('level-coefficient-2');
      expect(await field.inputValue()).toBe(await presenter.getByTestId('level-coefficient-2').inputValue());
      expect(await field.isEditable()).toBe(false);
    }

    const field = presenter.getByTestId('level-coefficient-2');
    await presenter.evaluate(() => {
      const w = window as unknown as { __commitAt: number };
      window.addEventListener('keydown', (e) => e.key === 'Enter' && (w.__commitAt = Date.now()), true);
    });
    const latencies: number[][] = [[], [], []];
    const hospitalFen: string[] = [(await hospital.getByTestId('live-hospital-settlement').getAttribute('data-fen'))!];
    for (const value of ['0.83', '0.87', '0.91', '0.79', '0.85']) {
      const version = Number(await hospital.getByTestId('live-hospital').getAttribute('data-version'));
      const shown = [
        ...followers.map((page) => whenShown(page, { testId: 'level-coefficient-2', attr: 'value', equals: value })),
        whenShown(hospital, { testId: 'live-hospital', attr: 'data-version', above: version }),
      ];
      await field.fill(value);
      await field.press('Enter');
      const at = await Promise.all(shown);
      const committed = await presenter.evaluate(() => (window as unknown as { __commitAt: number }).__commitAt);
      at.forEach((t, i) => latencies[i]!.push(t - committed));
      hospitalFen.push((await hospital.getByTestId('live-hospital-settlement').getAttribute('data-fen'))!);
    }
    console.log(`live session, edit → follower's screen (ms): policy ${latencies[0]!.join(', ')}; admin ${latencies[1]!.join(', ')}; hospital (settled on the server) ${latencies[2]!.join(', ')}`);
    for (const list of latencies) for (const ms of list) expect(ms).toBeLessThan(1000);
    // the hospital's own settlement moves with the edits (a level-2 coefficient moves the point value)
    expect(new Set(hospitalFen).size).toBeGreaterThan(1);

    // undo and redo reach the followers
    await presenter.getByTestId('undo').click();
    for (const page of followers) await expect.poll(() => page.getByTestId('level-coefficient-2').inputValue()).toBe('0.79');
    await presenter.getByTestId('redo').click();
    for (const page of followers) await expect.poll(() => page.getByTestId('level-coefficient-2').inputValue()).toBe('0.85');
    await expect.poll(() => followers[0]!.getByTestId('live-change').getAttribute('data-kind')).toBe('redo');

    // another compared round: the followers compare it too, in their own workers
    await presenter.getByTestId('compare-add').selectOption(String(other.id));
    for (const page of followers) {
      await expect.poll(() => page.getByTestId('live-compared').textContent()).toContain(other.name);
      await settled(page);
    }
    await expect.poll(() => hospital.getByTestId('live-compared').textContent()).toContain(other.name);

    // a follower that loses its connection catches up with the presenter's current state
    const dropped = followers[1]!;
    await dropped.context().setOffline(true);
    await expect.poll(() => dropped.getByTestId('live-connection').getAttribute('data-state')).toBe('reconnecting');
    await field.fill('0.81');
    await field.press('Enter');
    await expect.poll(() => followers[0]!.getByTestId('level-coefficient-2').inputValue()).toBe('0.81');
    await dropped.context().setOffline(false);
    await expect.poll(() => dropped.getByTestId('level-coefficient-2').inputValue()).toBe('0.81');
    expect(await dropped.getByTestId('live-connection').getAttribute('data-state')).toBe('open');

    // 另存为新轮次: the followers now follow the new round, by its name
    await presenter.getByTestId('save-round').click();
    await presenter.getByTestId('save-round-name').fill('现场谈判测试 另存');
    await presenter.getByTestId('save-round-confirm').click();
    for (const page of [...followers, hospital]) {
      await expect.poll(() => page.getByTestId('live-round').textContent()).toContain('现场谈判测试 另存');
      await expect.poll(() => page.getByTestId('live-change').getAttribute('data-kind')).toBe('saved');
    }
    const saved = (await trpc<Round[]>('rounds.list', { datasetId: 1 })).find((r) => r.name === '现场谈判测试 另存')!;
    cleanup.push(saved.id);
    expect((saved.params.level_coefficients as Record<string, number>)['2']).toBe(0.81);
    expect(await followers[0]!.getByTestId('level-coefficient-2').inputValue()).toBe('0.81');

    // the end closes every stream; then nothing the hospital's browser received names another hospital
    await presenter.getByTestId('live-menu').click();
    await presenter.getByTestId('live-end').click();
    for (const page of [...followers, hospital]) await expect.poll(() => page.getByTestId('live-connection').getAttribute('data-state')).toBe('ended');
    const db = new Database(inject('dbPath'), { readonly: true });
    const others = db.prepare(`SELECT code, name FROM hospitals WHERE code <> ?`).all(E2E_USERS.hospital.hospitalCode) as { code: string; name: string }[];
    db.close();
    expect(others.length).toBeGreaterThan(100);
    const events = await hospital.evaluate(() => (window as unknown as { __liveEvents: string[] }).__liveEvents);
    expect(events.filter((e) => e.startsWith('figures ')).length).toBeGreaterThanOrEqual(6);
    expect(events.join('\n')).not.toContain('level_coefficients');
    const texts = [...(await Promise.all(bodies.map(async (b) => ({ url: b.url, text: await b.text })))), { url: 'event stream', text: events.join('\n') }];
    const leaks = texts.flatMap(({ url, text }) => others.filter((h) => text.includes(`"${h.code}"`) || text.includes(h.name)).map((h) => `${url}: ${h.code} ${h.name}`));
    expect(leaks).toEqual([]);
    for (const page of [presenter, ...followers, hospital]) await page.context().close();
  });
});
