/**
 * The notice's settlement tables: each pool's point value or rates with its totals, the monthly pre-settlement,
 * and every hospital's year-end statement by pool with the pool's totals. Money cells are yuan read from whole fen
 * (fen ÷ 100, the double nearest the reported figure); totals are sums of fen, never of float yuan.
 */
import type { Translate } from '@/app/i18n/translate';
import { lineUnitKey } from '@/app/workbench/hospital/line-format';
import { STATEMENT_LINES, type LineKind, type StatementLine, type StatementLineId } from '@/app/workbench/hospital/statement-lines';
import { LEVELS } from '@/worker/settlement/types';
import { column, type NoticeCell, type NoticeColumn, type NoticeFormat, type NoticeRow, type NoticeTable } from './formats';
import type { NoticeData } from './notice-data';
import type { NoticePool } from './pool-figures';

function yuan(fen: number): number {
  return fen / 100;
}

function poolRow(pool: NoticePool, t: Translate): NoticeCell[] {
  const value = pool.method === 'points' ? [pool.pointValue] : LEVELS.map((level) => pool.rateByLevel?.[level] ?? null);
  return [
    t(`pool.${pool.pool}`),
    pool.hospitals,
    yuan(pool.budgetFen),
    yuan(pool.reserveFen),
    pool.points,
    ...value,
    yuan(pool.settlementFen),
    yuan(pool.fundPaymentFen),
    yuan(pool.sharingFen),
    yuan(pool.incentiveFen),
    yuan(pool.returnedFen),
    yuan(pool.prepaidFen),
  ];
}

function poolsTable(data: NoticeData, t: Translate): NoticeTable {
  const pointsMethod = data.params.method === 'points';
  const value = pointsMethod
    ? [column(t('notice.rates.pointValue'), 'pointValue')]
    : LEVELS.map((level) => column(t('notice.rates.rate', { level: t(`level.${level}`) }), 'yuan'));
  return {
    title: t('notice.sheet.rates'),
    note: null,
    columns: [
      column(t('notice.rates.pool'), 'text'),
      column(t('notice.rates.hospitals'), 'count'),
      column(t('notice.rates.budget'), 'yuan'),
      column(t('notice.rates.reserve'), 'yuan'),
      column(t('notice.rates.points'), 'points'),
      ...value,
      column(t('notice.rates.settlement'), 'yuan'),
      column(t('notice.rates.fundPayment'), 'yuan'),
      column(t('notice.rates.sharing'), 'yuan', false),
      column(t('notice.rates.incentive'), 'yuan', false),
      column(t('notice.rates.returned'), 'yuan', false),
      column(t('notice.rates.prepaid'), 'yuan'),
    ],
    rows: data.pools.map((pool) => ({ cells: poolRow(pool, t) })),
  };
}

/** Month by month: each pool's provisional point value (点数法), points and pre-payments; totals of points and fen. */
function monthsTable(data: NoticeData, t: Translate): NoticeTable {
  const pointsMethod = data.params.method === 'points';
  const columns = [column(t('notice.months.month'), 'text')];
  for (const pool of data.pools) {
    const name = t(`pool.${pool.pool}`);
    if (pointsMethod) columns.push(column(t('notice.months.pointValue', { pool: name }), 'pointValue'));
    columns.push(column(t('notice.months.points', { pool: name }), 'points'), column(t('notice.months.prepaid', { pool: name }), 'yuan'));
  }
  const rows: NoticeRow[] = Array.from({ length: 12 }, (_, m) => ({
    cells: [
      t('notice.months.monthName', { month: m + 1 }),
      ...data.pools.flatMap((pool) => {
        const month = pool.months[m]!;
        return [...(pointsMethod ? [month.pointValue] : []), month.points, yuan(month.prepaidFen)];
      }),
    ],
  }));
  const totals: NoticeCell[] = [t('notice.total')];
  for (const pool of data.pools) {
    if (pointsMethod) totals.push(null);
    totals.push(pool.points, yuan(pool.months.reduce((s, m) => s + m.prepaidFen, 0)));
  }
  rows.push({ cells: totals, total: true });
  return { title: t('notice.sheet.months'), note: null, columns, rows };
}

export function ratesTables(data: NoticeData, t: Translate): NoticeTable[] {
  return [poolsTable(data, t), monthsTable(data, t)];
}

/** The lines the DOCX and the printed notice show (the XLSX has every line). */
const BRIEF_LINES = new Set<StatementLineId>(['points', 'baseRevenue', 'sharing', 'incentive', 'settlement', 'fundPayment', 'prepaid', 'clearing']);

const LINE_FORMATS: Record<LineKind, NoticeFormat> = {
  money: 'yuan',
  signedMoney: 'yuan',
  ratio: 'percent',
  coefficient: 'coefficient',
  points: 'points',
  yuanPerPoint: 'pointValue',
  multiple: 'multiple',
};

function lineColumn(line: StatementLine, t: Translate): NoticeColumn {
  const name = t(`statement.line.${line.id}`);
  const header = line.kind === 'coefficient' ? name : t('notice.statement.header', { line: name, unit: t(lineUnitKey(line.kind)) });
  return column(header, LINE_FORMATS[line.kind], BRIEF_LINES.has(line.id));
}

/** A statement's figure in its cell: money in yuan from fen; an overspend rate without a finite value is none. */
function lineCell(line: StatementLine, figure: number | null): NoticeCell {
  if (figure === null || !Number.isFinite(figure)) return null;
  return line.kind === 'money' || line.kind === 'signedMoney' ? yuan(figure) : figure;
}

/** Every hospital's statement, pool by pool, each pool closed by its totals row (sums of fen). */
export function statementsTable(data: NoticeData, t: Translate): NoticeTable {
  const rows: NoticeRow[] = [];
  for (const pool of data.pools) {
    const poolName = t(`pool.${pool.pool}`);
    for (const s of data.statements) {
      if (s.statement.pool !== pool.pool) continue;
      rows.push({ cells: [poolName, s.code, s.name, t(`level.${s.level}`), ...STATEMENT_LINES.map((line) => lineCell(line, line.figure(s.statement)))] });
    }
    const totals = data.totals[pool.pool] ?? {};
    rows.push({
      cells: [poolName, '', t('notice.poolTotal', { pool: poolName }), '', ...STATEMENT_LINES.map((line) => lineCell(line, totals[line.id] ?? null))],
      total: true,
    });
  }
  return {
    title: t('notice.sheet.statements'),
    note: null,
    columns: [
      column(t('notice.statement.pool'), 'text'),
      column(t('notice.hospital.code'), 'text'),
      column(t('notice.hospital.name'), 'text'),
      column(t('notice.hospital.level'), 'text', false),
      ...STATEMENT_LINES.map((line) => lineColumn(line, t)),
    ],
    rows,
  };
}
