'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

export interface ColumnsProgress {
  received: number;
  total: number | null;
}

/** Downloads a data set's binary columns (a gzip file), reporting progress in decompressed bytes. */
export async function fetchColumns(datasetId: number, onProgress: (p: ColumnsProgress) => void): Promise<ArrayBuffer> {
  const res = await fetch(`/api/datasets/${datasetId}/columns`);
  if (!res.ok || !res.body) throw new Error(`columns of data set ${datasetId}: HTTP ${res.status}`);
  const total = Number(res.headers.get('x-raw-length')) || null;
  const reader = res.body.pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  const whole = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole.buffer;
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
