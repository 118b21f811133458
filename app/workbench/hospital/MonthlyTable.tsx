'use client';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { decimal, type CellValue } from '../../lib/column-format';
import { sumYuan } from '../../lib/money';
import { DataTable, type TableColumn } from '../../components/DataTable';
import type { Method } from '@/worker/settlement/round';
import type { Pool } from '@/worker/settlement/types';
import type { MonthRow } from '@/worker/settlement/money/monthly-prepayments';

const YUAN = decimal(2);

/** 月度预结算 of one pool: 12 months with the month's point value, the fund's share and the pre-payment (元). */
export function MonthlyTable({ code, pool, months, method }: { code: string; pool: Pool; months: MonthRow[]; method: Method }) {
  const { t } = useLocale();
  const columns = useMemo<TableColumn<MonthRow>[]>(() => {
    const yuan = (key: 'months.patientPay' | 'months.fundShare' | 'months.prepaid') => `${t(key)} (${t('statement.unit.yuan')})`;
    const total = (text: CellValue) => () => text;
    return [
      { id: 'month', header: t('months.month'), value: (m) => m.month, text: (m) => `${m.month}${t('hospital.monthSuffix')}`, total: total(t('months.total')) },
      { id: 'points', header: t('months.points'), numeric: true, format: decimal(2), value: (m) => m.points, total: (ms) => ms.reduce((s, m) => s + m.points, 0) },
      {
        id: 'pointValue', header: `${t(method === 'rate' ? 'months.rateValue' : 'months.pointValue')} (${t('statement.unit.yuanPerPoint')})`,
        numeric: true, format: decimal(4), value: (m) => m.yuanPerPoint,
      },
      { id: 'patientPay', header: yuan('months.patientPay'), numeric: true, format: YUAN, value: (m) => m.patientPay, total: (ms) => sumYuan(ms, (m) => m.patientPay) },
      { id: 'fundShare', header: yuan('months.fundShare'), numeric: true, format: YUAN, value: (m) => m.fundShare, total: (ms) => sumYuan(ms, (m) => m.fundShare) },
      {
        id: 'prepaid', header: yuan('months.prepaid'), numeric: true, format: YUAN, value: (m) => m.prepaidFen / 100,
        total: (ms) => ms.reduce((s, m) => s + m.prepaidFen, 0) / 100,
      },
    ];
  }, [t, method]);
  return (
    <DataTable
      caption={t('months.title', { pool: t(`pool.${pool}`) })}
      rows={months}
      columns={columns}
      rowKey={(m) => String(m.month)}
      rowAttributes={(m) => ({ 'data-month': String(m.month) })}
      exportName={`monthly-${code}-${pool}`}
      testId={`hospital-months-${pool}`}
    />
  );
}
