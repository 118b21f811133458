import { getDb } from '@/server/db';
import { encodedColumns } from './columns-cache';
import { listDatasets } from './dataset-queries';

/**
 * Encodes the columns of the data set the workbench opens by default (the newest) into the cache. Only that one:
 * every data set held from start would cost memory and start-up time for sets nobody may open; the others are
 * encoded on their first request.
 */
export function prewarmColumns(): void {
  try {
    const db = getDb();
    const newest = listDatasets(db)[0];
    if (!newest) return;
    const started = performance.now();
    encodedColumns(db, newest.id);
    console.log(`columns of data set ${newest.id} ready in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    // a cold cache is only slower: the first request encodes what it needs
    console.error('prewarming the columns failed:', error);
  }
}
