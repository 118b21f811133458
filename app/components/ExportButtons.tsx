'use client';
import { useLocale } from '../i18n/locale';
import { exportCsv, exportXlsx, type ExportSpec } from '../lib/export';
import { aboutLines } from '../lib/export-about';
import { useExportSubject } from './ExportSubject';

/**
 * The XLSX / CSV buttons every table carries. `spec()` is called at click time so it sees current rows; the block
 * above the table (data set, rounds, fingerprints, time, unit) comes from the page's ExportSubjectProvider.
 * A table whose rows live on the server page by page (a hospital's outlier cases) gives a spec that fetches them
 * all first; if that fails, the table says so and nothing is downloaded.
 */
export function ExportButtons<Row>({ spec, testId }: { spec: () => ExportSpec<Row> | Promise<ExportSpec<Row>>; testId?: string }) {
  const { t } = useLocale();
  const subject = useExportSubject();
  const withAbout = async (): Promise<ExportSpec<Row>> => {
    const table = await spec();
    return { ...table, about: aboutLines(subject, table.columns.map((c) => c.format), t, new Date()) };
  };
  const download = (write: (spec: ExportSpec<Row>) => unknown) => () => void withAbout().then(write, () => undefined);
  return (
    <span className="export-buttons">
      <button type="button" data-testid={testId ? `${testId}-xlsx` : undefined} onClick={download(exportXlsx)}>
        {t('export.xlsx')}
      </button>
      <button type="button" data-testid={testId ? `${testId}-csv` : undefined} onClick={download(exportCsv)}>
        {t('export.csv')}
      </button>
    </span>
  );
}
