/**
 * How the hospital page shows a statement line's figure: money in yuan to the fen (a statement adds up as
 * printed), ratios in % to 1 decimal, coefficients, points and point values as decimals
 * (app/lib/column-format.ts, the one formatter of table figures).
 */
import { decimal, PERCENT, type ColumnFormat } from '../../lib/column-format';
import type { PoolStatement } from '@/worker/settlement/money/hospital-statement';
import type { LineKind, StatementLine } from './statement-lines';

const YUAN = decimal(2);

export function lineFormat(kind: LineKind): ColumnFormat {
  switch (kind) {
    case 'money':
    case 'signedMoney':
      return YUAN;
    case 'ratio':
      return PERCENT;
    case 'coefficient':
      return decimal(2);
    case 'points':
      return decimal(2);
    case 'yuanPerPoint':
      return decimal(4);
    case 'multiple':
      return decimal(3);
  }
}

/** The unit a statement line is shown in (its i18n key). */
export function lineUnitKey(kind: LineKind) {
  switch (kind) {
    case 'money':
    case 'signedMoney':
      return 'statement.unit.yuan' as const;
    case 'ratio':
      return 'statement.unit.percent' as const;
    case 'coefficient':
      return 'statement.unit.coef' as const;
    case 'points':
      return 'statement.unit.points' as const;
    case 'yuanPerPoint':
      return 'statement.unit.yuanPerPoint' as const;
    case 'multiple':
      return 'statement.unit.ratio' as const;
  }
}

/** A line's figure in its unit: yuan (whole fen ÷ 100) for money, else the number; null when the line has none. */
export function lineFigure(line: StatementLine, s: PoolStatement): number | null {
  const figure = line.figure(s);
  if (figure === null) return null;
  return line.kind === 'money' || line.kind === 'signedMoney' ? figure / 100 : figure;
}
