'use client';
import { useLocale } from '../i18n/locale';
import { exportCsv, exportXlsx, type ExportSpec } from '../lib/export';
import { aboutLines } from '../lib/export-about';
import { useExportSubject } from './ExportSubject';

/**
 * The XLSX / CSV buttons every table carries. `spec()` is called at click time so it sees current rows; the block
 * above the table (data set, rounds, fingerprints, time, unit) comes from the page's ExportSubjectProvider.
 */
export function ExportButtons<Row>({ spec, testId }: { spec: () => ExportSpec<Row>; testId?: string }) {
  const { t } = useLocale();
  const subject = useExportSubject();
  const withAbout = (): ExportSpec<Row> => {
    const table = spec();
    return { ...table, about: aboutLines(subject, table.columns.map((c) => c.format), t, new Date()) };
  };
  return (
    <span className="export-buttons">
      <button type="button" data-testid={testId ? `${testId}-xlsx` : undefined} onClick={() => void exportXlsx(withAbout())}>
        {t('export.xlsx')}
      </button>
      <button type="button" data-testid={testId ? `${testId}-csv` : undefined} onClick={() => exportCsv(withAbout())}>
        {t('export.csv')}
      </button>
    </span>
  );
}
