import { redirect } from 'next/navigation';
import { requirePage } from '@/server/auth/page';
import { BUREAU } from '@/server/auth/policy';

/** 数据集 lives at the root: a typed /datasets (the menu's name for it) goes there, keeping its ?dataset=. */
export default async function DatasetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage(BUREAU, '/datasets');
  const dataset = (await searchParams).dataset;
  redirect(typeof dataset === 'string' && /^\d+$/.test(dataset) ? `/?dataset=${dataset}` : '/');
}
