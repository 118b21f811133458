/** The text encodings a CSV import reads, and the names shown for them (no Node import: the import page uses it). */

/** How a CSV's bytes are decoded; `utf-8-bom`: UTF-8 that starts with a byte order mark (Excel's "CSV UTF-8"). */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** The name an import result, the import page and the audit log give the encoding. */
export const ENCODING_LABEL: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', gb18030: 'GB18030/GBK' };
