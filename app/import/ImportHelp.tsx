'use client';
import { useLocale } from '../i18n/locale';
import type { Locale } from '../i18n/messages';
import type { ColumnSpec, TableName } from '@/server/import/table-columns';
import { csvLine } from '../lib/csv-cell';
import styles from './import.module.css';

const TABLES: readonly TableName[] = ['hospitals', 'catalog', 'cases'];

/** The example's header: Chinese names with their unit in brackets ("医疗总费用（元）"), or the §5 names. */
function headerCell(spec: ColumnSpec, locale: Locale): string {
  if (locale === 'en') return spec.unit ? `${spec.name} (${spec.unit.en})` : spec.name;
  return spec.unit ? `${spec.zh}（${spec.unit.zh}）` : spec.zh;
}

/** 文件格式说明: the three files of SETTLEMENT.md §5 column by column, on the import page itself. */
export function ImportHelp({ tables }: { tables: Readonly<Record<TableName, readonly ColumnSpec[]>> }) {
  const { t } = useLocale();
  return (
    <section className="panel" data-testid="import-help">
      <h2>{t('importHelp.title')}</h2>
      <ul className={styles.rules}>
        <li>{t('importHelp.format')}</li>
        <li>{t('importHelp.headers')}</li>
        <li>{t('importHelp.rows')}</li>
      </ul>
      {TABLES.map((table) => (
        <TableHelp key={table} table={table} columns={tables[table]} />
      ))}
    </section>
  );
}

function TableHelp({ table, columns }: { table: TableName; columns: readonly ColumnSpec[] }) {
  const { t, locale } = useLocale();
  const example = [columns.map((spec) => headerCell(spec, locale)), columns.map((spec) => spec.example)]
    .map((cells) => csvLine(cells))
    .join('\n');
  return (
    <div className={styles.table} data-testid={`import-help-${table}`}>
      <h3>
        {t(`importHelp.${table}`)} <code>{table}</code>
      </h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t('importHelp.column')}</th>
              <th>{t('importHelp.zh')}</th>
              <th>{t('importHelp.aliases')}</th>
              <th>{t('importHelp.required')}</th>
              <th>{t('importHelp.unit')}</th>
              <th>{t('importHelp.values')}</th>
              <th>{t('importHelp.example')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((spec) => (
              <tr key={spec.name} data-column={spec.name}>
                <td>
                  <code>{spec.name}</code>
                </td>
                <td>{spec.zh}</td>
                <td className={styles.wrap}>{spec.aliases.join(locale === 'zh' ? '、' : ', ')}</td>
                <td>{spec.required ? t('importHelp.requiredYes') : <span className="muted">{t('importHelp.requiredNo')}</span>}</td>
                <td>{spec.unit ? spec.unit[locale] : '—'}</td>
                <td className={styles.wrap}>{spec.values[locale]}</td>
                <td>{spec.example}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.exampleLabel}>{t('importHelp.exampleRow')}</p>
      <pre className={styles.example}>{example}</pre>
    </div>
  );
}
