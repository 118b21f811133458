/**
 * 诉求附件 — what a request's attachment may be: a PDF or an image (PNG, JPEG, WebP), its type read from its first
 * bytes (the name and the browser's Content-Type are not trusted), at most DRG_MAX_ATTACHMENT_MB, with a plain name.
 */

export const ATTACHMENT_MIMES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/** attachments on one request */
export const MAX_ATTACHMENTS = 5;
const MAX_NAME_CHARS = 120;

/** the largest attachment taken, in bytes: DRG_MAX_ATTACHMENT_MB (default 10) */
export function maxAttachmentBytes(): number {
  const mb = Number(process.env.DRG_MAX_ATTACHMENT_MB ?? 10);
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : 10) * 1024 * 1024);
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The type of a file by its magic bytes, or null for anything but a PDF, PNG, JPEG or WebP. */
export function detectAttachmentMime(bytes: Uint8Array): AttachmentMime | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** The file name kept: its last path segment, trimmed; null when empty, too long or with control characters. */
export function attachmentName(raw: string | null): string | null {
  const name = (raw ?? '').split(/[\\/]/).pop()!.trim();
  if (!name || name.length > MAX_NAME_CHARS || /[\u0000-\u001f\u007f]/.test(name) || name === '.' || name === '..') return null;
  return name;
}

/** The refusals of an upload, in Chinese and English. */
export const ATTACHMENT_REFUSALS = {
  badType: { zh: '附件只能是 PDF 或图片（PNG、JPEG、WebP），按文件内容判断', en: 'an attachment must be a PDF or an image (PNG, JPEG, WebP), judged by its content' },
  tooLarge: (mb: number) => ({ zh: `附件不能超过 ${mb} MB`, en: `an attachment may be at most ${mb} MB` }),
  lengthMissing: { zh: '请求未注明大小（Content-Length），已拒绝', en: 'the request does not state its size (Content-Length): refused' },
  empty: { zh: '附件为空', en: 'the attachment is empty' },
  badName: { zh: `文件名不能为空、不能超过 ${MAX_NAME_CHARS} 字、不能含控制字符`, en: `the file name must be 1–${MAX_NAME_CHARS} characters without control characters` },
  tooMany: { zh: `每条诉求最多 ${MAX_ATTACHMENTS} 个附件`, en: `at most ${MAX_ATTACHMENTS} attachments per request` },
} as const;
