/**
 * The totals row of a pool's statements: every money line added up in whole fen (integers: exact, never float
 * yuan), and the points (each to 4 decimals, the sum again to 4 decimals). Ratios have no total.
 */
import type { PoolStatement } from '@/worker/settlement/money/hospital-statement';
import { STATEMENT_LINES, type StatementLineId } from '@/app/workbench/hospital/statement-lines';
import { roundPoints } from '@/worker/settlement/rounding';

/** A total per statement line that adds up: money lines in whole fen, points to 4 decimals. */
export type StatementTotals = Partial<Record<StatementLineId, number>>;

const SUMMED = STATEMENT_LINES.filter((line) => line.kind === 'money' || line.kind === 'signedMoney' || line.kind === 'points');

export function statementTotals(statements: readonly { statement: PoolStatement }[]): StatementTotals {
  const totals: StatementTotals = {};
  for (const line of SUMMED) {
    let sum = 0;
    for (const { statement } of statements) sum += line.figure(statement) ?? 0;
    totals[line.id] = line.kind === 'points' ? roundPoints(sum) : sum;
  }
  return totals;
}
