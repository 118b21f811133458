/**
 * Before any page or API route:
 * 1. the Host header must name this server (localhost, 127.0.0.1, ::1, HOST, or DRG_ALLOWED_HOSTS): a page of
 *    another site whose name was made to point here (DNS rebinding) gets 421, not the app;
 * 2. pages need a session: a request for a page without the session cookie goes to the login page, which sends
 *    the visitor back after signing in. Whether the cookie's session is live is checked where data is read: every
 *    page (server/auth/page.ts), route handler and procedure. The API answers 401 itself.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from './server/auth/cookie';

function allowedHosts(): Set<string> {
  const hosts = ['localhost', '127.0.0.1', '[::1]', '::1'];
  if (process.env.HOST && process.env.HOST !== '0.0.0.0' && process.env.HOST !== '::') hosts.push(process.env.HOST);
  for (const host of (process.env.DRG_ALLOWED_HOSTS ?? '').split(',')) if (host.trim()) hosts.push(host.trim().toLowerCase());
  return new Set(hosts);
}

/** the host name of a Host header, without the port */
function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}

export function proxy(request: NextRequest): NextResponse {
  const host = request.headers.get('host');
  if (!host || !allowedHosts().has(hostName(host))) {
    return new NextResponse('Misdirected request: this server does not answer to that host name (DRG_ALLOWED_HOSTS)', { status: 421 });
  }
  const path = request.nextUrl.pathname;
  if (path.startsWith('/api/') || path === '/login' || request.cookies.get(SESSION_COOKIE)?.value) return NextResponse.next();
  const login = new URL('/login', request.url);
  const next = `${path}${request.nextUrl.search}`;
  if (next !== '/') login.searchParams.set('next', next);
  return NextResponse.redirect(login);
}

export const config = {
  // everything but the build's static files and the icon
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
