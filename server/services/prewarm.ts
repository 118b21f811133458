import { getDb } from '@/server/db';
import { encodedColumns } from './columns-cache';
import { listDatasets } from './dataset-queries';

/**
 * Encodes the columns of the data set the workbench opens by default (the newest) into the cache. Only that one:
 * every data set held from start would cost memory and start-up time for sets nobody may open; the others are
 * encoded on their first request.
 */
export function prewarmColumns(): number | null {
  try {
    const db = getDb();
    const newest = listDatasets(db)[0];
    if (!newest) return null;
    const started = performance.now();
    encodedColumns(db, newest.id);
    console.log(`columns of data set ${newest.id} ready in ${Math.round(performance.now() - started)} ms`);
    return newest.id;
  } catch (error) {
    // a cold cache is only slower: the first request encodes what it needs
    console.error('prewarming the columns failed:', error);
    return null;
  }
}

/** The tRPC batch the workbench asks for when it opens data set `datasetId` (httpBatchLink's GET form). */
export function workbenchQueriesPath(datasetId: number): string {
  const procedures = ['datasets.list', 'rounds.list', 'datasets.catalog', 'datasets.hospitals'];
  const input = { 0: {}, 1: { datasetId }, 2: { datasetId }, 3: { datasetId } };
  return `/api/trpc/${procedures.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

/**
 * Asks this server once for the tRPC batch the workbench opens with. The first call of the route loads its code
 * and counts the data set's cases per hospital and DRG (≈ 110 ms at 1 M cases, against 12 ms after): on a server
 * just started, the first page load waited for it, and so did the workers' script, served by the same event loop.
 * `origin`: this server's, as Next sets it on listening (http://host:port).
 */
export async function prewarmWorkbenchQueries(origin: string, datasetId: number): Promise<void> {
  try {
    const started = performance.now();
    const response = await fetch(new URL(workbenchQueriesPath(datasetId), origin));
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    console.log(`workbench queries of data set ${datasetId} ready in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    // only slower: the first page load warms the route itself
    console.error('prewarming the workbench queries failed:', error);
  }
}
