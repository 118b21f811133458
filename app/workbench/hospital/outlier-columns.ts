/**
 * The columns of a hospital's outlier case list: one definition for the page on screen and for the export of
 * every page, and which columns the server can order the whole list by.
 */
import type { MessageKey } from '../../i18n/messages';
import { COUNT, decimal, type ColumnFormat } from '../../lib/column-format';
import type { SortableColumn } from '../../components/table-core';
import type { CaseExplanation } from '@/server/services/hospital-cases';
import type { OutlierSort } from '@/server/services/outlier-query';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface OutlierColumn extends SortableColumn<CaseExplanation> {
  /** the server's order this column's header asks for (the whole list is sorted, not the page) */
  sort?: OutlierSort;
}

const YUAN: ColumnFormat = decimal(2);

export function outlierColumns(t: Translate): OutlierColumn[] {
  return [
    { id: 'caseId', header: t('cases.caseId'), value: (c) => c.caseId, sort: 'case' },
    { id: 'class', header: t('cases.class'), value: (c) => t(`class.${c.caseClass}`) },
    { id: 'drg', header: 'DRG', value: (c) => c.drgCode || null },
    { id: 'drgName', header: t('hospital.drgName'), value: (c) => c.drgName },
    { id: 'pool', header: t('hospital.pool'), value: (c) => (c.pool === 'employee' || c.pool === 'resident' ? t(`pool.${c.pool}`) : c.pool) },
    { id: 'month', header: t('cases.month'), value: (c) => c.month, format: COUNT, numeric: true, sort: 'month' },
    { id: 'los', header: t('cases.los'), value: (c) => c.los, format: COUNT, numeric: true, sort: 'los' },
    { id: 'cost', header: t('cases.totalCost'), value: (c) => c.totalCost, format: YUAN, numeric: true, sort: 'totalCost' },
    { id: 'benchmark', header: t('cases.benchmark'), value: (c) => c.benchmarkCost, format: decimal(0), numeric: true },
    { id: 'ratio', header: t('cases.costRatio'), value: (c) => c.costRatio, format: decimal(2), numeric: true, sort: 'costRatio' },
    { id: 'points', header: t('hospital.points'), value: (c) => c.points, format: decimal(2), numeric: true, sort: 'points' },
  ];
}
