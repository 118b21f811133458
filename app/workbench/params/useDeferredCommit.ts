'use client';
import { useCallback, useEffect, useRef } from 'react';

/** A pause in typing this long commits the field, so a value typed and left alone still reaches the round. */
export const TYPING_PAUSE_MS = 600;

/**
 * Commits what is typed after a pause, or at once on `flush` (blur, Enter). Always calls the newest `commit`,
 * so a commit after the pause sees the current round, not the one of the first keystroke.
 */
export function useDeferredCommit(commit: () => void): { schedule: () => void; flush: () => void; cancel: () => void } {
  const latest = useRef(commit);
  useEffect(() => {
    latest.current = commit;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const flush = useCallback(() => {
    cancel();
    latest.current();
  }, [cancel]);
  const schedule = useCallback(() => {
    cancel();
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, TYPING_PAUSE_MS);
  }, [cancel]);
  useEffect(() => cancel, [cancel]);
  return { schedule, flush, cancel };
}
