'use client';
import Link from 'next/link';
import { useLocale } from '../i18n/locale';

export function AppHeader() {
  const { t, locale, setLocale } = useLocale();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <nav>
        <Link href="/">{t('nav.datasets')}</Link>
        <Link href="/workbench">{t('nav.workbench')}</Link>
        <Link href="/import">{t('nav.import')}</Link>
        <Link href="/selfcheck">{t('nav.selfcheck')}</Link>
      </nav>
      <button type="button" data-testid="lang-switch" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
        {t('lang.switch')}
      </button>
    </header>
  );
}
