import { LoginForm } from './LoginForm';

/** Where a page sends a visitor without a session: ?next= is the page asked for (a path of this site only). */
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  const target = typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/workbench';
  return <LoginForm next={target} />;
}
