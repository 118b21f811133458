import { Suspense } from 'react';
import { preload } from 'react-dom';
import { listDatasets } from '@/server/services/dataset-queries';
import { getDb } from '@/server/db';
import { WorkbenchView } from './WorkbenchView';

/**
 * The workbench. The page starts downloading the data set's columns (the largest thing it loads) while its
 * scripts load and hydrate: the same data set the view will pick (the URL's, else the newest), preloaded as a
 * fetch that `fetchColumns` then consumes.
 */
export default async function WorkbenchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { dataset } = await searchParams;
  const fromUrl = typeof dataset === 'string' && /^\d+$/.test(dataset) ? Number(dataset) : null;
  const datasetId = fromUrl ?? listDatasets(getDb())[0]?.id ?? null;
  if (datasetId !== null) preload(`/api/datasets/${datasetId}/columns`, { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <Suspense>
      <WorkbenchView />
    </Suspense>
  );
}
