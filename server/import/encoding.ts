/**
 * Which text encoding a CSV file is in. Excel on Chinese Windows saves "CSV (逗号分隔)" in the system's code
 * page, GBK — a subset of GB18030 — while "CSV UTF-8" and most tools write UTF-8, with or without a BOM. Valid
 * UTF-8 wins (a GBK file of Chinese text is almost never valid UTF-8, while ASCII is both); else the bytes must be
 * valid GB18030 and read as real text. Anything else is refused rather than imported as mojibake. Node's
 * TextDecoder (full ICU) decodes GB18030, so no decoder library is needed.
 */
import { isUtf8 } from 'node:buffer';
import type { CsvEncoding } from './encoding-label';
import { REASONS, type Reason } from './reasons';

export { ENCODING_LABEL, type CsvEncoding } from './encoding-label';

export type DetectedEncoding = { ok: true; encoding: CsvEncoding } | { ok: false; reason: Reason };

/** The TextDecoder label of an encoding. */
export function decoderLabel(encoding: CsvEncoding): 'utf-8' | 'gb18030' {
  return encoding === 'gb18030' ? 'gb18030' : 'utf-8';
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Text no real table holds, the mark of bytes read in the wrong encoding: control characters other than tab and
 * line breaks, and the private-use code points GB18030 maps its user-defined byte ranges to.
 */
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ue000-\uf8ff]/;

/** The length of `bytes` that ends on a whole UTF-8 sequence (an incomplete one at the end is left for the next chunk). */
function wholeUtf8Length(bytes: Uint8Array): number {
  // a sequence is at most 4 bytes: look back for its lead byte
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return size > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Whether every chunk, joined, is valid UTF-8 (one fast pass, no text made). */
async function isValidUtf8(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    const bytes = concat(carry, chunk);
    const whole = wholeUtf8Length(bytes);
    if (!isUtf8(bytes.subarray(0, whole))) return false;
    carry = bytes.slice(whole);
  }
  return carry.length === 0;
}

/** Whether the chunks are valid GB18030 that decodes to text (no stray control or private-use characters). */
async function isGb18030Text(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  try {
    for await (const chunk of chunks) if (NOT_TEXT.test(decoder.decode(chunk, { stream: true }))) return false;
    return !NOT_TEXT.test(decoder.decode());
  } catch {
    return false;
  }
}

async function startsWithBom(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
  let seen: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    seen = concat(seen, chunk.subarray(0, BOM.length));
    if (seen.length >= BOM.length) break;
  }
  return BOM.every((byte, i) => seen[i] === byte);
}

/**
 * The encoding of a CSV file, from its bytes (`chunks` is called again for each pass: a file is re-read, a
 * buffer walked again). A BOM says UTF-8 (the reader then refuses any invalid byte); else valid UTF-8 is UTF-8,
 * else valid GB18030 text is GB18030; else the file is refused.
 */
export async function detectCsvEncoding(chunks: () => AsyncIterable<Uint8Array>): Promise<DetectedEncoding> {
  if (await startsWithBom(chunks())) return { ok: true, encoding: 'utf-8-bom' };
  if (await isValidUtf8(chunks())) return { ok: true, encoding: 'utf-8' };
  if (await isGb18030Text(chunks())) return { ok: true, encoding: 'gb18030' };
  return { ok: false, reason: REASONS.unknownEncoding };
}
