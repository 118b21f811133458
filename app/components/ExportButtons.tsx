'use client';
import { useLocale } from '../i18n/locale';
import { exportCsv, exportXlsx, type ExportSpec } from '../lib/export';

/** The XLSX / CSV buttons every table carries. `spec()` is called at click time so it sees current rows. */
export function ExportButtons<Row>({ spec, testId }: { spec: () => ExportSpec<Row>; testId?: string }) {
  const { t } = useLocale();
  return (
    <span className="export-buttons">
      <button type="button" data-testid={testId ? `${testId}-xlsx` : undefined} onClick={() => void exportXlsx(spec())}>
        {t('export.xlsx')}
      </button>
      <button type="button" data-testid={testId ? `${testId}-csv` : undefined} onClick={() => exportCsv(spec())}>
        {t('export.csv')}
      </button>
    </span>
  );
}
