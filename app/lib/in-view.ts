'use client';
import { useEffect, useState, type RefObject } from 'react';

/**
 * Parts of a page that a rerun rewrites (the impact table, the charts) skip the rerun's frame while they are
 * off screen: they catch up when the page is next idle, or as soon as they come near the screen.
 */

/** an update of a part off screen waits at most this long for an idle moment (ms) */
export const IDLE_WAIT_MS = 500;

/** a part this close to the viewport counts as on screen: it may scroll in before the page is idle */
export const NEAR_VIEW_MARGIN = '150px 0px';

/**
 * An idle moment shorter than this (ms) is left alone: the gap between a rerun's commit and the frame that shows
 * it counts as idle, and a part catching up there (a React render of the table, ≈ 10 ms) delayed that frame.
 * A/B with the charts on screen, 36 edits each: p50 / p95 43 / 72 → 42 / 65 ms; with the page's main thread
 * slowed 1.5× (bench:ui --cpu-throttle), 64 / 159 → 61 / 88 ms.
 */
const IDLE_ENOUGH_MS = 10;

/**
 * Runs `callback` when the page is next idle for at least IDLE_ENOUGH_MS, at most IDLE_WAIT_MS later. Returns a
 * function that cancels it.
 */
export function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const until = performance.now() + IDLE_WAIT_MS;
    let id = 0;
    const run = (deadline: IdleDeadline) => {
      if (!deadline.didTimeout && deadline.timeRemaining() < IDLE_ENOUGH_MS && performance.now() < until) {
        id = requestIdleCallback(run, { timeout: Math.max(1, until - performance.now()) });
        return;
      }
      callback();
    };
    id = requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 0);
  return () => clearTimeout(id);
}

/** Calls `onChange` with whether the element is on screen or near it, now and whenever that changes. */
export function observeInView(element: Element, onChange: (inView: boolean) => void): () => void {
  const observer = new IntersectionObserver((entries) => onChange(entries[entries.length - 1]?.isIntersecting ?? false), {
    rootMargin: NEAR_VIEW_MARGIN,
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * The value a part of the page shows: the newest while the element is on screen (or near it); off screen, the
 * value it showed before, until the page is next idle or the element comes into view. The caller renders the
 * part from the returned value, so an off-screen part costs a rerun nothing on its frame.
 */
export function useValueInView<T>(value: T, element: RefObject<Element | null>): T {
  const [inView, setInView] = useState(true);
  const [shown, setShown] = useState(value);
  useEffect(() => {
    const el = element.current;
    return el ? observeInView(el, setInView) : undefined;
  }, [element]);
  // on screen, the part follows the value at once (state adjusted during render: no second commit)
  if (inView && shown !== value) setShown(value);
  useEffect(() => {
    if (inView || shown === value) return;
    return whenIdle(() => setShown(value));
  }, [inView, shown, value]);
  return inView ? value : shown;
}
