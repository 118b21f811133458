/**
 * Next.js calls `register` once when the server starts. The workbench's first load needs each data set's
 * binary columns (read from SQLite, encoded and gzipped: seconds at 1 M cases); preparing them right after
 * start (the newest data set only), instead of on the first request, lets the first user find them cached.
 */
export async function register(): Promise<void> {
  // the import inside the NEXT_RUNTIME test, as Next documents: the edge compile of this file (next dev builds
  // one) then drops it, where after an early return it tried to bundle better-sqlite3 and node:* and failed
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.DRG_PREWARM === '0') return;
    const { prewarmColumns } = await import('./server/services/prewarm');
    setTimeout(() => prewarmColumns(), 0);
  }
}
