'use client';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { ExportButtons } from '../../components/ExportButtons';
import { exportSpecOf } from '../../components/table-core';
import { formatCell } from '../../lib/column-format';
import { formatCount } from '../../lib/format';
import type { RoundParams } from '@/worker/settlement/round';
import { OUTLIER_CLASSES, type OutlierClass } from '@/server/services/outlier-query';
import { outlierColumns, type OutlierColumn } from './outlier-columns';
import { OUTLIER_PAGE_SIZE, useOutlierCases, type OutlierView, type OutlierSource } from './useOutlierCases';

const FIRST_PAGE: OutlierView = { caseClass: null, sort: 'case', descending: false, page: 0 };

/**
 * 异常病例: the hospital's cases paid other than as normal cases under the round, with cost ratio and points.
 * A hospital has thousands (H001 ≈ 6,100): the server sends them a page at a time with their true count, sorts
 * and filters the whole list, and the export reads every page.
 */
export function OutlierCases({ datasetId, code, source }: { datasetId: number; code: string; source: OutlierSource }) {
  const { t, locale } = useLocale();
  const [view, setView] = useState<OutlierView>(FIRST_PAGE);
  // another hospital starts at its first page
  const [viewOf, setViewOf] = useState(code);
  if (viewOf !== code) {
    setViewOf(code);
    setView(FIRST_PAGE);
  }
  const { page, fetchAll } = useOutlierCases(datasetId, code, source, view);
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const columns = useMemo(() => outlierColumns(t), [t]);
  const data = page.data;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / OUTLIER_PAGE_SIZE));
  const all = data ? OUTLIER_CLASSES.reduce((n, k) => n + data.classCounts[k], 0) : 0;
  // an edit of the round may leave fewer pages than the one shown: show the last
  if (data && !page.isPlaceholderData && view.page >= pages) setView({ ...view, page: pages - 1 });

  const exportAll = async () => {
    setExportError(null);
    try {
      const rows = await fetchAll((done, of) => setExporting({ done, total: of }));
      return exportSpecOf(`outlier-cases-${code}${view.caseClass ? `-${view.caseClass}` : ''}`, columns, rows);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      setExporting(null);
    }
  };
  const sortBy = (c: OutlierColumn) => {
    if (!c.sort) return;
    const descending = view.sort === c.sort ? !view.descending : c.sort !== 'case';
    setView({ ...view, sort: c.sort, descending, page: 0 });
  };

  if (page.error) return <p className="error">{page.error.message}</p>;
  const from = total === 0 ? 0 : view.page * OUTLIER_PAGE_SIZE + 1;
  const to = Math.min(total, (view.page + 1) * OUTLIER_PAGE_SIZE);
  return (
    <div className="data-table" data-testid="hospital-outlier-cases-box">
      <div className="table-toolbar">
        <span className="table-caption" data-testid="hospital-outlier-count" data-total={data ? total : undefined}>
          {t('outliers.caption', { title: t('cases.title'), total: data ? formatCount(total, locale) : '…' })}
        </span>
        <select
          value={view.caseClass ?? ''}
          onChange={(e) => setView({ ...view, caseClass: (e.target.value || null) as OutlierClass | null, page: 0 })}
          aria-label={t('cases.class')}
          data-testid="hospital-outlier-class"
        >
          <option value="">{t('outliers.allClasses', { count: formatCount(all, locale) })}</option>
          {OUTLIER_CLASSES.map((k) => (
            <option key={k} value={k}>
              {t('outliers.classOption', { name: t(`class.${k}`), count: data ? formatCount(data.classCounts[k], locale) : '…' })}
            </option>
          ))}
        </select>
        <span className="muted">{t('outliers.exportAll', { count: formatCount(total, locale) })}</span>
        <ExportButtons spec={exportAll} testId="hospital-outlier-cases-export" />
        {exporting ? <span className="muted">{t('outliers.exporting', { done: formatCount(exporting.done, locale), total: formatCount(exporting.total, locale) })}</span> : null}
        {exportError ? <span className="error">{t('outliers.exportFailed', { reason: exportError })}</span> : null}
      </div>
      <div className="table-scroll">
        <table data-testid="hospital-outlier-cases" data-page={view.page} aria-busy={page.isFetching}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.id}
                  className={c.numeric ? 'num' : undefined}
                  onClick={() => sortBy(c)}
                  style={c.sort ? undefined : { cursor: 'default' }}
                  aria-sort={c.sort && view.sort === c.sort ? (view.descending ? 'descending' : 'ascending') : 'none'}
                >
                  {c.header}
                  {c.sort && view.sort === c.sort && c.sort !== 'case' ? (view.descending ? ' ▼' : ' ▲') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(data?.rows ?? []).map((row) => (
              <tr key={row.caseId} data-case-id={row.caseId}>
                {columns.map((c) => (
                  <td key={c.id} className={c.numeric ? 'num' : undefined}>
                    {formatCell(c.format, c.value(row), locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && total === 0 ? <p className="muted">{t('outliers.none')}</p> : null}
      <div className="table-toolbar no-print" data-testid="hospital-outlier-pager">
        <button type="button" disabled={view.page === 0} onClick={() => setView({ ...view, page: view.page - 1 })} data-testid="hospital-outlier-previous">
          {t('outliers.previous')}
        </button>
        <span data-testid="hospital-outlier-page">
          {t('outliers.page', { page: formatCount(view.page + 1, locale), pages: formatCount(pages, locale) })} · {t('outliers.range', { from: formatCount(from, locale), to: formatCount(to, locale) })}
        </span>
        <button type="button" disabled={view.page + 1 >= pages} onClick={() => setView({ ...view, page: view.page + 1 })} data-testid="hospital-outlier-next">
          {t('outliers.next')}
        </button>
      </div>
    </div>
  );
}
