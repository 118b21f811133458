/**
 * Passwords (口令): scrypt with a salt of its own per user (node:crypto, no native add-on). Stored as
 * `scrypt$N$r$p$salt$hash` (base64url), so the cost can rise later without breaking stored hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** the shortest password accepted */
export const MIN_PASSWORD_LENGTH = 10;
/** the longest: scrypt's input is bounded so a long "password" cannot stall the server */
export const MAX_PASSWORD_LENGTH = 200;

const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Why a new password is refused, or null. */
export function passwordProblem(password: string): { zh: string; en: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { zh: `口令至少 ${MIN_PASSWORD_LENGTH} 个字符`, en: `the password needs at least ${MIN_PASSWORD_LENGTH} characters` };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { zh: `口令最多 ${MAX_PASSWORD_LENGTH} 个字符`, en: `the password may have at most ${MAX_PASSWORD_LENGTH} characters` };
  }
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches the stored hash (constant-time comparison; a malformed hash never matches). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash || password.length > MAX_PASSWORD_LENGTH) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
