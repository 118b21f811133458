/**
 * The impact table's optional statement columns (SETTLEMENT.md §4.3): the lines of each hospital's year-end
 * statement the user picks, per pool, for every compared round. Off by default. Money comes from the engine's
 * rounded figures in whole fen (worker/settlement/money/hospital-statement.ts): a column's total is their sum in fen.
 */
import { COUNT, decimal, MONEY, PERCENT, SIGNED_MONEY, withUnit, type ColumnFormat } from '../../lib/column-format';
import type { Locale } from '../../i18n/messages';
import type { StatementIndex } from '@/worker/settlement/money/hospital-statement';
import { STATEMENT_LINE_IDS, statementLine, type LineKind, type StatementLineId } from '../hospital/statement-lines';
import type { Pool } from '@/worker/settlement/types';
import type { ImpactRow } from './impact';

/** Which statement columns are on: the lines, and the pools they are shown for. */
export interface StatementChoice {
  lines: readonly StatementLineId[];
  pools: readonly Pool[];
}

export const NO_STATEMENT_COLUMNS: StatementChoice = { lines: [], pools: ['employee', 'resident'] };

/** Lines the comparison shows elsewhere (points, point values) or that read only beside others on a hospital's page. */
const NOT_OFFERED: readonly StatementLineId[] = ['points', 'yuanPerPoint', 'revenue', 'overspend', 'paymentCostRatio'];

/** The lines offered, in the statement's order. */
export const IMPACT_STATEMENT_LINES: readonly StatementLineId[] = STATEMENT_LINE_IDS.filter((id) => !NOT_OFFERED.includes(id));

/** Same shape as the impact table's figure columns: ImpactTable makes each one a column. */
export interface StatementColumnSpec {
  id: string;
  header: string;
  width: string;
  format: ColumnFormat;
  value: (r: ImpactRow) => number | null;
  tone?: (r: ImpactRow) => 'gain' | 'loss' | undefined;
  total?: (rows: readonly ImpactRow[]) => number | null;
}

/** Money in the table's unit (万元); ratios in %; coefficients and multiples as decimals. */
function formatOf(kind: LineKind): ColumnFormat {
  switch (kind) {
    case 'money':
      return MONEY;
    case 'signedMoney':
      return SIGNED_MONEY;
    case 'ratio':
      return PERCENT;
    case 'coefficient':
      return decimal(2);
    case 'yuanPerPoint':
      return decimal(4);
    case 'multiple':
      return decimal(3);
    case 'points':
      return COUNT;
  }
}

const WIDTH = { money: '9.5em', ratio: '6.5em' };

export interface StatementLabels {
  line: (id: StatementLineId) => string;
  pool: (pool: Pool) => string;
  header: (round: string, pool: string, line: string) => string;
}

/** The chosen columns: for each compared round, each chosen pool, each chosen line. */
export function statementColumnSpecs(choice: StatementChoice, roundNames: readonly string[], labels: StatementLabels, locale: Locale): StatementColumnSpec[] {
  const specs: StatementColumnSpec[] = [];
  roundNames.forEach((round, i) => {
    for (const pool of choice.pools) {
      for (const id of choice.lines) specs.push(lineColumn(id, i, pool, labels.header(round, labels.pool(pool), labels.line(id)), locale));
    }
  });
  return specs;
}

function lineColumn(id: StatementLineId, roundIndex: number, pool: Pool, label: string, locale: Locale): StatementColumnSpec {
  const line = statementLine(id);
  const money = line.kind === 'money' || line.kind === 'signedMoney';
  const format = formatOf(line.kind);
  // whole fen for money, the figure itself otherwise; null where the hospital has no cases in the pool
  const raw = (r: ImpactRow) => {
    const statement = r.statements?.[roundIndex]?.[pool];
    return statement ? line.figure(statement) : null;
  };
  const spec: StatementColumnSpec = {
    id: `statement-${roundIndex}-${pool}-${id}`,
    header: withUnit(label, format, locale),
    width: money ? WIDTH.money : WIDTH.ratio,
    format,
    value: (r) => {
      const figure = raw(r);
      return figure === null ? null : money ? figure / 100 : figure;
    },
  };
  if (money) spec.total = (rows) => rows.reduce((s, r) => s + (raw(r) ?? 0), 0) / 100;
  if (line.kind === 'signedMoney') {
    spec.tone = (r) => {
      const fen = raw(r) ?? 0;
      return fen > 0 ? 'gain' : fen < 0 ? 'loss' : undefined;
    };
  }
  return spec;
}

/** The rows with each round's statements of their hospital (`indexes` in the order of the rounds). */
export function withStatements(rows: readonly ImpactRow[], indexes: readonly (StatementIndex | null)[]): ImpactRow[] {
  return rows.map((row) => ({ ...row, statements: indexes.map((index) => index?.get(row.hospital.code)) }));
}
