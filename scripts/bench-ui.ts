/**
 * `npm run bench:ui` — the workbench's speed in real Chromium on a generated city (default 1 M cases):
 * - first load of the data set's columns into the worker: wall time (the median of --loads, each in a fresh
 *   browser context) and bytes on the wire;
 * - edits of the 二级 level coefficient (typed without scrolling to the field, committed with Enter), p50/p95, in
 *   three views (VIEWS): the top of the page (levers, headline figures, table), the table's last rows and the
 *   charts both on screen, and the charts on screen. The issue's figure is the worst view's.
 * Needs a production build (`npm run build`). Flags: --cases N (default 1000000), --loads N (default 5: first loads timed, the median
 * reported), --edits N per view (default 30), --warm-up N (default 5: edits timed before the views' and printed on their own; the first edit after the
 * load draws the charts in full, and the page's code is not yet optimized for the next few), --views
 * top,both,charts (default all), --cpu-throttle R (the page's main thread R× slower, as on a slower
 * machine: Chromium's CPU throttling; its figures vary more from run to run than unthrottled ones), --port P,
 * --json, --raw (each edit's times, on screen / everything, per view), --profile (CPU profile of the page's main thread during the edits: top self times, and
 * the profile as a file in the temp folder), --trace (a Chromium trace of the first load and of the edits: time
 * per event name and thread, and the traces as files in the temp folder).
 *
 * An edit is timed from the Enter that commits it until the frame that shows its last change of what is on
 * screen (the impact table, the charts) has been rendered: each DOM change is stamped after the rendering of the
 * frame that takes it in. A part off screen catches up when the page is next idle (ChartGrid, RerunTable), and so
 * do the table's rows far from its scrolled view (data-far: not rendered); the time until all of it has is
 * printed as "everything".
 * The breakdown comes from the page's performance.measure entries: `columns:fetch`, `worker:load` (and within
 * it `worker:gunzip`, `worker:decode`; `worker:script`: from `new Worker` until its script ran),
 * `settle:worker` (worker round trip as the page sees it) and `plot:<grid>` (the charts' update until plotly
 * resolves it: Plotly.react when drawn in full, Plotly.animate when only their data changed; detail.full tells,
 * and detail.moved whether an axis had to move).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { seedDemoCity } from '@/db/seed';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newPage } from '@/e2e/browser';
import { E2E_PASSWORD, E2E_USERS, ensureTestUsers } from '@/e2e/global-setup';
import { benchAnalysisUi } from './bench-ui-analysis';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Measure {
  name: string;
  startTime: number;
  duration: number;
  /** plot:<chart> entries: whether the chart was drawn in full (Plotly.react) or only its data (Plotly.animate) */
  detail?: { full?: boolean; moved?: boolean } | null | undefined;
}

/** Takes the page's performance.measure entries and clears them. */
function takeMeasures(page: Page): Promise<Measure[]> {
  return page.evaluate(() => {
    const list = performance
      .getEntriesByType('measure')
      .map((m) => ({ name: m.name, startTime: m.startTime, duration: m.duration, detail: (m as PerformanceMeasure).detail as Measure['detail'] }));
    performance.clearMeasures();
    return list;
  });
}

/** Where the page is scrolled while the panel edits, and what is on screen there (1600 × 1000). */
const VIEWS = {
  top: 'top of the page: levers, headline figures, the table (charts below)',
  both: 'the table\'s last rows and the charts both on screen',
  charts: 'the charts on screen (the table above them, off screen)',
} as const;
type View = keyof typeof VIEWS;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return percentile(sorted, 50);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per function (or per script file) of a CDP CPU profile, largest first. */
function topSelfTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, top: number, byScript = false): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const script = frame?.url.split('/').pop() || frame?.functionName || '?';
    const key = byScript ? script : frame ? `${frame.functionName || '(anonymous)'} ${script}:${frame.lineNumber}` : '?';
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Records a Chromium trace while `body` runs. */
async function traced(client: CDPSession, body: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => {
    for (const event of e.value) events.push(event as TraceEvent);
  };
  client.on('Tracing.dataCollected', onData);
  await client.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await body();
  const done = new Promise<void>((resolve) => client.once('Tracing.tracingComplete', () => resolve()));
  await client.send('Tracing.end');
  await done;
  client.off('Tracing.dataCollected', onData);
  return events;
}

