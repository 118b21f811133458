import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { requirePage } from '@/server/auth/page';
import { SIGNED_IN } from '@/server/auth/policy';
import { liveEntry } from '@/server/live/store';
import { LiveFollowerView } from '../LiveFollowerView';

/**
 * 现场谈判, a follower's page (/live/<id>): any signed-in user. The bureau's side follows the presenter's
 * workbench and settles in its own workers; a hospital user sees its own hospital and the city, settled on the server.
 */
export default async function LivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePage(SIGNED_IN, `/live/${encodeURIComponent(id)}`);
  if (!liveEntry(id)) notFound();
  return (
    <Suspense>
      <LiveFollowerView id={id} viewer={{ username: user.username, role: user.role }} />
    </Suspense>
  );
}
