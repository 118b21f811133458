import { Suspense } from 'react';
import { preload } from 'react-dom';
import { listDatasets } from '@/server/services/dataset-queries';
import { getDb } from '@/server/db';
import { WorkbenchView } from './WorkbenchView';
import { requirePage } from '@/server/auth/page';
import { BUREAU } from '@/server/auth/policy';

/**
 * The workbench. The page starts downloading the data set's columns (the largest thing it loads) while its
 * scripts load and hydrate: the same data set the view will pick (the URL's, else the newest), preloaded as a
 * fetch that `fetchColumns` then consumes. The view gets that data set's id and version too, so that it fetches
 * the columns and loads its workers as soon as it hydrates, not after its first tRPC answer.
 */
export default async function WorkbenchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage(BUREAU, '/workbench');
  const { dataset } = await searchParams;
  const fromUrl = typeof dataset === 'string' && /^\d+$/.test(dataset) ? Number(dataset) : null;
  const list = listDatasets(getDb());
  const picked = fromUrl !== null ? list.find((d) => d.id === fromUrl) : list[0];
  if (picked) preload(`/api/datasets/${picked.id}/columns`, { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <Suspense>
      <WorkbenchView initialDataset={picked ? { id: picked.id, version: picked.version } : null} />
    </Suspense>
  );
}
