/**
 * What a zip file (an XLSX workbook) would inflate to, read from its central directory before anything is
 * inflated: a 410 KB "workbook" that inflates to 420 MB (a zip bomb) is refused unopened.
 */

/** the most an XLSX may inflate to (MB): DRG_MAX_XLSX_INFLATED_MB, default 1024 */
export function maxInflatedBytes(): number {
  const mb = Number(process.env.DRG_MAX_XLSX_INFLATED_MB ?? 1024);
  return (Number.isFinite(mb) && mb > 0 ? mb : 1024) * 1024 * 1024;
}

/** inflated ÷ compressed at most: spreadsheets' XML compresses 5–30×, zip bombs a thousandfold */
export const MAX_INFLATE_RATIO = 200;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;

/**
 * Σ uncompressed sizes of the zip's entries, from its central directory; null when the bytes are no zip this can
 * read (the XLSX reader then says so). A ZIP64 size (0xFFFFFFFF) counts as infinite: no workbook needs 4 GB parts.
 */
export function zipInflatedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record sits in the last 22 + 65535 bytes
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 65535); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== CENTRAL_FILE_HEADER) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}
