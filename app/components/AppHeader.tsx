'use client';
import { Suspense } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useLocale } from '../i18n/locale';
import type { Role } from '@/db/schema';

/** Who is signed in, as the root layout read it from the session (null on the login page). */
export interface HeaderUser {
  username: string;
  role: Role;
  hospitalCode: string | null;
}

/** The pages that show one data set (?dataset=ID): going between them keeps it. */
function withDataset(path: string, dataset: string | null): string {
  return dataset && /^\d+$/.test(dataset) ? `${path}?dataset=${dataset}` : path;
}

function NavLinks({ dataset, role }: { dataset: string | null; role: Role }) {
  const { t } = useLocale();
  if (role === 'hospital') {
    return (
      <nav>
        <Link href="/my-hospital" prefetch={false} data-testid="nav-my-hospital">{t('nav.myHospital')}</Link>
        <Link href="/my-hospital/requests" prefetch={false} data-testid="nav-my-requests">{t('nav.myRequests')}</Link>
        <Link href="/audit" prefetch={false}>{t('nav.audit')}</Link>
      </nav>
    );
  }
  // no prefetch: every page reads the database (nothing static to prefetch), and prefetching all of them
  // made the server render four pages, twice, while the workbench's workers loaded on the same cores
  return (
    <nav>
      <Link href={withDataset('/', dataset)} prefetch={false} data-testid="nav-datasets">{t('nav.datasets')}</Link>
      <Link href={withDataset('/workbench', dataset)} prefetch={false} data-testid="nav-workbench">{t('nav.workbench')}</Link>
      <Link href={withDataset('/recalibrate', dataset)} prefetch={false} data-testid="nav-recalibrate">{t('nav.recalibrate')}</Link>
      {role === 'policy' || role === 'admin' ? <Link href="/import" prefetch={false}>{t('nav.import')}</Link> : null}
      <Link href={withDataset('/requests', dataset)} prefetch={false} data-testid="nav-requests">{t('nav.requests')}</Link>
      <Link href="/selfcheck" prefetch={false}>{t('nav.selfcheck')}</Link>
      <Link href="/audit" prefetch={false} data-testid="nav-audit">{t('nav.audit')}</Link>
      {role === 'admin' ? <Link href="/accounts" prefetch={false} data-testid="nav-accounts">{t('nav.accounts')}</Link> : null}
    </nav>
  );
}

/** The links with the data set of the page's URL (the workbench writes its URL as it changes, and this follows). */
function NavLinksOfUrl({ role }: { role: Role }) {
  return <NavLinks dataset={useSearchParams().get('dataset')} role={role} />;
}

async function signOut(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
  window.location.assign('/login');
}

export function AppHeader({ user }: { user: HeaderUser | null }) {
  const { t, locale, setLocale } = useLocale();
  return (
    <header className="app-header">
      <h1 title={t('app.title')}>{t('app.headerTitle')}</h1>
      {user ? (
        // the URL's search parameters are known in the browser only: plain links until then
        <Suspense fallback={<NavLinks dataset={null} role={user.role} />}>
          <NavLinksOfUrl role={user.role} />
        </Suspense>
      ) : (
        <nav />
      )}
      {user ? (
        <span className="app-user" data-testid="current-user">
          <span className="app-username" title={user.username}>{user.username}</span> · {t(`auth.role.${user.role}`)}
          {user.hospitalCode ? ` · ${user.hospitalCode}` : ''}
          <button type="button" data-testid="logout" onClick={() => void signOut()}>
            {t('auth.logout')}
          </button>
        </span>
      ) : null}
      <button type="button" data-testid="lang-switch" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
        {t('lang.switch')}
      </button>
    </header>
  );
}
