'use client';
import Link from 'next/link';
import { useLocale } from '../i18n/locale';

export function AppHeader() {
  const { t, locale, setLocale } = useLocale();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      {/* no prefetch: every page reads the database (nothing static to prefetch), and prefetching all of them
          made the server render four pages, twice, while the workbench's workers loaded on the same cores */}
      <nav>
        <Link href="/" prefetch={false}>{t('nav.datasets')}</Link>
        <Link href="/workbench" prefetch={false}>{t('nav.workbench')}</Link>
        <Link href="/import" prefetch={false}>{t('nav.import')}</Link>
        <Link href="/selfcheck" prefetch={false}>{t('nav.selfcheck')}</Link>
      </nav>
      <button type="button" data-testid="lang-switch" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
        {t('lang.switch')}
      </button>
    </header>
  );
}
