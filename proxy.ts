/**
 * Pages need a session: a request for a page without the session cookie goes to the login page, which sends the
 * visitor back after signing in. (Whether the cookie's session is live is checked where data is read: the root
 * layout, every route handler and every procedure. Here only its presence, so no page renders for a stranger.)
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIE = 'drg_session';

export function proxy(request: NextRequest): NextResponse {
  if (request.cookies.get(SESSION_COOKIE)?.value) return NextResponse.next();
  const login = new URL('/login', request.url);
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (next !== '/') login.searchParams.set('next', next);
  return NextResponse.redirect(login);
}

export const config = {
  // every page but the login page; the API answers 401 itself; scripts, styles, fonts and icons are public
  matcher: ['/((?!api/|login|_next/|icon.svg|favicon.ico).*)'],
};
