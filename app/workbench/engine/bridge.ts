'use client';
import * as Comlink from 'comlink';
import type { SettleWorkerApi, WorkerLoadTimings } from '@/worker/settle.worker';

/** The part of a worker's API that loads columns (a test drives it with fakes). */
type LoadApi = Pick<Comlink.Remote<SettleWorkerApi>, 'load' | 'loadInflated'>;

export interface StartedWorker<Api extends LoadApi = Comlink.Remote<SettleWorkerApi>> {
  worker: Pick<Worker, 'terminate'>;
  api: Api;
  /** when `new Worker` was called (performance.now) */
  startedAt: number;
  /** whether the time until its script ran has been measured (at its first load) */
  scriptMeasured?: boolean;
  /** the data set version it has (or is loading), and that load */
  loadedKey?: string;
  loading?: Promise<void>;
  /** terminated: it is never asked anything again, nor made the worker that inflates for the others */
  stopped?: boolean;
}

function startWorker(): StartedWorker {
  const startedAt = performance.now();
  const worker = new Worker(new URL('../../../worker/settle.worker.ts', import.meta.url), { type: 'module', name: 'settlement' });
  return { worker, api: Comlink.wrap<SettleWorkerApi>(worker), startedAt };
}

/** Page measures of a worker's load (bench:ui reads them): its script's start, the gunzip, the decoding. */
function measureLoad(started: StartedWorker<LoadApi>, asked: number, timings: WorkerLoadTimings): void {
  if (!started.scriptMeasured) {
    started.scriptMeasured = true;
    const scriptAt = timings.scriptStartedAt - performance.timeOrigin;
    performance.measure('worker:script', { start: started.startedAt, end: Math.max(started.startedAt, scriptAt) });
  }
  performance.measure('worker:load', { start: asked, end: performance.now() });
  if (timings.gunzipMs > 0) performance.measure('worker:gunzip', { start: asked, duration: timings.gunzipMs });
  performance.measure('worker:decode', { start: asked, duration: timings.decodeMs });
}

/**
 * Loads data set versions into workers, inflating each version's gzip file once: the first worker loaded with
 * a version inflates it and hands back a copy (`load`), and every other worker decodes a copy of
 * that (`loadInflated`). On a 2-core machine two workers inflating the same file at once took each as long as
 * one alone twice over, in the middle of the page's first load.
 */
export class ColumnsLoads {
  /** the version inflated (or being inflated) last, by `loader`; `abandon`: the loader went away before it answered */
  private inflated: { key: string; loader: StartedWorker<LoadApi>; bytes: Promise<ArrayBuffer>; answered: boolean; abandon: (reason: Error) => void } | null = null;

  /**
   * Gives `started` the columns of version `key`, once: a copy of those another worker inflated or is inflating,
   * else the gzip file as it came from the server (a copy: the caller keeps its buffer).
   */
  load(started: StartedWorker<LoadApi>, key: string, gzipped: ArrayBuffer): Promise<void> {
    if (started.loadedKey === key && started.loading) return started.loading;
    const asked = performance.now();
    const shared = this.inflated?.key === key ? this.inflated.bytes : null;
    started.loadedKey = key;
    started.loading = shared
      ? shared.then(
          (bytes) => {
            const copy = bytes.slice(0);
            return started.api.loadInflated(Comlink.transfer(copy, [copy])).then((timings) => measureLoad(started, asked, timings));
          },
          // the worker inflating them went away: this one inflates them, unless it went away too (a dead worker
          // made the inflating one would leave every later worker waiting for it)
          () => (started.stopped ? Promise.reject(new Error('the worker was terminated')) : this.inflate(started, key, gzipped, asked)),
        )
      : this.inflate(started, key, gzipped, asked);
    return started.loading;
  }

  /** `started` is being terminated: if it was inflating columns, the workers waiting for them inflate their own. */
  forget(started: StartedWorker<LoadApi>): void {
    started.stopped = true;
    if (this.inflated?.loader !== started || this.inflated.answered) return;
    this.inflated.abandon(new Error('the worker inflating the columns was terminated'));
    this.inflated = null;
  }

