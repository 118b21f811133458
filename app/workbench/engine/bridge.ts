'use client';
import * as Comlink from 'comlink';
import type { SettleWorkerApi } from '@/worker/settle.worker';

/**
 * One settlement Web Worker: started lazily, loaded once with a data set's columns, then asked to settle
 * round parameters. Each compared round holds its own bridge so that rounds settle in parallel.
 */
export class SettlementBridge {
  private worker: Worker | null = null;
  private api: Comlink.Remote<SettleWorkerApi> | null = null;
  private loadedKey: string | null = null;
  private loading: Promise<void> | null = null;

  private remote(): Comlink.Remote<SettleWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('../../../worker/settle.worker.ts', import.meta.url), { type: 'module', name: 'settlement' });
      this.api = Comlink.wrap<SettleWorkerApi>(this.worker);
    }
    return this.api;
  }

  /** Starts the worker (script fetched and parsed) ahead of the first load, so the columns do not wait for it. */
  warm(): void {
    this.remote();
  }

  /** Gives the worker a copy of the columns (the caller keeps its buffer), once per data set version. */
  load(key: string, columns: ArrayBuffer): Promise<void> {
    if (this.loadedKey === key && this.loading) return this.loading;
    const started = performance.now();
    const copy = columns.slice(0);
    const loading = this.remote()
      .load(Comlink.transfer(copy, [copy]))
      .then(() => void performance.measure('worker:load', { start: started, end: performance.now() }));
    this.loadedKey = key;
    this.loading = loading;
    return loading;
  }

  /** `cells`: with the hospital × DRG cells (a hospital's page), or without them (every other view). */
  async settle(params: Parameters<SettleWorkerApi['settle']>[0], cells = true): Promise<Awaited<ReturnType<SettleWorkerApi['settle']>>> {
    if (!this.loading) throw new Error('settle before load');
    await this.loading;
    return this.remote().settle(params, cells);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
    this.loadedKey = null;
    this.loading = null;
  }
}
