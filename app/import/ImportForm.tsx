'use client';
import { useState, type FormEvent } from 'react';
import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale } from '../i18n/locale';
import type { ColumnSpec, TableName } from '@/server/import/table-columns';
import { ENCODING_LABEL } from '@/server/import/encoding-label';
import { ImportErrors, type FileTables } from './ImportErrors';
import { uploadDataset, type ImportEvent, type ImportOutcome } from './upload';
import styles from './import.module.css';

const FILES: readonly TableName[] = ['hospitals', 'catalog', 'cases'];

/** The name each chosen file is uploaded under, and the table it was chosen for. */
function fileTablesOf(form: FormData): FileTables {
  const tables = new Map<string, TableName>();
  for (const table of FILES) {
    const file = form.get(table);
    if (file instanceof File) tables.set(file.name, table);
  }
  return tables;
}

/** 导入数据: three files (CSV or XLSX), a name and a year; progress while uploading and importing. */
export function ImportForm({ tables }: { tables: Readonly<Record<TableName, readonly ColumnSpec[]>> }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ImportEvent | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [fileTables, setFileTables] = useState<FileTables>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setOutcome(null);
    setFailure(null);
    const form = new FormData(e.currentTarget);
    setFileTables(fileTablesOf(form));
    try {
      const result = await uploadDataset(form, setProgress);
      setOutcome(result);
      if (result.ok) await queryClient.invalidateQueries();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const ratio = progress && progress.total > 0 ? progress.done / progress.total : 0;
  return (
    <div className="panel" style={{ maxWidth: 1100 }}>
      <h2>{t('import.title')}</h2>
      <p className="muted">{t('import.help')}</p>
      <form onSubmit={submit} data-testid="import-form">
        <div className={styles.form}>
          <label htmlFor="import-name">{t('import.name')}</label>
          <input id="import-name" name="name" required maxLength={200} />
          <label htmlFor="import-year">{t('import.year')}</label>
          <input id="import-year" name="year" type="number" required min={1990} max={2100} defaultValue={new Date().getFullYear() - 1} />
          {FILES.map((file) => (
            <FileField key={file} file={file} label={t(`import.file.${file}`)} />
          ))}
        </div>
        <p>
          <button className="primary" type="submit" disabled={busy}>
            {t('import.submit')}
          </button>
        </p>
      </form>
      {progress && busy ? (
        <div data-testid="import-progress">
          <div>{progress.kind === 'upload' ? t('import.uploading') : t(`import.stage.${progress.stage}`)}</div>
          <div className="progress">
            <div style={{ width: `${Math.round(ratio * 100)}%` }} />
          </div>
        </div>
      ) : null}
      {failure ? <p className="error">{failure}</p> : null}
      {outcome?.ok ? (
        <p data-testid="import-ok">
          {t('import.done')} <Link href={`/?dataset=${outcome.datasetId}`}>{t('import.open')}</Link>
        </p>
      ) : null}
      {outcome?.ok && Object.keys(outcome.encodings).length > 0 ? (
        <p className="muted" data-testid="import-encodings">
          {t('import.encodings', { files: FILES.filter((f) => outcome.encodings[f]).map((f) => `${t(`import.file.${f}`)} ${ENCODING_LABEL[outcome.encodings[f]!]}`).join(' · ') })}
        </p>
      ) : null}
      {outcome && !outcome.ok ? (
        <ImportErrors errors={outcome.errors} errorCount={outcome.errorCount} fileTables={fileTables} tables={tables} />
      ) : null}
    </div>
  );
}

function FileField({ file, label }: { file: string; label: string }) {
  return (
    <>
      <label htmlFor={`import-${file}`}>{label}</label>
      <input id={`import-${file}`} name={file} type="file" required accept=".csv,.xlsx" />
    </>
  );
}
