/**
 * POST /api/import — uploads a data set (SETTLEMENT.md §5) and imports it, all or nothing.
 *
 * Request: multipart/form-data with
 *   - `hospitals`, `catalog`, `cases`: files, CSV (UTF-8, BOM optional, or GB18030/GBK as Excel on Chinese Windows
 *     saves it: detected) or XLSX (first worksheet), by file name;
 *   - `name` (data set name, unique), `year` (base year, e.g. 2025), optional `notes`.
 *
 * Response: 200, `application/x-ndjson`, one JSON object per line, streamed as the import runs:
 *   {"stage":"parsing","done":<bytes read>,"total":<bytes in all three files>}   (rows are checked as they stream)
 *   {"stage":"writing","done":<cases written>,"total":<cases>}
 * and exactly one last line:
 *   {"ok":true,"datasetId":12,"encodings":{"hospitals":"gb18030","catalog":"utf-8-bom","cases":"utf-8"}}   (CSV files only)
 *   {"ok":false,"errors":[{"file":"cases.csv","row":14,"column":"month",
 *     "reason":{"zh":"应为 1–12 的整数（当前值：13）","en":"must be an integer 1–12 (got 13)"}}],
 *    "errorCount":1, "message"?: {"zh":"……另有 12 处错误未列出","en":"… and 12 more errors"} (only when the list is cut at 1000)}
 * A request without the three files, a name or a year gets status 400 and that one `ok:false` line; errors
 * about the data set itself (name taken, bad year) have file "" and row 0.
 */
import { getDb } from '@/server/db';
import { POLICY_STAFF } from '@/server/auth/policy';
import { guard } from '@/server/auth/request';
import { recordAudit } from '@/server/services/audit';
import { ENCODING_LABEL, importDataset, omittedErrors, REASONS, type DatasetBuffers, type ImportResult, type Reason, type RowError } from '@/server/import';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const FILE_FIELDS = ['hospitals', 'catalog', 'cases'] as const;

type Line =
  | { stage: string; done: number; total: number }
  | ImportResult
  | { ok: false; errors: RowError[]; errorCount?: number; message?: Reason };

function ndjson(lines: Line[], status = 200): Response {
  return new Response(lines.map((line) => `${JSON.stringify(line)}\n`).join(''), {
    status,
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8' },
  });
}

function requestError(column: string, reason: Reason): Response {
  return ndjson([{ ok: false, errors: [{ file: '', row: 0, column, reason }] }], 400);
}

/** The three uploaded files, or the name of the first one missing. */
async function uploadedFiles(form: FormData): Promise<DatasetBuffers | (typeof FILE_FIELDS)[number]> {
  const files: Partial<DatasetBuffers> = {};
  for (const field of FILE_FIELDS) {
    const file = form.get(field);
    if (!(file instanceof File) || file.size === 0) return field;
    files[field] = { name: file.name || `${field}.csv`, data: new Uint8Array(await file.arrayBuffer()) };
  }
  return files as DatasetBuffers;
}

/** A file as the audit log records it: name, size and, for a CSV read, the text encoding it was read in. */
function fileNote(file: DatasetBuffers[(typeof FILE_FIELDS)[number]], result: ImportResult, field: (typeof FILE_FIELDS)[number]) {
  const encoding = result.ok ? result.encodings[field] : undefined;
  return { name: file.name, bytes: file.data.byteLength, ...(encoding ? { encoding: ENCODING_LABEL[encoding] } : {}) };
}

function finalLine(result: ImportResult): Line {
  if (result.ok) return result;
  const omitted = omittedErrors(result);
  return omitted ? { ...result, message: omitted } : result;
}

/** the largest upload taken (MB): DRG_MAX_UPLOAD_MB, default 300 (a 1 M-case CSV is ≈ 80 MB) */
function maxUploadBytes(): number {
  const mb = Number(process.env.DRG_MAX_UPLOAD_MB ?? 300);
  return (Number.isFinite(mb) && mb > 0 ? mb : 300) * 1024 * 1024;
}

export async function POST(req: Request): Promise<Response> {
  const allowed = guard(req, POLICY_STAFF);
  if (allowed instanceof Response) return allowed;
  const actor = allowed.user!.username;
  // the size is known before anything is read: a body without a length, or a longer one, is refused unread
  const length = Number(req.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length)) return ndjson([{ ok: false, errors: [{ file: '', row: 0, column: '', reason: REASONS.uploadLengthMissing }] }], 411);
  if (length > maxUploadBytes()) {
    return ndjson([{ ok: false, errors: [{ file: '', row: 0, column: '', reason: REASONS.uploadTooLarge(Math.round(maxUploadBytes() / 1024 / 1024)) }] }], 413);
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return requestError('', REASONS.notMultipart);
  }
  const files = await uploadedFiles(form);
  if (typeof files === 'string') return requestError(files, REASONS.fileMissing(files));
  const name = form.get('name');
  const year = form.get('year');
  const notes = form.get('notes');
  if (typeof name !== 'string' || typeof year !== 'string') return requestError('name', REASONS.nameAndYearRequired);
  const meta = { name, year, notes: typeof notes === 'string' && notes.trim() ? notes : null };

  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: Line) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const db = getDb();
        const result = await importDataset(db, meta, files, (stage, done, total) => send({ stage, done, total }));
        recordAudit(db, {
          actor,
          action: result.ok ? 'import' : 'import.refused',
          entity: 'dataset',
          ...(result.ok ? { entityId: result.datasetId } : {}),
          detail: { name: meta.name, year: meta.year, files: Object.fromEntries(FILE_FIELDS.map((f) => [f, fileNote(files[f], result, f)])), ...(result.ok ? {} : { errorCount: result.errorCount ?? result.errors.length }) },
        });
        send(finalLine(result));
      } catch (error) {
        send({ ok: false, errors: [{ file: '', row: 0, column: '', reason: REASONS.importFailed((error as Error).message) }] });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}
