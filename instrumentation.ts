/**
 * Next.js calls `register` once when the server starts. The workbench's first load needs each data set's
 * binary columns (read from SQLite, encoded and gzipped: seconds at 1 M cases); preparing them right after
 * start (the newest data set only), instead of on the first request, lets the first user find them cached.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.DRG_PREWARM === '0') return;
  const { prewarmColumns } = await import('./server/services/prewarm');
  setTimeout(() => prewarmColumns(), 0);
}
