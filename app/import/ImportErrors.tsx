'use client';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import type { ColumnSpec, TableName } from '@/server/import/table-columns';
import type { RowError } from './upload';
import styles from './import.module.css';

/** Which table each uploaded file was given as: errors name the file, the help names the table. */
export type FileTables = ReadonlyMap<string, TableName>;

const UPLOAD_FIELDS: readonly string[] = ['hospitals', 'catalog', 'cases'];
const DATASET_FIELDS: Readonly<Record<string, MessageKey>> = { name: 'import.name', year: 'import.year' };

/**
 * The refused import: every listed error with its file, row, column and the reason in the page's language.
 * In Chinese a column reads as its Chinese name beside the §5 name ("月份 month").
 */
export function ImportErrors({
  errors,
  errorCount,
  fileTables,
  tables,
}: {
  errors: readonly RowError[];
  errorCount: number;
  fileTables: FileTables;
  tables: Readonly<Record<TableName, readonly ColumnSpec[]>>;
}) {
  const { t, locale } = useLocale();
  const columnLabel = (e: RowError): string => {
    if (!e.column) return '';
    if (e.file === '') {
      const key = DATASET_FIELDS[e.column] ?? (UPLOAD_FIELDS.includes(e.column) ? (`import.file.${e.column}` as MessageKey) : null);
      return key ? t(key) : e.column;
    }
    const table = fileTables.get(e.file);
    const zh = table ? tables[table].find((spec) => spec.name === e.column)?.zh : undefined;
    return locale === 'zh' && zh ? `${zh} ${e.column}` : e.column;
  };
  const heading =
    errorCount > errors.length
      ? t('import.failedListed', { count: errorCount, listed: errors.length })
      : t('import.failed', { count: errorCount });
  return (
    <div data-testid="import-errors">
      <p className="error" role="alert">{heading}</p>
      <div className="table-scroll" style={{ maxHeight: '50vh' }}>
        <table className={styles.errors}>
          <thead>
            <tr>
              <th>{t('import.error.file')}</th>
              <th className="num">{t('import.error.row')}</th>
              <th>{t('import.error.column')}</th>
              <th>{t('import.error.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i} data-row={e.row} data-column={e.column}>
                <td>{e.file}</td>
                <td className="num">{e.row > 0 ? e.row : e.file ? <span className="muted">{t('import.error.wholeFile')}</span> : '—'}</td>
                <td>{columnLabel(e)}</td>
                <td className={styles.reason}>{e.reason[locale]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
