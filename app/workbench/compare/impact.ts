/**
 * Comparisons between settled rounds: small pure functions from settlement results to the rows and figures
 * the comparison view shows and exports (one hospital per row, both pools added). Money is added in whole fen
 * (the §7 result's yuan are fen ÷ 100) and turned into yuan once, so that sums carry no float noise and add up
 * to the fen with the rows they sum.
 */
import type { ContractResult, ContractTotals } from '@/worker/settlement/result';
import { fenOf } from '@/worker/settlement/rounding';
import type { Level, Pool } from '@/worker/settlement/types';
import type { HospitalStatements } from '@/worker/settlement/money/hospital-statement';

/** A settled round as the comparison reads it: the §7 result of the engine. */
export type SettledRound = Pick<ContractResult, 'point_value' | 'totals' | 'hospitals'>;

export interface HospitalInfo {
  code: string;
  name: string;
  level: Level | number;
  district: string | null;
  type: string | null;
}

export interface CaseClassCounts {
  normal: number;
  high: number;
  low: number;
  special: number;
  ungrouped: number;
  excluded: number;
}

/** One hospital under one round, pools added. */
export interface HospitalOutcome {
  settlement: number;
  fundPayment: number;
  totalCost: number;
  points: number;
  cases: CaseClassCounts;
  /** Σ weight of grouped cases ÷ their count, over both pools */
  cmi: number;
  /** settlement ÷ total cost of paid cases */
  paymentCostRatio: number;
}

const EMPTY_COUNTS: CaseClassCounts = { normal: 0, high: 0, low: 0, special: 0, ungrouped: 0, excluded: 0 };

/** Adds a round's per-pool hospital rows into one outcome per hospital. */
export function outcomesByHospital(result: SettledRound): Map<string, HospitalOutcome> {
  const sums = new Map<string, { settlementFen: number; fundPaymentFen: number; totalCostFen: number; points: number; cases: CaseClassCounts; weightSum: number; grouped: number }>();
  for (const row of result.hospitals) {
    const acc = sums.get(row.hospital_code) ?? { settlementFen: 0, fundPaymentFen: 0, totalCostFen: 0, points: 0, cases: { ...EMPTY_COUNTS }, weightSum: 0, grouped: 0 };
    const grouped = row.cases.normal + row.cases.high + row.cases.low + row.cases.special;
    acc.settlementFen += fenOf(row.settlement);
    acc.fundPaymentFen += fenOf(row.fund_payment);
    acc.totalCostFen += fenOf(row.total_cost);
    acc.points += row.points;
    acc.weightSum += row.cmi * grouped;
    acc.grouped += grouped;
    for (const k of Object.keys(EMPTY_COUNTS) as (keyof CaseClassCounts)[]) acc.cases[k] += row.cases[k];
    sums.set(row.hospital_code, acc);
  }
  const out = new Map<string, HospitalOutcome>();
  for (const [code, acc] of sums) {
    out.set(code, {
      settlement: acc.settlementFen / 100,
      fundPayment: acc.fundPaymentFen / 100,
      totalCost: acc.totalCostFen / 100,
      points: acc.points,
      cases: acc.cases,
      cmi: acc.grouped > 0 ? acc.weightSum / acc.grouped : 0,
      paymentCostRatio: acc.totalCostFen > 0 ? acc.settlementFen / acc.totalCostFen : 0,
    });
  }
  return out;
}

/** One row of the hospital impact table. */
export interface ImpactRow {
  hospital: HospitalInfo;
  baseline: HospitalOutcome | null;
  /** the compared rounds, in the order given */
  rounds: (HospitalOutcome | null)[];
  /** each compared round's year-end statements of the hospital, when the table shows statement columns */
  statements?: readonly (HospitalStatements | undefined)[];
}

export function impactRows(hospitals: HospitalInfo[], baseline: SettledRound, compared: SettledRound[]): ImpactRow[] {
  const base = outcomesByHospital(baseline);
  const others = compared.map(outcomesByHospital);
  return hospitals
    .filter((h) => base.has(h.code) || others.some((o) => o.has(h.code)))
    .map((h) => ({ hospital: h, baseline: base.get(h.code) ?? null, rounds: others.map((o) => o.get(h.code) ?? null) }));
}

/** Change of a sum of money between two outcomes: yuan (subtracted in whole fen) and ratio (NaN when the old value is 0). */
export function change(from: number | undefined, to: number | undefined): { yuan: number; ratio: number } {
  const a = fenOf(from ?? 0);
  const b = fenOf(to ?? 0);
  return { yuan: (b - a) / 100, ratio: a !== 0 ? (b - a) / Math.abs(a) : Number.NaN };
}

