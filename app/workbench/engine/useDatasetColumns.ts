'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

export interface ColumnsProgress {
  received: number;
  total: number | null;
}

/** Progress is shown at most this often: each report re-renders the page, and a 30 MB body comes in ~500 chunks. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Decompressing holds the page's thread at most this long at a time. A body already here (localhost, the
 * preload) decompresses in one chain of microtasks: ≈ 150 ms at 1 M cases in which the settlement workers
 * could not start, nor the page render the rounds that arrived meanwhile.
 */
const SLICE_MS = 12;

/** Lets the page's other tasks run (scheduler.yield where the browser has it, else a task). */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Downloads a data set's binary columns (a gzip file), reporting progress in decompressed bytes. */
export async function fetchColumns(datasetId: number, onProgress: (p: ColumnsProgress) => void): Promise<ArrayBuffer> {
  const started = performance.now();
  const res = await fetch(`/api/datasets/${datasetId}/columns`);
  if (!res.ok || !res.body) throw new Error(`columns of data set ${datasetId}: HTTP ${res.status}`);
  const total = Number(res.headers.get('x-raw-length')) || null;
  const reader = res.body.pipeThrough(new DecompressionStream('gzip')).getReader();
  // decompressed straight into one buffer of the announced size (chunks are kept only if it is missing or wrong)
  let whole = new Uint8Array(total ?? 0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  let reported = 0;
  let slice = performance.now();
  for (;;) {
    if (performance.now() - slice > SLICE_MS) {
      await yieldToPage();
      slice = performance.now();
    }
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

/** The data set's columns, fetched once per session (the query cache keeps them) with a progress figure. */
export function useDatasetColumns(datasetId: number | null) {
  const [progress, setProgress] = useState<ColumnsProgress>({ received: 0, total: null });
  const query = useQuery({
    queryKey: ['dataset-columns', datasetId],
    queryFn: () => fetchColumns(datasetId!, setProgress),
    enabled: datasetId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  return { columns: query.data ?? null, error: query.error, progress, isLoading: query.isLoading };
}
