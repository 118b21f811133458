/**
 * Next.js calls `register` once when the server starts. The workbench's first load needs each data set's
 * prepared columns (read from SQLite, prepared, encoded and gzipped: seconds at 1 M cases); preparing them right after
 * start (the newest data set only), instead of on the first request, lets the first user find them cached.
 * Then the server asks itself once for the tRPC batch the workbench opens with (see prewarmWorkbenchQueries).
 */
export async function register(): Promise<void> {
  // the import inside the NEXT_RUNTIME test, as Next documents: the edge compile of this file (next dev builds
  // one) then drops it, where after an early return it tried to bundle better-sqlite3 and node:* and failed
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.DRG_PREWARM === '0') return;
    const { prewarmColumns, prewarmWorkbenchQueries } = await import('./server/services/prewarm');
    setTimeout(() => {
      const datasetId = prewarmColumns();
      // Next sets the server's origin when it starts listening, before it calls `register`
      const origin = process.env.__NEXT_PRIVATE_ORIGIN ?? (process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null);
      if (datasetId !== null && origin) void prewarmWorkbenchQueries(origin, datasetId);
    }, 0);
  }
}
