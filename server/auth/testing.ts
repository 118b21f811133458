/**
 * For tests of routes and procedures: a user of a role with a live session in the given database, and the cookie
 * header that carries it.
 */
import type { Db } from '@/db/client';
import type { Role } from '@/db/schema';
import { createSession, SESSION_COOKIE } from './sessions';
import { addUser } from './users';

let counter = 0;

export async function signedIn(db: Db, role: Role, hospitalCode: string | null = role === 'hospital' ? 'H001' : null) {
  const username = `${role}-${++counter}`;
  const userId = await addUser(db, { username, password: 'test password 123', role, hospitalCode }, 'test');
  const token = createSession(db, userId);
  return { username, userId, token, cookie: `${SESSION_COOKIE}=${token}` };
}

/** A POST request with a multipart body whose Content-Length is set, as a browser sends it. */
export async function multipartRequest(url: string, body: FormData, headers: Record<string, string> = {}): Promise<Request> {
  const encoded = new Response(body);
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  return new Request(url, {
    method: 'POST',
    body: bytes,
    headers: { 'content-type': encoded.headers.get('content-type')!, 'content-length': String(bytes.byteLength), ...headers },
  });
}
