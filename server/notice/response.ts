/**
 * GET /api/rounds/:id/notice/(xlsx|docx): the notice of a saved round as a file, for the bureau's roles only (a
 * hospital user is refused: the notice names every hospital). `?lang=en` writes it in English; Chinese is the
 * notice's language. The file is named in Chinese through RFC 5987 (`filename*=UTF-8''…`), with an ASCII
 * fallback for old clients.
 */
import { BUREAU } from '@/server/auth/policy';
import { guard } from '@/server/auth/request';
import { getDb } from '@/server/db';
import { DomainError } from '@/server/services/errors';
import type { Locale } from '@/app/i18n/messages';
import { translator } from '@/app/i18n/translate';
import { noticeDocxBuffer } from './docx';
import { noticeData, type NoticeData } from './notice-data';
import { noticeSheets } from './tables';
import { noticeXlsxBuffer } from './xlsx';

export type NoticeFileKind = 'xlsx' | 'docx';

const CONTENT_TYPES: Record<NoticeFileKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** RFC 5987 ext-value characters: what encodeURIComponent leaves as it is, less ' ( ) * ! */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** 公告附件-<data set>-<round>[-草稿].xlsx, without the characters a file system refuses. */
export function noticeFilename(data: NoticeData, kind: NoticeFileKind, locale: Locale): string {
  const t = translator(locale);
  const parts = [t('notice.menu'), data.dataset.name, data.round.name, ...(data.mark ? [t(`notice.mark.${data.mark}`)] : [])];
  return `${parts.join('-').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}.${kind}`;
}

export function contentDisposition(filename: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(filename)}`;
}

function refusal(status: 400 | 404, zh: string, en: string): Response {
  return Response.json({ error: { zh, en } }, { status, headers: { 'cache-control': 'no-store' } });
}

export async function noticeFileResponse(req: Request, id: string, kind: NoticeFileKind): Promise<Response> {
  const allowed = guard(req, BUREAU);
  if (allowed instanceof Response) return allowed;
  const zh = translator('zh');
  const en = translator('en');
  const roundId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(roundId) || roundId <= 0) return refusal(400, zh('notice.error.badId', { id }), en('notice.error.badId', { id }));
  const locale: Locale = new URL(req.url).searchParams.get('lang') === 'en' ? 'en' : 'zh';
  let data: NoticeData;
  try {
    data = noticeData(getDb(), roundId);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'NOT_FOUND') return refusal(404, zh('notice.error.notFound', { id }), en('notice.error.notFound', { id }));
    throw error;
  }
  const sheets = noticeSheets(data, locale);
  const body = kind === 'xlsx' ? await noticeXlsxBuffer(data, sheets, locale) : await noticeDocxBuffer(data, sheets, locale);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': CONTENT_TYPES[kind],
      'content-length': String(body.byteLength),
      'content-disposition': contentDisposition(noticeFilename(data, kind, locale), `notice-round-${data.round.id}.${kind}`),
      'cache-control': 'private, no-store',
    },
  });
}
