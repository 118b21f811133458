/**
 * ColumnsLoads: a data set version's gzip file is inflated by one worker, the others decode a copy of what it
 * inflated; a loader that goes away before answering leaves its waiters to inflate their own.
 */
import { describe, expect, it } from 'vitest';
import type { WorkerLoadTimings } from '@/worker/settle.worker';
import { ColumnsLoads } from './bridge';

const TIMINGS: WorkerLoadTimings = { scriptStartedAt: performance.timeOrigin, gunzipMs: 5, decodeMs: 1 };

/** A worker whose loads answer when the test says so, recording what it was given. */
function fakeWorker() {
  const calls: { kind: 'load' | 'loadInflated'; bytes: ArrayBuffer }[] = [];
  const answers: (() => void)[] = [];
  const api = {
    load: (gzipped: ArrayBuffer) => {
      calls.push({ kind: 'load' as const, bytes: gzipped });
      // "inflating": the copy handed back is the gzip bytes reversed, so a waiter's copy can be told from the file
      const inflated = new Uint8Array(gzipped).slice().reverse().buffer;
      return new Promise<{ timings: WorkerLoadTimings; inflated: ArrayBuffer }>((resolve) => answers.push(() => resolve({ timings: TIMINGS, inflated })));
    },
    loadInflated: (inflated: ArrayBuffer) => {
      calls.push({ kind: 'loadInflated', bytes: inflated });
      return Promise.resolve({ ...TIMINGS, gunzipMs: 0 });
    },
  };
  const started = { worker: { terminate: () => undefined }, api, startedAt: 0 } as unknown as Parameters<ColumnsLoads['load']>[0];
  return { started, calls, answerNext: () => answers.shift()!() };
}

const file = (...bytes: number[]) => new Uint8Array(bytes).buffer;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loading a data set version into several workers', () => {
  it('inflates once: the first worker gets the file, the others a copy of what it inflated', async () => {
    const loads = new ColumnsLoads();
    const [a, b, c] = [fakeWorker(), fakeWorker(), fakeWorker()];
    const gzipped = file(1, 2, 3);
    const loadedA = loads.load(a.started, '1-1', gzipped);
    const loadedB = loads.load(b.started, '1-1', gzipped);
    await flush();
    // b waits for a: nothing was asked of it yet
    expect(b.calls).toEqual([]);
    expect(a.calls.map((call) => [call.kind, [...new Uint8Array(call.bytes)]])).toEqual([['load', [1, 2, 3]]]);
    // the caller keeps its buffer: the worker was given a copy
    expect(a.calls[0]!.bytes).not.toBe(gzipped);
    expect(gzipped.byteLength).toBe(3);
    a.answerNext();
    await Promise.all([loadedA, loadedB]);
    expect(b.calls.map((call) => [call.kind, [...new Uint8Array(call.bytes)]])).toEqual([['loadInflated', [3, 2, 1]]]);
    // a worker loaded later decodes its own copy of the same inflated bytes, never the file
    await loads.load(c.started, '1-1', gzipped);
    expect(c.calls.map((call) => [call.kind, [...new Uint8Array(call.bytes)]])).toEqual([['loadInflated', [3, 2, 1]]]);
    expect(c.calls[0]!.bytes).not.toBe(b.calls[0]!.bytes);
  });

  it('asks a worker once per version, and inflates a new version again', async () => {
    const loads = new ColumnsLoads();
    const a = fakeWorker();
    const first = loads.load(a.started, '1-1', file(1));
    expect(loads.load(a.started, '1-1', file(1))).toBe(first);
    a.answerNext();
    await first;
    const second = loads.load(a.started, '1-2', file(9));
    expect(a.calls.map((call) => [call.kind, [...new Uint8Array(call.bytes)]])).toEqual([
      ['load', [1]],
      ['load', [9]],
    ]);
    a.answerNext();
    await second;
  });

  it('when the inflating worker is terminated before it answers, its waiters inflate the file themselves', async () => {
    const loads = new ColumnsLoads();
    const [a, b] = [fakeWorker(), fakeWorker()];
    void loads.load(a.started, '1-1', file(4, 5));
    const loadedB = loads.load(b.started, '1-1', file(4, 5));
    loads.forget(a.started);
    await flush();
    expect(b.calls.map((call) => call.kind)).toEqual(['load']);
    b.answerNext();
    await loadedB;
  });

  it('keeps what was inflated when the inflating worker is terminated after it answered', async () => {
    const loads = new ColumnsLoads();
    const [a, b] = [fakeWorker(), fakeWorker()];
    const loadedA = loads.load(a.started, '1-1', file(6, 7));
    a.answerNext();
    await loadedA;
    loads.forget(a.started);
    await loads.load(b.started, '1-1', file(6, 7));
    expect(b.calls.map((call) => call.kind)).toEqual(['loadInflated']);
  });

  it('workers ended while one inflates (a double mount) leave no dead worker for later ones to wait on', async () => {
    const loads = new ColumnsLoads();
    const [a, b, c] = [fakeWorker(), fakeWorker(), fakeWorker()];
    const gzipped = file(4, 5, 6);
    const loadedA = loads.load(a.started, '2-1', gzipped).catch((e: Error) => e);
    const loadedB = loads.load(b.started, '2-1', gzipped).catch((e: Error) => e);
    await flush();
    // both end: the waiting one first, then the one inflating
    loads.forget(b.started);
    loads.forget(a.started);
    await flush();
    expect(await loadedB).toBeInstanceOf(Error);
    // the ended waiter was not made to inflate
    expect(b.calls).toEqual([]);
    // a worker started afterwards inflates the file itself and is answered
    const loadedC = loads.load(c.started, '2-1', gzipped);
    await flush();
    expect(c.calls.map((call) => call.kind)).toEqual(['load']);
    c.answerNext();
    await loadedC;
    void loadedA;
  });
});
