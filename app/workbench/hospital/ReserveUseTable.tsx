'use client';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import { decimal, formatCell, PERCENT } from '../../lib/column-format';
import { DataTable, type TableColumn } from '../../components/DataTable';
import type { SettlementSummary } from '@/worker/settlement/result';
import type { SharingBand } from '@/worker/settlement/round';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { reserveUse, type ReserveUse, type ReserveUseRow } from './reserve-use';
import styles from './hospital.module.css';

const YUAN = decimal(2);

type FenKey = 'sharingWantedFen' | 'sharingFen' | 'scaledDownFen' | 'depositFen' | 'incentiveFen' | 'withheldFen' | 'surplusCapExcessFen';

export interface ReserveUseTableProps {
  /** the hospital whose page this is: its row is marked */
  code: string;
  hospitals: { code: string; name: string }[];
  result: SettlementSummary;
  /** the round's sharing bands: what each hospital asked when the reserve is 0 */
  sharingBands: readonly SharingBand[] | null;
}

/**
 * 调剂金使用 hospital by hospital, one pool at a time: where the reserve went (sharing, incentive), what its
 * limit cut, what evaluation withheld, and what returned to the fund (元, to the fen: the columns add up to
 * the pool's totals).
 */
export function ReserveUseTable(props: ReserveUseTableProps) {
  const { t } = useLocale();
  const [pool, setPool] = useState<Pool>('employee');
  const use = useMemo(() => reserveUse(props.result, pool, props.sharingBands), [props.result, pool, props.sharingBands]);
  const names = useMemo(() => new Map(props.hospitals.map((h) => [h.code, h.name])), [props.hospitals]);
  const scaled = use !== null && use.sharingWantedFen !== use.sharingFen;
  const capped = use !== null && use.surplusCapExcessFen !== 0;
  const columns = useMemo<TableColumn<ReserveUseRow>[]>(() => {
    const money = (id: string, key: FenKey, label: Parameters<typeof t>[0]): TableColumn<ReserveUseRow> => ({
      id, header: `${t(label)} (${t('statement.unit.yuan')})`, numeric: true, format: YUAN,
      value: (r) => r[key] / 100,
      total: (rs) => (rs.some((r) => Number.isNaN(r[key])) ? null : rs.reduce((s, r) => s + r[key], 0) / 100),
    });
    return [
      { id: 'code', header: t('hospitals.code'), value: (r) => r.code, total: (rs) => `${t('hospitals.total')} (${rs.length})` },
      { id: 'name', header: t('hospitals.name'), value: (r) => names.get(r.code) ?? '' },
      { id: 'overspendRate', header: `${t('reserve.col.overspendRate')} (%)`, numeric: true, format: PERCENT, value: (r) => r.overspendRate },
      ...(scaled ? [money('wanted', 'sharingWantedFen', 'reserve.col.wanted')] : []),
      money('sharing', 'sharingFen', 'reserve.col.sharing'),
      ...(scaled ? [money('scaledDown', 'scaledDownFen', 'reserve.col.scaledDown')] : []),
      money('deposit', 'depositFen', 'reserve.col.deposit'),
      { id: 'evalCoefficient', header: t('reserve.col.evalCoefficient'), numeric: true, format: decimal(2), value: (r) => r.evalCoefficient },
      money('incentive', 'incentiveFen', 'reserve.col.incentive'),
      money('withheld', 'withheldFen', 'reserve.col.withheld'),
      ...(capped ? [money('capExcess', 'surplusCapExcessFen', 'reserve.col.capExcess')] : []),
    ];
  }, [t, names, scaled, capped]);
  return (
    <section className={`${styles.section} ${styles.reserve}`} data-testid="reserve-use">
      <div className={styles.reserveHead}>
        <span className="table-caption">{t('reserve.title')}</span>
        <span className={styles.poolSwitch} role="group" aria-label={t('reserve.pool')}>
          {POOLS.map((p) => (
            <button key={p} type="button" aria-pressed={p === pool} onClick={() => setPool(p)} data-testid={`reserve-pool-${p}`}>
              {t(`pool.${p}`)}
            </button>
          ))}
        </span>
      </div>
      {use ? <ReserveSummary use={use} /> : null}
      {use ? (
        <DataTable
          rows={use.rows}
          columns={columns}
          rowKey={(r) => r.code}
          rowAttributes={(r) => (r.code === props.code ? { 'data-hospital-code': r.code, 'data-current': 'true' } : { 'data-hospital-code': r.code })}
          exportName={`reserve-use-${pool}`}
          testId="reserve-use-table"
        />
      ) : null}
    </section>
  );
}

/** R = sharing + incentive + unused; what the limit cut; what returns to the fund (§7 returned). */
function ReserveSummary({ use }: { use: ReserveUse }) {
  const { t, locale } = useLocale();
  const yuan = (fen: number) => formatCell(YUAN, fen / 100, locale);
  const lines: [string, string, number][] = [
    ['reserve', t('reserve.reserve'), use.reserveFen],
    ['sharing', t('reserve.sharing'), use.sharingFen],
    ['incentive', t('reserve.incentive'), use.incentiveFen],
    ['unused', t('reserve.unused'), use.unusedFen],
    ['withheld', t('reserve.withheld'), use.withheldFen],
  ];
  if (use.sharingWantedFen !== use.sharingFen) {
    lines.push(['wanted', t('reserve.wanted'), use.sharingWantedFen]);
    lines.push(['scaled', t('reserve.scaled', { percent: formatCell(decimal(1), use.sharingScale * 100, locale) + '%' }), use.sharingWantedFen - use.sharingFen]);
  }
  if (use.surplusCapExcessFen !== 0) lines.push(['capExcess', t('reserve.capExcess'), use.surplusCapExcessFen]);
  lines.push(['returned', t('reserve.returned'), use.returnedFen]);
  return (
    <table className={styles.summary} data-testid="reserve-summary">
      <tbody>
        {lines.map(([id, label, fen]) => (
          <tr key={id} data-line={id}>
            <td>{label}</td>
            <td>{Number.isNaN(fen) ? '—' : `${yuan(fen)} ${t('statement.unit.yuan')}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
