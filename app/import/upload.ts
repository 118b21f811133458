'use client';
/**
 * Client side of POST /api/import: multipart upload with byte progress, then the server's newline-delimited
 * JSON progress lines ({stage, done, total}) and a final {ok, datasetId} or {ok: false, errors}.
 */

import type { ImportStage, TableEncodings } from '@/server/import/dataset';
import type { Reason, RowError } from '@/server/import/errors';

export type { Reason, RowError };

export type ImportEvent =
  | { kind: 'upload'; done: number; total: number }
  | { kind: 'stage'; stage: ImportStage; done: number; total: number };

/** A failure lists the first errors (up to 1000) and counts them all. */
export type ImportOutcome = { ok: true; datasetId: number; encodings: TableEncodings } | { ok: false; errors: RowError[]; errorCount: number };

type ServerLine =
  | { stage: ImportStage; done: number; total: number }
  | { ok: true; datasetId: number; encodings: TableEncodings }
  | { ok: false; errors?: RowError[]; errorCount?: number };

function failureOf(line: { errors?: RowError[]; errorCount?: number }): ImportOutcome {
  const errors = line.errors ?? [];
  return { ok: false, errors, errorCount: line.errorCount ?? errors.length };
}

export function uploadDataset(form: FormData, onEvent: (e: ImportEvent) => void): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    let outcome: ImportOutcome | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      let newline = text.indexOf('\n', consumed);
      while (newline !== -1) {
        const line = text.slice(consumed, newline).trim();
        consumed = newline + 1;
        if (line) {
          const parsed = JSON.parse(line) as ServerLine;
          if ('stage' in parsed) onEvent({ kind: 'stage', ...parsed });
          else if (parsed.ok) outcome = parsed;
          else outcome = failureOf(parsed);
        }
        newline = text.indexOf('\n', consumed);
      }
    };
    xhr.upload.onprogress = (e) => onEvent({ kind: 'upload', done: e.loaded, total: e.total });
    xhr.onprogress = readLines;
    xhr.onload = () => {
      readLines();
      const tail = xhr.responseText.slice(consumed).trim();
      if (tail) {
        try {
          const parsed = JSON.parse(tail) as ServerLine;
          if (!('stage' in parsed)) outcome = parsed.ok ? parsed : failureOf(parsed);
        } catch {
          // a non-JSON tail is reported below
        }
      }
      if (outcome) resolve(outcome);
      else reject(new Error(`import failed: HTTP ${xhr.status} ${xhr.responseText.slice(0, 200)}`));
    };
    xhr.onerror = () => reject(new Error('network error during upload'));
    xhr.open('POST', '/api/import');
    xhr.send(form);
  });
}