/** Time per (thread, event name) of a trace's complete events, largest first (nested events counted in each). */
function traceSummary(events: TraceEvent[], top: number): string[] {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const totals = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = threads.get(`${e.pid}:${e.tid}`) ?? '?';
    if (!/CrRendererMain|DedicatedWorker/.test(thread)) continue;
    const key = `${thread.replace(/ thread.*/, '')} ${e.name}`;
    totals.set(key, (totals.get(key) ?? 0) + e.dur / 1000);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

/**
 * An init script: stamps (performance.now) the rendering of the frame that first shows a settled status
 * (`window.__firstSettlementShown`) and the one that first shows the charts drawn (`window.__chartsShown`).
 * React commits in a task, so a change is rendered in the next frame: a frame callback, then a timeout after
 * its paint (the edits' rule, below).
 */
function stampFirstLoad(): void {
  const w = window as { __firstSettlementShown?: number; __chartsShown?: number };
  const stamps = [
    { selector: '[data-testid="settle-status"][data-state="settled"]', stamp: (at: number) => (w.__firstSettlementShown = at), seen: false },
    { selector: '[data-testid="comparison-charts"][data-ready="true"]', stamp: (at: number) => (w.__chartsShown = at), seen: false },
  ];
  const observer = new MutationObserver(() => {
    for (const s of stamps) {
      if (s.seen || !document.querySelector(s.selector)) continue;
      s.seen = true;
      requestAnimationFrame(() => setTimeout(() => s.stamp(performance.now()), 0));
    }
    if (stamps.every((s) => s.seen)) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-ready'] });
}

async function main(): Promise<void> {
  // --only analysis: the analysis tabs' figures alone (scripts/bench-ui-analysis.ts)
  if (process.argv[process.argv.indexOf('--only') + 1] === 'analysis' && process.argv.includes('--only')) return benchAnalysisUi();
  const cases = flag('cases', 1_000_000);
  const edits = flag('edits', 30);
  const warmUpEdits = flag('warm-up', 5);
  const port = flag('port', 3931);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drg-bench-ui-'));
  const dbPath = path.join(dir, 'bench.sqlite');
  const db = openDatabase(dbPath);
  seedDemoCity(db, { cases });
  db.$client.close();
  await ensureTestUsers(dbPath);
  const server = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DRG_DB_PATH: dbPath },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${base}/login`);
    const session = (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: E2E_USERS.panel.username, password: E2E_PASSWORD }) })).headers.get('set-cookie'))?.split(';')[0] ?? '';
    await fetch(`${base}/api/datasets/1/columns`, { headers: { cookie: session } }); // the server encodes once per data set version; time the browser, not that
    const browser = await launchBrowser();
    // a slower machine: Chromium slows the page's main thread down by this factor
    const throttle = flag('cpu-throttle', 1);
    const opened = async () => {
      const page = await newPage(browser, { role: 'panel', baseUrl: base });
      // tsx (esbuild, keepNames) wraps named functions in __name(): the functions passed to page.evaluate need it
      await page.addInitScript('window.__name = (fn) => fn');
      const client = await page.context().newCDPSession(page);
      if (throttle > 1) await client.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      return { page, client };
    };
    interface FirstLoad {
      /** the data set into the workers: from the columns' request until every worker has decoded them (ms) */
      intoWorkers: number;
      /** from the page's load event until the frame that shows the first settlement (ms) */
      afterLoadEvent: number;
      /** the same from navigation start: HTML, scripts and hydration included */
      fromNavigation: number;
    }
    /**
     * Times are the page's own (performance.now): Playwright's waitFor polls every 500 ms once it has waited
     * 270 ms, which put up to 0.5 s on a first load timed from outside the page.
     */
    const firstLoad = async (page: Page): Promise<FirstLoad> => {
      await page.addInitScript(stampFirstLoad);
      await page.goto(`${base}/workbench`);
      await page.waitForFunction(() => (window as { __firstSettlementShown?: number }).__firstSettlementShown !== undefined, undefined, { timeout: 120_000 });
      return page.evaluate(() => {
        const shown = (window as { __firstSettlementShown?: number }).__firstSettlementShown!;
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const columns = performance.getEntriesByType('resource').filter((r) => r.name.includes('/columns'));
        const loads = performance.getEntriesByType('measure').filter((m) => m.name === 'worker:load');
        const requested = Math.min(...columns.map((r) => r.startTime));
        const decoded = Math.max(...loads.map((m) => m.startTime + m.duration));
        return {
          intoWorkers: Math.round(decoded - requested),
          afterLoadEvent: Math.round(shown - navigation.loadEventStart),
          fromNavigation: Math.round(shown),
        };
      });
    };
    // one first load varies by ±30 % from the next on a 2-core VM: the figure is the median of --loads of them,
    // each in a browser context of its own (nothing cached); the last is the page the edits are timed on
    const loads: FirstLoad[] = [];
    for (let i = 1; i < Math.max(1, flag('loads', 5)); i++) {
      const other = await opened();
      loads.push(await firstLoad(other.page));
      await other.page.context().close();
    }
    const { page, client } = await opened();
    await client.send('Network.enable');
    let columnsBytes = 0;
    const columnsRequests = new Set<string>();
    client.on('Network.requestWillBeSent', (e) => e.request.url.includes('/columns') && columnsRequests.add(e.requestId));
    client.on('Network.loadingFinished', (e) => {
      if (columnsRequests.has(e.requestId)) columnsBytes += e.encodedDataLength;
    });
    const tracing = process.argv.includes('--trace');
    const load = async () => void loads.push(await firstLoad(page));
    const loadTrace = tracing ? await traced(client, load) : (await load(), null);
    const firstLoadMs = median(loads.map((l) => l.afterLoadEvent));
    const fromNavigationMs = median(loads.map((l) => l.fromNavigation));
    const intoWorkersMs = median(loads.map((l) => l.intoWorkers));
    // the charts come after the first settlement (plotly is loaded then: see docs/workbench.md)
    await page.waitForFunction(() => (window as { __chartsShown?: number }).__chartsShown !== undefined, undefined, { timeout: 60_000 });
    const chartsAfterMs = Math.round(
      await page.evaluate(() => {
        const w = window as { __chartsShown?: number; __firstSettlementShown?: number };
        return w.__chartsShown! - w.__firstSettlementShown!;
      }),
    );
    const loadMeasures = await takeMeasures(page);
    const loadPart = (name: string) => Math.max(0, ...loadMeasures.filter((m) => m.name === name).map((m) => m.duration));
    const profiling = process.argv.includes('--profile');
    if (profiling) {
      await client.send('Profiler.enable');
      await client.send('Profiler.setSamplingInterval', { interval: 200 });
      await client.send('Profiler.start');
    }

    const runs = async () => Number(await page.getByTestId('settle-status').getAttribute('data-runs'));
    /** the edit's times (ms): until the frame that shows its last change of what is on screen, and of everything */
    interface EditTimes {
      onScreen: number;
      all: number;
      /** worker round trip and the charts' update (ms), from the page's measures */
      workerMs: number;
      plotMs: number;
      /** the charts were drawn in full (the figure's shape changed: a round's name, the rounds compared) */
      full: boolean;
      /** an axis of the charts moved: its held range no longer fitted the data (see holdRange) */
      moved: boolean;
    }
    /**
     * `edits` edits of the 二级 coefficient with the page scrolled to `view` (see VIEWS). The value is typed into
     * the field without scrolling to it (as a keyboard user does) and committed with Enter.
     */
    const editRuns = async (view: View, count = edits): Promise<EditTimes[]> => {
      await page.evaluate((view) => {
        const tableBottom = document.querySelector('[data-testid="hospital-impact-table"]')!.closest('.table-scroll')!.getBoundingClientRect().bottom + window.scrollY;
        if (view === 'top') window.scrollTo(0, 0);
        else if (view === 'both') window.scrollTo(0, tableBottom - 300);
        else document.querySelector('[data-testid="comparison-charts"]')!.scrollIntoView({ block: 'end' });
      }, view);
      await page.waitForTimeout(300);
      const times: EditTimes[] = [];
      for (let i = 0; i < count; i++) {
        const value = (0.8 + (i % 10) * 0.01 + (i % 2 ? 0.005 : 0)).toFixed(3);
        const before = await runs();
        await page.evaluate((value) => {
          const field = document.querySelector<HTMLInputElement>('[data-testid="level-coefficient-2"]')!;
          field.focus({ preventScroll: true });
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }, value);
        // the edit starts when Enter commits it; it ends when the rerun is on screen, and when everything shows it
        const edit = await page.evaluate(
          ({ before }) =>
            new Promise<Pick<EditTimes, 'onScreen' | 'all'>>((resolve, reject) => {
              const field = document.querySelector<HTMLInputElement>('[data-testid="level-coefficient-2"]')!;
              const status = document.querySelector('[data-testid="settle-status"]')!;
              const table = document.querySelector('[data-testid="hospital-impact-table"]')!;
              const charts = document.querySelector('[data-testid="comparison-charts"]')!;
              const onScreen = (el: Element) => {
                const box = el.getBoundingClientRect();
                return box.bottom > 0 && box.top < window.innerHeight;
              };
              const parts = {
                table: { target: table, shown: onScreen(table.closest('.table-scroll')!), painted: 0, seen: 0 },
                charts: { target: charts.querySelector('.chart-grid-plot')!, shown: onScreen(charts), painted: 0, seen: 0 },
              };
              // When is a change on screen? After the rendering of the frame that takes it in. A change made in a
              // frame's animation callbacks (plotly's data-only updates may apply there, in d3's timer) is rendered
              // in that frame: a timeout set then runs after its paint. A change made in a task (React's commit,
              // an idle callback) is rendered in the next frame: a frame callback, then a timeout. `inFrame` is
              // true from this loop's frame callback until that frame has been rendered; a change made in a frame
              // callback that runs before this loop's counts as made in a task: one frame late, never early.
              let inFrame = false;
              let looping = true;
              const loop = () => {
                if (!looping) return;
                inFrame = true;
                setTimeout(() => (inFrame = false), 0);
                requestAnimationFrame(loop);
              };
              requestAnimationFrame(loop);
              const watch = { subtree: true, childList: true, attributes: true, characterData: true };
              const observers = Object.values(parts).map((part) => {
                const observer = new MutationObserver((records) => {
                  // a change to a row marked far (rows beyond the table's scrolled view, written when the page is
                  // idle: RerunTable) is not on screen; it counts for "everything" only
                  const seen = records.some((r) => !(r.target instanceof Element ? r.target : r.target.parentElement)?.closest('tr[data-far]'));
                  const at = () => {
                    part.painted = Math.max(part.painted, performance.now());
                    if (seen) part.seen = Math.max(part.seen, performance.now());
                  };
                  if (inFrame) setTimeout(at, 0);
                  else requestAnimationFrame(() => setTimeout(at, 0));
                });
                observer.observe(part.target, watch);
                return observer;
              });
              const chartsBefore = Number(charts.getAttribute('data-revision'));
              const started = performance.now();
              // done when the rerun has reached the status (runs), the charts say they have drawn it (data-revision,
              // set when plotly's promise resolves) and the table has changed, its far rows too (data-rows-pending
              // gone); off screen these wait for an idle moment (at most 0.5 s), so give up after 5 s
              const done = () =>
                Number(status.getAttribute('data-runs')) > before &&
                Number(charts.getAttribute('data-revision')) > chartsBefore &&
                parts.table.painted > 0 &&
                !table.closest('.table-scroll')!.hasAttribute('data-rows-pending');
              const finish = () => {
                looping = false;
                for (const o of observers) o.disconnect();
                const list = Object.values(parts);
                const last = (ps: typeof list, key: 'seen' | 'painted') => Math.max(...ps.map((p) => p[key])) - started;
                resolve({ onScreen: last(list.filter((p) => p.shown), 'seen'), all: last(list, 'painted') });
              };
              const poll = () => {
                if (done()) requestAnimationFrame(() => setTimeout(finish, 0));
                else if (performance.now() - started > 5000) reject(new Error('the rerun changed the table or the charts not at all'));
                else setTimeout(poll, 5);
              };
              setTimeout(poll, 5);
              field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            }),
          { before },
        );
        const measures = await takeMeasures(page);
        const plots = measures.filter((m) => m.name.startsWith('plot:'));
        times.push({
          ...edit,
          workerMs: measures.filter((m) => m.name === 'settle:worker').reduce((n, m) => n + m.duration, 0),
          plotMs: plots.reduce((n, m) => n + m.duration, 0),
          full: plots.some((m) => m.detail?.full === true),
          moved: plots.some((m) => m.detail?.moved === true),
        });
      }
      return times;
    };
    const byView = new Map<View, EditTimes[]>();
    const viewsFlag = process.argv.indexOf('--views');
    const views = (viewsFlag > 0 ? process.argv[viewsFlag + 1]!.split(',') : Object.keys(VIEWS)).filter((v): v is View => v in VIEWS);
    let warmUp: EditTimes[] = [];
    const editAll = async () => {
      // the first edits after the load are slower than the rest (the first draws the charts in full: its round
      // becomes unsaved, and the page's code is not optimized yet): they are timed on their own, so that every
      // view's figures are the steady state, whichever view comes first
      if (warmUpEdits > 0) warmUp = await editRuns('both', warmUpEdits);
      for (const view of views) byView.set(view, await editRuns(view));
      if (process.argv.includes('--raw')) for (const [view, times] of byView) console.log(view, times.map((t) => `${t.onScreen.toFixed(0)}/${t.all.toFixed(0)}`).join(' '));
    };
    const editTrace = tracing ? await traced(client, editAll) : (await editAll(), null);
    const profile = profiling ? (await client.send('Profiler.stop')).profile : null;
    const p = (view: View, key: 'onScreen' | 'all', at: number, which?: (t: EditTimes) => boolean) =>
      Number(percentile([...(byView.get(view) ?? []).filter((t) => !which || which(t)).map((t) => t[key])].sort((a, b) => a - b), at).toFixed(1));
    const movedCount = (view: View) => (byView.get(view) ?? []).filter((t) => t.moved).length;
    const measured = [...byView.values()].flat();
    const fullRedraws = measured.filter((t) => t.full).length;
    const perView = Object.fromEntries(
      views.flatMap((view) => [
        [`edit_${view}_p50_ms`, p(view, 'onScreen', 50)],
        [`edit_${view}_p95_ms`, p(view, 'onScreen', 95)],
        [`edit_${view}_all_p50_ms`, p(view, 'all', 50)],
        [`edit_${view}_all_p95_ms`, p(view, 'all', 95)],
      ]),
    );
    const worst = (at: number) => Math.max(...views.map((view) => p(view, 'onScreen', at)));
    const figures = {
      cases,
      first_load_ms: firstLoadMs,
      first_load_from_navigation_ms: fromNavigationMs,
      first_loads_ms: loads.map((l) => l.afterLoadEvent),
      into_workers_ms: intoWorkersMs,
      charts_after_first_load_ms: chartsAfterMs,
      columns_wire_mb: Number((columnsBytes / 1e6).toFixed(2)),
      // the issue's figure: an edit until what is on screen shows it, in the worst of the three views
      edit_p50_ms: worst(50),
      edit_p95_ms: worst(95),
      ...perView,
      edits,
      load_fetch_ms: Math.round(loadPart('columns:fetch')),
      load_worker_ms: Math.round(loadPart('worker:load')),
      load_worker_script_ms: Math.round(loadPart('worker:script')),
      load_worker_gunzip_ms: Math.round(loadPart('worker:gunzip')),
      load_worker_decode_ms: Math.round(loadPart('worker:decode')),
      edit_worker_p50_ms: Number(median(measured.map((t) => t.workerMs)).toFixed(1)),
      edit_plots_p50_ms: Number(median(measured.map((t) => t.plotMs)).toFixed(1)),
      warm_up_edits_ms: warmUp.map((t) => Number(t.onScreen.toFixed(1))),
      edits_with_full_chart_redraw: fullRedraws,
      edits_moving_an_axis: Object.fromEntries(views.map((view) => [view, movedCount(view)])),
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
    else {
      console.log(`workbench on ${cases.toLocaleString()} cases${throttle > 1 ? `, the page's main thread slowed ${throttle}× (--cpu-throttle)` : ''}`);
      console.log(`  first load, median of ${loads.length} (each in a fresh browser context), ${figures.columns_wire_mb} MB on the wire:`);
      console.log(`    the data set into the workers (columns requested → decoded in every worker): ${intoWorkersMs} ms (${loads.map((l) => l.intoWorkers).join(', ')})`);
      console.log(`    the first settlement on screen, after the page's load event: ${firstLoadMs} ms (${loads.map((l) => l.afterLoadEvent).join(', ')})`);
      console.log(`    the same from navigation start (HTML, scripts, hydration included): ${fromNavigationMs} ms (${loads.map((l) => l.fromNavigation).join(', ')})`);
      console.log(`  the charts drawn ${chartsAfterMs} ms after that (plotly loaded after the first settlement)`);
      if (warmUp.length) console.log(`  the first ${warmUp.length} edits after the load (table and charts on screen; not in the figures below): ${warmUp.map((t) => t.onScreen.toFixed(0)).join(', ')} ms`);
      console.log(`  coefficient edit until what is on screen shows it, ${edits} edits per view after those (p50 / p95):`);
      for (const view of views) {
        const what = VIEWS[view];
        const all = view === 'both' ? '' : `; everything, the part off screen drawn when idle: ${p(view, 'all', 50)} / ${p(view, 'all', 95)} ms`;
        console.log(`    ${what}: ${p(view, 'onScreen', 50)} / ${p(view, 'onScreen', 95)} ms${all}`);
        const moved = movedCount(view);
        if (moved && view !== 'top') console.log(`      ${moved} of ${edits} edits moved an axis of the charts: p50 ${p(view, 'onScreen', 50, (t) => t.moved === true)} ms, the others ${p(view, 'onScreen', 50, (t) => !t.moved)} ms`);
      }
      console.log(`    worst view: p50 ${figures.edit_p50_ms} ms, p95 ${figures.edit_p95_ms} ms`);
      console.log(
        `    first load (the edits' page): fetch ${figures.load_fetch_ms} ms; into the worker (slowest) ${figures.load_worker_ms} ms, of which in the worker gunzip ${figures.load_worker_gunzip_ms} ms and decode ${figures.load_worker_decode_ms} ms; a worker's script ran ${figures.load_worker_script_ms} ms (slowest) after it was started`,
      );
      console.log(`    edit p50: worker round trip ${figures.edit_worker_p50_ms} ms, charts' update ${figures.edit_plots_p50_ms} ms`);
      console.log(`    edits with the charts drawn in full (Plotly.react: a round's name or the rounds compared changed): ${fullRedraws} of ${views.length * edits}; the others redraw data only`);
    }
    if (loadTrace && editTrace) {
      for (const [name, events] of [['load', loadTrace], ['edits', editTrace]] as const) {
        const file = path.join(os.tmpdir(), `bench-ui-${name}.trace.json`);
        fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
        console.log(`  trace written to ${file} (open it in Chromium's Performance panel)`);
      }
      console.log('  trace of the first load (ms per thread and event):');
      for (const line of traceSummary(loadTrace, 25)) console.log(`    ${line}`);
      console.log(`  trace of the ${warmUp.length + measured.length} edits (the warm-up's included):`);
      for (const line of traceSummary(editTrace, 25)) console.log(`    ${line}`);
    }
    if (profile) {
      const file = path.join(os.tmpdir(), 'bench-ui-edits.cpuprofile');
      fs.writeFileSync(file, JSON.stringify(profile));
      console.log(`  CPU profile written to ${file} (open it in Chromium's Performance panel)`);
      console.log('  main thread during the edits, top self times:');
      for (const line of topSelfTimes(profile as Parameters<typeof topSelfTimes>[0], 30)) console.log(`    ${line}`);
      console.log('  by script:');
      for (const line of topSelfTimes(profile as Parameters<typeof topSelfTimes>[0], 12, true)) console.log(`    ${line}`);
    }
    await browser.close();
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
