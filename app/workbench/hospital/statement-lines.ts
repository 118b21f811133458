/**
 * The lines of a year-end statement in the order a bureau reads them (SETTLEMENT.md §4.3), each with the kind
 * of figure it holds: the hospital page's statement and the impact table's statement columns both list these.
 */
import type { PointValueBasis } from '@/worker/settlement/round';
import type { Method } from '@/worker/settlement/round';
import type { PoolStatement } from '@/worker/settlement/money/hospital-statement';

/** money: whole fen; ratio: a fraction (shown in %); coefficient, points, yuanPerPoint: plain numbers */
export type LineKind = 'money' | 'signedMoney' | 'ratio' | 'coefficient' | 'points' | 'yuanPerPoint' | 'multiple';

export const STATEMENT_LINE_IDS = [
  'points',
  'yuanPerPoint',
  'revenue',
  'deduction',
  'surplusCapExcess',
  'baseRevenue',
  'actualCost',
  'overspend',
  'overspendRate',
  'surplusKept',
  'sharing',
  'evalCoefficient',
  'incentive',
  'settlement',
  'patientPay',
  'fundPayment',
  'prepaid',
  'clearing',
  'paymentCostRatio',
] as const;

export type StatementLineId = (typeof STATEMENT_LINE_IDS)[number];

export interface StatementLine {
  id: StatementLineId;
  kind: LineKind;
  /** the figure: whole fen for money, else the number itself; null when the line has none (no overspend) */
  figure: (s: PoolStatement) => number | null;
}

const LINES: Record<StatementLineId, Omit<StatementLine, 'id'>> = {
  points: { kind: 'points', figure: (s) => s.points },
  yuanPerPoint: { kind: 'yuanPerPoint', figure: (s) => s.yuanPerPoint },
  revenue: { kind: 'money', figure: (s) => s.revenueFen },
  deduction: { kind: 'money', figure: (s) => s.deductionFen },
  surplusCapExcess: { kind: 'money', figure: (s) => s.surplusCapExcessFen },
  baseRevenue: { kind: 'money', figure: (s) => s.baseRevenueFen },
  actualCost: { kind: 'money', figure: (s) => s.actualCostFen },
  overspend: { kind: 'money', figure: (s) => s.overspendFen },
  overspendRate: { kind: 'ratio', figure: (s) => s.overspendRate },
  surplusKept: { kind: 'money', figure: (s) => s.surplusKeptFen },
  sharing: { kind: 'money', figure: (s) => s.sharingFen },
  evalCoefficient: { kind: 'coefficient', figure: (s) => s.evalCoefficient },
  incentive: { kind: 'money', figure: (s) => s.incentiveFen },
  settlement: { kind: 'money', figure: (s) => s.settlementFen },
  patientPay: { kind: 'money', figure: (s) => s.patientPayFen },
  fundPayment: { kind: 'money', figure: (s) => s.fundPaymentFen },
  prepaid: { kind: 'money', figure: (s) => s.prepaidFen },
  clearing: { kind: 'signedMoney', figure: (s) => s.clearingFen },
  paymentCostRatio: { kind: 'multiple', figure: (s) => s.paymentCostRatio },
};

export const STATEMENT_LINES: readonly StatementLine[] = STATEMENT_LINE_IDS.map((id) => ({ id, ...LINES[id] }));

export function statementLine(id: StatementLineId): StatementLine {
  return { id, ...LINES[id] };
}

/**
 * The i18n key of a line's "how it is computed" text: a few lines read differently by method (point value or
 * rate) and basis (total cost or fund).
 */
export function formulaKey(id: StatementLineId, method: Method, basis: PointValueBasis) {
  if (id === 'yuanPerPoint') return method === 'rate' ? 'statement.formula.yuanPerPoint.rate' : 'statement.formula.yuanPerPoint.points';
  if (id === 'actualCost') return basis === 'fund' ? 'statement.formula.actualCost.fund' : 'statement.formula.actualCost.total';
  if (id === 'fundPayment') return basis === 'fund' ? 'statement.formula.fundPayment.fund' : 'statement.formula.fundPayment.total';
  return `statement.formula.${id}` as const;
}
