import { getDb } from '@/server/db';
import { encodedColumns } from './columns-cache';
import { listDatasets } from './dataset-queries';

/** Encodes every data set's columns into the cache (newest first, as the home page lists them). */
export function prewarmColumns(): void {
  try {
    const db = getDb();
    for (const dataset of listDatasets(db)) {
      const started = performance.now();
      encodedColumns(db, dataset.id);
      console.log(`columns of data set ${dataset.id} ready in ${Math.round(performance.now() - started)} ms`);
    }
  } catch (error) {
    // a cold cache is only slower: the first request encodes what it needs
    console.error('prewarming the columns failed:', error);
  }
}
