/** The session cookie's name: read by proxy.ts (no database there) and by the sessions themselves. */
export const SESSION_COOKIE = 'drg_session';
