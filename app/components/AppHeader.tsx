'use client';
import { Suspense } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useLocale } from '../i18n/locale';

/** The pages that show one data set (?dataset=ID): going between them keeps it. */
function withDataset(path: string, dataset: string | null): string {
  return dataset && /^\d+$/.test(dataset) ? `${path}?dataset=${dataset}` : path;
}

function NavLinks({ dataset }: { dataset: string | null }) {
  const { t } = useLocale();
  // no prefetch: every page reads the database (nothing static to prefetch), and prefetching all of them
  // made the server render four pages, twice, while the workbench's workers loaded on the same cores
  return (
    <nav>
      <Link href={withDataset('/', dataset)} prefetch={false} data-testid="nav-datasets">{t('nav.datasets')}</Link>
      <Link href={withDataset('/workbench', dataset)} prefetch={false} data-testid="nav-workbench">{t('nav.workbench')}</Link>
      <Link href="/import" prefetch={false}>{t('nav.import')}</Link>
      <Link href="/selfcheck" prefetch={false}>{t('nav.selfcheck')}</Link>
    </nav>
  );
}

/** The links with the data set of the page's URL (the workbench writes its URL as it changes, and this follows). */
function NavLinksOfUrl() {
  return <NavLinks dataset={useSearchParams().get('dataset')} />;
}

export function AppHeader() {
  const { t, locale, setLocale } = useLocale();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      {/* the URL's search parameters are known in the browser only: plain links until then */}
      <Suspense fallback={<NavLinks dataset={null} />}>
        <NavLinksOfUrl />
      </Suspense>
      <button type="button" data-testid="lang-switch" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
        {t('lang.switch')}
      </button>
    </header>
  );
}
