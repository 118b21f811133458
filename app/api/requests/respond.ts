/**
 * What the request attachment routes share: the viewer of a guarded request, and answers in Chinese and English
 * (a service's DomainError becomes the status of the same meaning, with its text).
 */
import type { Viewer } from '@/server/context';
import type { SessionUser } from '@/server/auth/sessions';
import { DomainError } from '@/server/services/errors';

export function viewerOf(user: SessionUser): Viewer {
  return { name: user.username, role: user.role, hospitalCode: user.hospitalCode, userId: user.userId, sessionId: user.sessionId };
}

export function refusal(status: number, text: { zh: string; en: string }): Response {
  return Response.json({ error: text }, { status, headers: { 'cache-control': 'no-store' } });
}

const STATUS: Record<DomainError['kind'], number> = { NOT_FOUND: 404, FORBIDDEN: 403, LOCKED: 403, INVALID: 400, CONFLICT: 409 };

/** A DomainError as an answer; anything else is a bug and goes on up. */
export function domainRefusal(error: unknown, statusOf: (error: DomainError) => number | undefined = () => undefined): Response {
  if (!(error instanceof DomainError)) throw error;
  const details = error.details as { zh?: unknown; en?: unknown } | undefined;
  const text = typeof details?.zh === 'string' && typeof details.en === 'string' ? { zh: details.zh, en: details.en } : { zh: error.message, en: error.message };
  return refusal(statusOf(error) ?? STATUS[error.kind], text);
}

/** A positive integer id of the URL, or null. */
export function idOf(raw: string): number | null {
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
