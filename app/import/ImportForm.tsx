'use client';
import { useState, type FormEvent } from 'react';
import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale } from '../i18n/locale';
import { uploadDataset, type ImportEvent, type ImportOutcome } from './upload';

const FILES = ['hospitals', 'catalog', 'cases'] as const;

/** 导入数据: three files (CSV or XLSX), a name and a year; progress while uploading and importing. */
export function ImportForm() {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ImportEvent | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setOutcome(null);
    setFailure(null);
    try {
      const result = await uploadDataset(new FormData(e.currentTarget), setProgress);
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
    <div className="panel" style={{ maxWidth: 900 }}>
      <h2>{t('import.title')}</h2>
      <p className="muted">{t('import.help')}</p>
      <form onSubmit={submit} data-testid="import-form">
        <div style={{ display: 'grid', gridTemplateColumns: '12rem 1fr', gap: '0.7rem', alignItems: 'center' }}>
          <label htmlFor="import-name">{t('import.name')}</label>
          <input id="import-name" name="name" required maxLength={100} />
          <label htmlFor="import-year">{t('import.year')}</label>
          <input id="import-year" name="year" type="number" required min={2000} max={2100} defaultValue={new Date().getFullYear() - 1} />
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
          <div>{progress.kind === 'upload' ? t('import.uploading') : t('import.stage', { stage: progress.stage })}</div>
          <div className="progress">
            <div style={{ width: `${Math.round(ratio * 100)}%` }} />
          </div>
        </div>
      ) : null}
      {failure ? <p className="error">{failure}</p> : null}
      {outcome ? <ImportResult outcome={outcome} /> : null}
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

function ImportResult({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useLocale();
  if (outcome.ok) {
    return (
      <p data-testid="import-ok">
        {t('import.done')} <Link href={`/?dataset=${outcome.datasetId}`}>{t('import.open')}</Link>
      </p>
    );
  }
  return (
    <div data-testid="import-errors">
      <p className="error">{outcome.message || t('import.failed', { count: outcome.errors.length })}</p>
      <div className="table-scroll" style={{ maxHeight: '50vh' }}>
        <table>
          <thead>
            <tr>
              <th>{t('import.error.file')}</th>
              <th className="num">{t('import.error.row')}</th>
              <th>{t('import.error.column')}</th>
              <th>{t('import.error.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.errors.map((e, i) => (
              <tr key={i}>
                <td>{e.file}</td>
                <td className="num">{e.row}</td>
                <td>{e.column}</td>
                <td>{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