  private inflate(started: StartedWorker<LoadApi>, key: string, gzipped: ArrayBuffer, asked: number): Promise<void> {
    const copy = gzipped.slice(0);
    const answer = started.api.load(Comlink.transfer(copy, [copy]));
    let abandon: (reason: Error) => void = () => undefined;
    const bytes = new Promise<ArrayBuffer>((resolve, reject) => {
      abandon = reject;
      answer.then(({ inflated }) => resolve(inflated), reject);
    });
    const entry = { key, loader: started, bytes, answered: false, abandon };
    answer.then(
      () => (entry.answered = true),
      () => undefined,
    );
    bytes.catch(() => undefined); // its waiters see the error; with none, nothing is lost
    this.inflated = entry;
    return answer.then(({ timings }) => measureLoad(started, asked, timings));
  }
}

const loads = new ColumnsLoads();

/** Workers started ahead of the bridges that will take them (`prestartSettlementWorkers`). */
const spares: StartedWorker[] = [];

/**
 * Starts `count` settlement workers now, for the bridges created later to take. Called when the workbench's
 * code first runs, before React hydrates the page: a worker's script is fetched and compiled while the page
 * hydrates, instead of after (on a 2-core machine that waited ≈ 0.6 s behind the hydration at the first load).
 */
export function prestartSettlementWorkers(count: number): void {
  if (typeof Worker === 'undefined') return;
  while (spares.length < count) spares.push(startWorker());
}

/**
 * Loads the columns into every prestarted worker not yet taken, as soon as they arrive: the bridge that takes
 * one finds them loaded or loading (an error shows at its first settlement).
 */
export function loadSpareWorkers(key: string, gzipped: ArrayBuffer): void {
  for (const started of spares) loads.load(started, key, gzipped).catch(() => undefined);
}

/**
 * One settlement Web Worker: started lazily (or taken from the prestarted ones), loaded once with a data set's
 * columns, then asked to settle round parameters. Each compared round holds its own bridge so that rounds
 * settle in parallel.
 */
export class SettlementBridge {
  private started: StartedWorker | null = null;

  private remote(): StartedWorker {
    this.started ??= spares.shift() ?? startWorker();
    return this.started;
  }

  /** Starts the worker (script fetched and parsed) ahead of the first load, so the columns do not wait for it. */
  warm(): void {
    this.remote();
  }

  /** Gives the worker the columns (the gzip file; the caller keeps its buffer), once per data set version. */
  load(key: string, gzipped: ArrayBuffer): Promise<void> {
    return loads.load(this.remote(), key, gzipped);
  }

  /** `cells`: with the hospital × DRG cells (a hospital's page), or without them (every other view). */
  async settle(params: Parameters<SettleWorkerApi['settle']>[0], cells = true): Promise<Awaited<ReturnType<SettleWorkerApi['settle']>>> {
    return (await this.loaded()).settle(params, cells);
  }

  /** The analyses (变动归因, 求解, 下年度预测) on the data set this worker holds: see worker/settle.worker.ts. */
  async settleSubsets(...args: Parameters<SettleWorkerApi['settleSubsets']>): Promise<ReturnType<SettleWorkerApi['settleSubsets']>> {
    return (await this.loaded()).settleSubsets(...args);
  }

  async weightsByDrg(...args: Parameters<SettleWorkerApi['weightsByDrg']>): Promise<ReturnType<SettleWorkerApi['weightsByDrg']>> {
    return (await this.loaded()).weightsByDrg(...args);
  }

  async solve(...args: Parameters<SettleWorkerApi['solve']>): Promise<ReturnType<SettleWorkerApi['solve']>> {
    return (await this.loaded()).solve(...args);
  }

  async project(...args: Parameters<SettleWorkerApi['project']>): Promise<ReturnType<SettleWorkerApi['project']>> {
    return (await this.loaded()).project(...args);
  }

  /** The worker's API once its columns are in (a call before any load is a bug of the caller). */
  private async loaded(): Promise<Comlink.Remote<SettleWorkerApi>> {
    const started = this.started;
    if (!started?.loading) throw new Error('settle before load');
    await started.loading;
    return started.api;
  }

  terminate(): void {
    if (!this.started) return;
    this.started.worker.terminate();
    loads.forget(this.started);
    this.started = null;
  }
}
