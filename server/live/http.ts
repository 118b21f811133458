/**
 * The live session's routes, their common steps: the session user as the store knows it, a bounded JSON body,
 * refusals as JSON that say what and why in Chinese and English.
 */
import type { z } from 'zod';
import type { SessionUser } from '@/server/auth/sessions';
import { LIVE_LIMITS, type LiveError } from './protocol';
import type { LiveUser, Refusal } from './session';

export function liveUser(user: SessionUser): LiveUser {
  return { userId: user.userId, username: user.username, role: user.role, hospitalCode: user.hospitalCode };
}

export function refusalResponse(refusal: Omit<Refusal, 'status'> & { status: Refusal['status'] | 413 }): Response {
  const body: LiveError & { sendWhole?: boolean } = { error: { zh: refusal.zh, en: refusal.en }, ...(refusal.sendWhole ? { sendWhole: true } : {}) };
  return Response.json(body, { status: refusal.status, headers: { 'cache-control': 'no-store' } });
}

/** The body as JSON checked by `schema`, at most LIVE_LIMITS.maxBodyBytes (refused by Content-Length before reading, and while reading). */
export async function readBody<T extends z.ZodType>(req: Request, schema: T): Promise<{ ok: true; body: z.infer<T> } | { ok: false; response: Response }> {
  const max = LIVE_LIMITS.maxBodyBytes;
  const tooLarge = () => ({ ok: false as const, response: refusalResponse({ status: 413, zh: `请求过大（上限 ${max / 1024} KB）`, en: `request too large (at most ${max / 1024} KB)` }) });
  if (Number(req.headers.get('content-length') ?? 0) > max) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { ok: false, response: refusalResponse({ status: 400, zh: '请求体不是 JSON', en: 'the body is not JSON' }) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || '$';
    return { ok: false, response: refusalResponse({ status: 400, zh: `请求无效：${where} ${issue.message}`, en: `invalid request: ${where} ${issue.message}` }) };
  }
  return { ok: true, body: parsed.data };
}
