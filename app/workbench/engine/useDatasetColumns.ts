'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { loadSpareWorkers } from './bridge';

export interface ColumnsProgress {
  /** bytes of the gzip file received so far */
  received: number;
  /** the gzip file's size, when the server announced it */
  total: number | null;
}

/** Progress is shown at most this often: each report re-renders the page, and the body comes in hundreds of chunks. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Downloads a data set's prepared columns as they are sent, a gzip file (the settlement workers inflate it,
 * not the page's thread: ≈ 150–200 ms at 1 M cases in which the page could not hydrate nor render), with
 * progress in bytes received.
 */
export async function fetchColumns(datasetId: number, onProgress: (p: ColumnsProgress) => void): Promise<ArrayBuffer> {
  const started = performance.now();
  const res = await fetch(`/api/datasets/${datasetId}/columns`);
  if (!res.ok || !res.body) throw new Error(`columns of data set ${datasetId}: HTTP ${res.status}`);
  const total = Number(res.headers.get('x-gzip-length')) || null;
  const reader = res.body.getReader();
  // received straight into one buffer of the announced size (chunks are kept only if it is missing or wrong)
  let whole = new Uint8Array(total ?? 0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.byteLength <= whole.byteLength) whole.set(value, received);
    else chunks.push(value);
    received += value.byteLength;
    const now = performance.now();
    if (now - reported >= PROGRESS_INTERVAL_MS) {
      reported = now;
      onProgress({ received, total });
    }
  }
  if (chunks.length > 0 || received !== whole.byteLength) whole = concatenate(whole, chunks, received);
  onProgress({ received, total });
  performance.measure('columns:fetch', { start: started, end: performance.now() });
  return whole.buffer;
}

/** `head` (filled up to where the chunks start) followed by the chunks, as one array of `length` bytes. */
function concatenate(head: Uint8Array, chunks: Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const whole = new Uint8Array(length);
  let offset = Math.min(head.byteLength, length - chunks.reduce((n, c) => n + c.byteLength, 0));
  whole.set(head.subarray(0, offset));
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

const NO_PROGRESS: ColumnsProgress = { received: 0, total: null };

/**
 * Progress of each data set's download, outside React: the download starts while the page hydrates (below),
 * before the component that shows it has mounted.
 */
const progressOf = new Map<number, ColumnsProgress>();
const progressListeners = new Set<() => void>();

function reportProgress(datasetId: number, progress: ColumnsProgress): void {
  progressOf.set(datasetId, progress);
  for (const listener of progressListeners) listener();
}

function subscribeProgress(listener: () => void): () => void {
  progressListeners.add(listener);
  return () => void progressListeners.delete(listener);
}

function columnsQuery(datasetId: number | null, key: string | null) {
  return {
    queryKey: ['dataset-columns', datasetId],
    queryFn: async () => {
      const columns = await fetchColumns(datasetId!, (progress) => reportProgress(datasetId!, progress));
      // the prestarted workers take them now, not when React has hydrated the page and run its effects
      if (key) loadSpareWorkers(key, columns);
      return columns;
    },
    enabled: datasetId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: 1,
  };
}

/**
 * The data set's columns (the gzip file), fetched once per session (the query cache keeps them) with a progress
 * figure. `key` (the data set's version key): the prestarted settlement workers start loading the columns as
 * soon as they arrive. The download starts at the first render, in the browser, as a preload would, not in
 * the effects after hydration (in a trace of the first load on 2 cores the view's first render came ≈ 50 ms
 * before them: the larger gain is the workers taking the file outside React).
 */
export function useDatasetColumns(datasetId: number | null, key: string | null = null) {
  const client = useQueryClient();
  const options = columnsQuery(datasetId, key);
  if (typeof window !== 'undefined' && datasetId !== null && !client.getQueryState(options.queryKey)) void client.prefetchQuery(options);
  const query = useQuery(options);
  const progress = useSyncExternalStore(
    subscribeProgress,
    () => (datasetId === null ? NO_PROGRESS : (progressOf.get(datasetId) ?? NO_PROGRESS)),
    () => NO_PROGRESS,
  );
  return { columns: query.data ?? null, error: query.error, progress, isLoading: query.isLoading };
}
