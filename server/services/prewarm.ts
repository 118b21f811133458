import { getDb } from '@/server/db';
import { encodedColumns } from './columns-cache';
import { listDatasets } from './dataset-queries';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '@/server/routers/_app';

/** the fetch httpBatchLink takes */
export type BatchFetch = NonNullable<Parameters<typeof httpBatchLink>[0]['fetch']>;

/**
 * Prepares and encodes the columns of the data set the workbench opens by default (the newest) into the cache.
 * Only that one: every data set held from start would cost memory and start-up time for sets nobody may open;
 * the others are prepared on their first request.
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

/**
 * The queries the workbench opens with on data set `datasetId` (WorkbenchView), asked as the page asks them: one
 * batch through tRPC's own httpBatchLink at `url` (the server's /api/trpc). `fetchImpl`: another fetch (tests).
 */
export function askWorkbenchQueries(url: string, datasetId: number, fetchImpl?: BatchFetch) {
  const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url, ...(fetchImpl ? { fetch: fetchImpl } : {}) })] });
  return Promise.all([
    client.datasets.list.query(),
    client.rounds.list.query({ datasetId }),
    client.datasets.catalog.query({ datasetId }),
    client.datasets.hospitals.query({ datasetId }),
  ]);
}

/**
 * Asks this server once for the queries the workbench opens with. The first call of the route loads its code and
 * counts the data set's cases per hospital and DRG (by curl at 1 M cases: 110–179 ms on a server just started,
 * 12 ms after); without this, the first page load after a start paid that.
 * `origin`: this server's, as Next sets it on listening (http://host:port).
 */
export async function prewarmWorkbenchQueries(origin: string, datasetId: number): Promise<void> {
  try {
    const started = performance.now();
    await askWorkbenchQueries(new URL('/api/trpc', origin).href, datasetId);
    console.log(`workbench queries of data set ${datasetId} ready in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    // without a session the queries are refused (default deny), after the route's code has loaded: what is left to
    // warm, the data set's counts, reads the columns the columns' prewarm has already decoded
    if ((error as { data?: { httpStatus?: number } }).data?.httpStatus === 401) {
      console.log(`workbench route of data set ${datasetId} loaded (its queries need a session)`);
      return;
    }
    // only slower: the first page load warms the route itself
    console.error('prewarming the workbench queries failed:', error);
  }
}
