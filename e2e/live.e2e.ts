/**
 * 现场谈判 in Chromium: a panel member presents a round; two bureau followers (policy staff, an admin) and a
 * hospital user follow from their own browser contexts; then a presenter hands over to a follower. Each edit of the 二级 level coefficient reaches every
 * follower's screen within 1 s, measured in the pages (the presenter's Enter and each follower's DOM change, on
 * one machine's clock) and printed; the followers cannot edit; undo, redo, another compared round and a save as
 * a new round reach them; a follower that loses its connection catches up; the hospital user's browser receives
 * nothing (event stream included) naming another hospital.
 */
import net from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiHeaders, launchBrowser, newPage, trpcAs } from './browser';
import { E2E_USERS } from './global-setup';

interface Round { id: number; datasetId: number; name: string; parentId: number | null; createdBy: string; params: Record<string, unknown> }

/** tRPC as the panel test account */
const trpc = <T>(procedure: string, input: unknown, method: 'GET' | 'POST' = 'GET') => trpcAs<T>('panel', procedure, input, method);

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

/**
 * A TCP relay in front of the server, for one follower: `drop` cuts its connections and refuses new ones until
 * `resume` (a network drop as the browser meets it: its event stream errs and reconnects on its own).
 */
async function relay(target: string): Promise<{ origin: string; drop: () => void; resume: () => void; close: () => void }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(Number(port), hostname);
    const end = () => {
      for (const s of [client, upstream]) {
        s.destroy();
        sockets.delete(s);
      }
    };
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', end).on('close', end);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: relayPort } = server.address() as net.AddressInfo;
  return {
    origin: `http://127.0.0.1:${relayPort}`,
    drop: () => {
      down = true;
      for (const s of sockets) s.destroy();
    },
    resume: () => {
      down = false;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

/**
 * A page of the test: against a development server, its hot reloading is held off (another file saved meanwhile
 * would reload every page mid-session); a production server has no such socket.
 */
async function openPage(browser: Browser, role: 'panel' | 'policy' | 'admin' | 'hospital', viewport?: { width: number; height: number }): Promise<Page> {
  const page = await newPage(browser, { role, ...(viewport ? { viewport } : {}) });
  await page.context().routeWebSocket(/_next\/webpack-hmr/, () => undefined);
  return page;
}

const settled = (page: Page) => page.locator('[data-testid="settle-status"][data-state="settled"]').waitFor({ timeout: 120_000 });

describe('live negotiating session (现场谈判)', () => {
  let browser: Browser;
  const cleanup: number[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    // newest first: a round with children cannot be deleted
    for (const id of cleanup.sort((a, b) => b - a)) await trpc('rounds.delete', { id }, 'POST').catch(() => undefined);
  });

  it('relays every edit to two bureau followers and a hospital user within 1 s; they follow undo, redo, rounds and a save', async () => {
    const seeded = (await trpc<Round[]>('rounds.list', { datasetId: 1 })).filter((r) => r.createdBy === 'seed');
    const [baseline, parent, other] = [seeded[0]!, seeded[1]!, seeded[2]!];
    const draft = await trpc<Round>('rounds.create', { datasetId: 1, name: '现场谈判测试', parentId: parent.id, params: parent.params }, 'POST');
    cleanup.push(draft.id);

    const presenter = await openPage(browser, 'panel', { width: 1280, height: 720 });
    await presenter.goto(`${inject('baseUrl')}/workbench?dataset=1&round=${draft.id}&baseline=${baseline.id}`, { timeout: 120_000 });
    await settled(presenter);
    await presenter.getByTestId('live-start').click();
    const link = presenter.getByTestId('live-link');
    await link.waitFor({ timeout: 120_000 });
    const url = (await link.getAttribute('data-url'))!;
    expect(url).toMatch(/\/live\/[\w-]+$/);

    // the second bureau follower reaches the server through a relay that can drop its connections
    const network = await relay(inject('baseUrl'));
    const followers: Page[] = [];
    for (const role of ['policy', 'admin'] as const) {
      const page = await openPage(browser, role);
      await page.goto(role === 'admin' ? url.replace(new URL(url).origin, network.origin) : url, { timeout: 120_000 });
      await settled(page);
      followers.push(page);
    }
    const hospital = await openPage(browser, 'hospital');
    await hospital.addInitScript(RECORD_EVENTS);
    const bodies: { url: string; text: Promise<string> }[] = [];
    hospital.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (!/json|html|text|x-component|javascript|event-stream/.test(type)) return;
      // an event stream's body, if Chromium keeps it, comes when the stream closes; its messages are recorded in the page too
      const text = response.text().catch(() => '');
      bodies.push({ url: response.url(), text: type.includes('event-stream') ? Promise.race([text, new Promise<string>((r) => setTimeout(() => r(''), 10_000))]) : text });
    });
    await hospital.goto(url, { timeout: 120_000 });
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
    // the first two edits, on their own (a development server compiles the post's route then, and each page runs
    // the follow path the first time): printed, not held to 1 s
    const warmUp = 2;
    for (const [i, value] of ['0.88', '0.89', '0.83', '0.87', '0.91', '0.79', '0.85'].entries()) {
      const version = Number(await hospital.getByTestId('live-hospital').getAttribute('data-version'));
      const shown = [
        ...followers.map((page) => whenShown(page, { testId: 'level-coefficient-2', attr: 'value', equals: value })),
        whenShown(hospital, { testId: 'live-hospital', attr: 'data-version', above: version }),
      ];
      await field.fill(value);
      await field.press('Enter');
      const at = await Promise.all(shown);
      const committed = await presenter.evaluate(() => (window as unknown as { __commitAt: number }).__commitAt);
      if (i < warmUp) console.log(`live session, warm-up edit ${i + 1} → followers' screens (ms): ${at.map((t) => t - committed).join(', ')}`);
      else at.forEach((t, f) => latencies[f]!.push(t - committed));
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
    await presenter.getByTestId('compare-rounds').click();
    await presenter.getByTestId('compare-add').selectOption(String(other.id));
    await presenter.keyboard.press('Escape');
    for (const page of followers) {
      await expect.poll(() => page.getByTestId('live-compared').textContent()).toContain(other.name);
      await settled(page);
    }
    await expect.poll(() => hospital.getByTestId('live-compared').textContent()).toContain(other.name);

    // a follower that loses its connection catches up with the presenter's current state
    const dropped = followers[1]!;
    network.drop();
    await expect.poll(() => dropped.getByTestId('live-connection').getAttribute('data-state')).toBe('reconnecting');
    await field.fill('0.81');
    await field.press('Enter');
    await expect.poll(() => followers[0]!.getByTestId('level-coefficient-2').inputValue()).toBe('0.81');
    expect(await dropped.getByTestId('level-coefficient-2').inputValue()).toBe('0.85');
    network.resume();
    await expect.poll(() => dropped.getByTestId('level-coefficient-2').inputValue()).toBe('0.81');
    await expect.poll(() => dropped.getByTestId('live-connection').getAttribute('data-state')).toBe('open');

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
    network.close();
  }, 600_000);

  it('hands over to a following policy user, who presents from the workbench where the session stands', async () => {
    const seeded = (await trpc<Round[]>('rounds.list', { datasetId: 1 })).filter((r) => r.createdBy === 'seed');
    const [baseline, parent] = [seeded[0]!, seeded[1]!];
    const draft = await trpc<Round>('rounds.create', { datasetId: 1, name: '现场谈判移交测试', parentId: parent.id, params: parent.params }, 'POST');
    cleanup.push(draft.id);
    const first = await openPage(browser, 'panel');
    await first.goto(`${inject('baseUrl')}/workbench?dataset=1&round=${draft.id}&baseline=${baseline.id}`, { timeout: 120_000 });
    await settled(first);
    await first.getByTestId('live-start').click();
    await first.getByTestId('live-link').waitFor({ timeout: 120_000 });
    const url = (await first.getByTestId('live-link').getAttribute('data-url'))!;
    const field = first.getByTestId('level-coefficient-2');
    await field.fill('0.84');
    await field.press('Enter');
    const [next, watcher] = [await openPage(browser, 'policy'), await openPage(browser, 'admin')];
    for (const page of [next, watcher]) {
      await page.goto(url, { timeout: 120_000 });
      await expect.poll(() => page.getByTestId('level-coefficient-2').inputValue()).toBe('0.84');
    }
    // the presenter hands over; the new presenter's page offers the workbench, which takes the session's state
    await first.getByTestId('live-menu').click();
    await expect.poll(() => first.getByTestId('live-handover-to').locator('option').allTextContents()).toContain(E2E_USERS.policy.username);
    await first.getByTestId('live-handover-to').selectOption(E2E_USERS.policy.username);
    await first.getByTestId('live-handover').click();
    await first.getByTestId('live-away').waitFor();
    await expect.poll(() => watcher.getByTestId('live-presenter').textContent()).toContain(E2E_USERS.policy.username);
    await next.getByTestId('live-take-over').click();
    await next.getByTestId('live-link').waitFor({ timeout: 120_000 });
    await settled(next);
    await expect.poll(() => next.getByTestId('level-coefficient-2').inputValue()).toBe('0.84');
    expect(await next.getByTestId('level-coefficient-2').isEditable()).toBe(true);
    const taken = next.getByTestId('level-coefficient-2');
    await taken.fill('0.82');
    await taken.press('Enter');
    await expect.poll(() => watcher.getByTestId('level-coefficient-2').inputValue()).toBe('0.82');
    await next.getByTestId('live-menu').click();
    await next.getByTestId('live-end').click();
    await expect.poll(() => watcher.getByTestId('live-connection').getAttribute('data-state')).toBe('ended');
    for (const page of [first, next, watcher]) await page.context().close();
  }, 600_000);
});
