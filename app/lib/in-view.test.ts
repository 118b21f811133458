import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_WAIT_MS, whenIdle } from './in-view';

/** A stand-in for the browser's requestIdleCallback: the test hands out the idle moments. */
function fakeIdle() {
  let next = 1;
  const waiting = new Map<number, { callback: IdleRequestCallback; timeout: number | undefined }>();
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback, options?: IdleRequestOptions) => {
    waiting.set(next, { callback, timeout: options?.timeout });
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => waiting.delete(id));
  return {
    waiting,
    /** an idle moment of `ms`, or the timeout of every waiting callback */
    idle(ms: number, didTimeout = false) {
      const now = [...waiting.values()];
      waiting.clear();
      for (const { callback } of now) callback({ didTimeout, timeRemaining: () => ms });
    },
  };
}

describe('whenIdle', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('lets a short idle moment pass (the gap before a frame) and runs in the next long enough one', () => {
    const page = fakeIdle();
    const callback = vi.fn();
    whenIdle(callback);
    expect(page.waiting.size).toBe(1);
    page.idle(4);
    expect(callback).not.toHaveBeenCalled();
    expect(page.waiting.size).toBe(1); // asked again, within what is left of the wait
    page.idle(25);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(page.waiting.size).toBe(0);
  });

  it('runs at the timeout, however short the moment', () => {
    const page = fakeIdle();
    const callback = vi.fn();
    whenIdle(callback);
    expect([...page.waiting.values()][0]!.timeout).toBe(IDLE_WAIT_MS);
    page.idle(0, true);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('runs in a short moment once it has waited IDLE_WAIT_MS', () => {
    vi.useFakeTimers();
    const page = fakeIdle();
    const callback = vi.fn();
    whenIdle(callback);
    vi.advanceTimersByTime(IDLE_WAIT_MS + 1);
    page.idle(2);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('is cancelled, also after it asked again', () => {
    const page = fakeIdle();
    const callback = vi.fn();
    const cancel = whenIdle(callback);
    page.idle(3);
    cancel();
    expect(page.waiting.size).toBe(0);
    page.idle(30);
    expect(callback).not.toHaveBeenCalled();
  });
});
