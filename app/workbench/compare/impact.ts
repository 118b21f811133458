/**
 * Comparisons between settled rounds: small pure functions from settlement results to the rows and figures
 * the comparison view shows and exports (one hospital per row, both pools added).
 */
import type { ContractResult } from '@/worker/settlement/result';
import type { Level } from '@/worker/settlement/types';

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
  const sums = new Map<string, HospitalOutcome & { weightSum: number; grouped: number; paidCost: number }>();
  for (const row of result.hospitals) {
    const acc = sums.get(row.hospital_code) ?? {
      settlement: 0, fundPayment: 0, totalCost: 0, points: 0, cases: { ...EMPTY_COUNTS }, cmi: 0, paymentCostRatio: 0,
      weightSum: 0, grouped: 0, paidCost: 0,
    };
    const grouped = row.cases.normal + row.cases.high + row.cases.low + row.cases.special;
    acc.settlement += row.settlement;
    acc.fundPayment += row.fund_payment;
    acc.totalCost += row.total_cost;
    acc.points += row.points;
    acc.weightSum += row.cmi * grouped;
    acc.grouped += grouped;
    for (const k of Object.keys(EMPTY_COUNTS) as (keyof CaseClassCounts)[]) acc.cases[k] += row.cases[k];
    sums.set(row.hospital_code, acc);
  }
  const out = new Map<string, HospitalOutcome>();
  for (const [code, acc] of sums) {
    out.set(code, {
      settlement: acc.settlement,
      fundPayment: acc.fundPayment,
      totalCost: acc.totalCost,
      points: acc.points,
      cases: acc.cases,
      cmi: acc.grouped > 0 ? acc.weightSum / acc.grouped : 0,
      paymentCostRatio: acc.totalCost > 0 ? acc.settlement / acc.totalCost : 0,
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
}

export function impactRows(hospitals: HospitalInfo[], baseline: SettledRound, compared: SettledRound[]): ImpactRow[] {
  const base = outcomesByHospital(baseline);
  const others = compared.map(outcomesByHospital);
  return hospitals
    .filter((h) => base.has(h.code) || others.some((o) => o.has(h.code)))
    .map((h) => ({ hospital: h, baseline: base.get(h.code) ?? null, rounds: others.map((o) => o.get(h.code) ?? null) }));
}

/** Change of a figure between two outcomes: yuan and ratio (NaN when the old value is 0). */
export function change(from: number | undefined, to: number | undefined): { yuan: number; ratio: number } {
  const a = from ?? 0;
  const b = to ?? 0;
  return { yuan: b - a, ratio: a !== 0 ? (b - a) / Math.abs(a) : Number.NaN };
}

export interface Headline {
  /** 点值 per pool (empty in 费率法) */
  pointValue: Record<string, number>;
  settlement: number;
  /** Σ fund payments (统筹基金支付) of the hospitals: what the budget pays for */
  fundPayment: number;
  budget: number;
  reserve: number;
  reserveUsed: number;
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
  return {
    pointValue: definedValues(result.point_value),
    settlement: totals.reduce((s, t) => s + t.settlement, 0),
    fundPayment: result.hospitals.reduce((s, h) => s + h.fund_payment, 0),
    budget: totals.reduce((s, t) => s + t.budget, 0),
    reserve: totals.reduce((s, t) => s + t.reserve, 0),
    reserveUsed: totals.reduce((s, t) => s + t.sharing + t.incentive, 0),
    gaining,
    losing,
    largestGain,
    largestLoss,
  };
}

function definedValues(record: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, number] => e[1] !== undefined));
}

/** Money moved between hospital levels: Σ change of settlement by level. */
export function shiftByLevel(rows: ImpactRow[], roundIndex: number): { level: number; yuan: number; baseline: number }[] {
  const byLevel = new Map<number, { yuan: number; baseline: number }>();
  for (const row of rows) {
    const acc = byLevel.get(row.hospital.level) ?? { yuan: 0, baseline: 0 };
    acc.yuan += change(row.baseline?.settlement, row.rounds[roundIndex]?.settlement).yuan;
    acc.baseline += row.baseline?.settlement ?? 0;
    byLevel.set(row.hospital.level, acc);
  }
  return [...byLevel.entries()].sort((a, b) => b[0] - a[0]).map(([level, v]) => ({ level, ...v }));
}