/** A pool whose fund payments exceed its budget (费率法: nothing caps them; 点数法 cannot). */
export interface OverBudget {
  pool: Pool;
  fundPayment: number;
  budget: number;
  /** fund payment − budget (yuan, > 0) */
  excess: number;
}

export interface Headline {
  /** 点值 per pool (empty in 费率法) */
  pointValue: Record<string, number>;
  settlement: number;
  /** Σ fund payments (统筹基金支付) of the hospitals: what the budget pays for */
  fundPayment: number;
  budget: number;
  reserve: number;
  /** sharing + incentive paid from the reserve */
  reserveUsed: number;
  sharing: number;
  incentive: number;
  /** the pools (with a budget) whose fund payments exceed it */
  overBudget: OverBudget[];
  gaining: number;
  losing: number;
  largestGain: { code: string; yuan: number } | null;
  largestLoss: { code: string; yuan: number } | null;
}

/** 核心指标: point values, total settlement vs budget, reserve used, hospitals gaining/losing vs baseline. */
export function headline(rows: ImpactRow[], result: SettledRound, roundIndex: number): Headline {
  let gaining = 0;
  let losing = 0;
  let largestGain: Headline['largestGain'] = null;
  let largestLoss: Headline['largestLoss'] = null;
  for (const row of rows) {
    const { yuan } = change(row.baseline?.settlement, row.rounds[roundIndex]?.settlement);
    if (yuan > 0.005) gaining++;
    if (yuan < -0.005) losing++;
    if (yuan > 0 && (!largestGain || yuan > largestGain.yuan)) largestGain = { code: row.hospital.code, yuan };
    if (yuan < 0 && (!largestLoss || yuan < largestLoss.yuan)) largestLoss = { code: row.hospital.code, yuan };
  }
  const totals = Object.values(result.totals).filter((t) => t !== undefined);
  const total = (pick: (t: ContractTotals) => number) => totals.reduce((s, t) => s + fenOf(pick(t)), 0) / 100;
  const fundFen = fundPaymentFenByPool(result);
  return {
    pointValue: definedValues(result.point_value),
    settlement: total((t) => t.settlement),
    fundPayment: [...fundFen.values()].reduce((s, fen) => s + fen, 0) / 100,
    budget: total((t) => t.budget),
    reserve: total((t) => t.reserve),
    reserveUsed: total((t) => t.sharing + t.incentive),
    sharing: total((t) => t.sharing),
    incentive: total((t) => t.incentive),
    overBudget: overBudgetPools(result, fundFen),
    gaining,
    losing,
    largestGain,
    largestLoss,
  };
}

/** Σ fund payments of each pool's hospitals, in whole fen. */
function fundPaymentFenByPool(result: SettledRound): Map<Pool, number> {
  const fen = new Map<Pool, number>();
  for (const h of result.hospitals) fen.set(h.pool, (fen.get(h.pool) ?? 0) + fenOf(h.fund_payment));
  return fen;
}

/** 费率法 pays every case its rate whatever the budget: the pools (with a budget) whose fund payments exceed it. */
export function overBudgetPools(result: SettledRound, fundFen: Map<Pool, number> = fundPaymentFenByPool(result)): OverBudget[] {
  const out: OverBudget[] = [];
  for (const [pool, totals] of Object.entries(result.totals) as [Pool, ContractTotals | undefined][]) {
    const budgetFen = totals ? fenOf(totals.budget) : 0;
    const paidFen = fundFen.get(pool) ?? 0;
    if (budgetFen > 0 && paidFen > budgetFen) out.push({ pool, fundPayment: paidFen / 100, budget: budgetFen / 100, excess: (paidFen - budgetFen) / 100 });
  }
  return out;
}

function definedValues(record: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, number] => e[1] !== undefined));
}

/** Money moved between hospital levels: Σ change of settlement by level. */
export function shiftByLevel(rows: ImpactRow[], roundIndex: number): { level: number; yuan: number; baseline: number }[] {
  const byLevel = new Map<number, { changeFen: number; baselineFen: number }>();
  for (const row of rows) {
    const acc = byLevel.get(row.hospital.level) ?? { changeFen: 0, baselineFen: 0 };
    const baselineFen = fenOf(row.baseline?.settlement ?? 0);
    acc.changeFen += fenOf(row.rounds[roundIndex]?.settlement ?? 0) - baselineFen;
    acc.baselineFen += baselineFen;
    byLevel.set(row.hospital.level, acc);
  }
  return [...byLevel.entries()].sort((a, b) => b[0] - a[0]).map(([level, v]) => ({ level, yuan: v.changeFen / 100, baseline: v.baselineFen / 100 }));
}
