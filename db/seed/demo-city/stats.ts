/**
 * Calibration figures of a generated city (what `npm run seed -- --stats` prints and the calibration tests
 * assert). Cases are classified by last year's rules (SETTLEMENT.md §2) only to measure the generator; the
 * settlement engine stays the authority on classes and money.
 */
import { NO_DRG, type DatasetBundle, type Level } from '@/worker/settlement/types';
import {
  DEFAULT_EXCLUDE_LOS_MAX,
  DEFAULT_EXCLUDE_LOS_MIN,
  DEFAULT_LOW_MULTIPLE,
  LAST_YEAR_LEVEL_COEFFICIENTS,
  highCostMultiple,
} from './default-rules';
import { paidFundSpending } from './rounds';

type ByLevel = Record<Level, number>;

export interface CityStats {
  cases: number;
  hospitalsByLevel: ByLevel;
  drgs: number;
  employeeShare: number;
  /** mean total cost of all cases (yuan) */
  costPerCase: number;
  /** by last year's rules: stay ≤ 2 or ≥ 60 days, or a 床日 group */
  excludedShare: number;
  excludedByStayShare: number;
  ungroupedShare: number;
  specialReviewCases: number;
  /** among grouped paid cases (normal, high, low, special) */
  highShare: number;
  lowShare: number;
  cmiByLevel: ByLevel;
  casesByLevel: ByLevel;
  /** Σ patient_pay ÷ Σ total_cost */
  patientShare: { employee: number; resident: number };
  patientShareByLevel: { employee: ByLevel; resident: ByLevel };
  deductionShare: number;
  meanDeduction: number;
  casesByMonth: number[];
  /** Σ (total_cost − patient_pay) of the paid cases per pool: round 0's budget before rounding */
  fundSpending: { employee: number; resident: number };
  /** (Σ weight × last year's coefficient ÷ Σ cost) of a level, relative to the city's: 1 = paid in line */
  paymentCostIndexByLevel: ByLevel;
  rw: { min: number; median: number; max: number; surgicalMedian: number; medicalMedian: number; q10: number; q90: number };
  driftedDrgs: number;
}

export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const k = (sorted.length - 1) * p;
  const f = Math.floor(k);
  return sorted[f]! + (sorted[Math.min(f + 1, sorted.length - 1)]! - sorted[f]!) * (k - f);
}

const zero = (): ByLevel => ({ 1: 0, 2: 0, 3: 0 });

export function cityStats(bundle: DatasetBundle, driftedDrgs = 0): CityStats {
  const { cases, catalog, hospitals } = bundle;
  const acc = {
    employee: 0, excluded: 0, excludedByStay: 0, ungrouped: 0, special: 0, high: 0, low: 0, paid: 0,
    cost: 0, deductions: 0, deductionSum: 0,
    weight: zero(), grouped: zero(), cases: zero(), levelCost: zero(), levelPoints: zero(),
    pay: [0, 0], poolCost: [0, 0],
    levelPay: [zero(), zero()], levelPoolCost: [zero(), zero()],
    months: new Array<number>(12).fill(0),
  };
  for (let i = 0; i < cases.count; i++) {
    const hospital = hospitals[cases.hospital[i]!]!;
    const level = hospital.level;
    const pool = cases.pool[i]!;
    const cost = cases.totalCost[i]!;
    const pay = cases.patientPay[i]!;
    acc.cases[level]++;
    acc.cost += cost;
    acc.months[cases.month[i]! - 1]!++;
    if (pool === 0) acc.employee++;
    acc.pay[pool]! += pay;
    acc.poolCost[pool]! += cost;
    acc.levelPay[pool]![level] += pay;
    acc.levelPoolCost[pool]![level] += cost;
    if (cases.deduction[i]! > 0) {
      acc.deductions++;
      acc.deductionSum += cases.deduction[i]!;
    }
    if (cases.specialReview[i]) acc.special++;
    const d = cases.drg[i]!;
    const entry = d === NO_DRG ? undefined : catalog[d];
    const los = cases.los[i]!;
    const byStay = los <= DEFAULT_EXCLUDE_LOS_MAX || los >= DEFAULT_EXCLUDE_LOS_MIN;
    if (byStay) acc.excludedByStay++;
    if (byStay || entry?.perDiem) {
      acc.excluded++;
      continue;
    }
    if (!entry || entry.weight === null || entry.benchmarkCost === null) {
      acc.ungrouped++;
      continue;
    }
    acc.paid++;
    acc.weight[level] += entry.weight;
    acc.grouped[level]++;
    const coefficient = entry.uniformPrice ? 1 : (hospital.coefficient ?? LAST_YEAR_LEVEL_COEFFICIENTS[level]);
    acc.levelPoints[level] += entry.weight * coefficient;
    acc.levelCost[level] += cost;
    if (cases.specialReview[i]) continue;
    if (cost > highCostMultiple(entry.weight) * entry.benchmarkCost) acc.high++;
    else if (cost < DEFAULT_LOW_MULTIPLE * entry.benchmarkCost) acc.low++;
  }
  const n = cases.count;
  const perLevel = (f: (l: Level) => number): ByLevel => ({ 1: f(1), 2: f(2), 3: f(3) });
  const cityIndex = sumLevels(acc.levelPoints) / sumLevels(acc.levelCost);
  const weights = catalog.filter((e) => e.weight !== null);
  const rwOf = (type: string) => weights.filter((e) => e.drgType === type).map((e) => e.weight!);
  const allRw = weights.map((e) => e.weight!);
  return {
    cases: n,
    hospitalsByLevel: perLevel((l) => hospitals.filter((h) => h.level === l).length),
    drgs: catalog.length,
    employeeShare: acc.employee / n,
    costPerCase: acc.cost / n,
    excludedShare: acc.excluded / n,
    excludedByStayShare: acc.excludedByStay / n,
    ungroupedShare: acc.ungrouped / n,
    specialReviewCases: acc.special,
    highShare: acc.high / acc.paid,
    lowShare: acc.low / acc.paid,
    cmiByLevel: perLevel((l) => acc.weight[l] / acc.grouped[l]),
    casesByLevel: acc.cases,
    patientShare: { employee: acc.pay[0]! / acc.poolCost[0]!, resident: acc.pay[1]! / acc.poolCost[1]! },
    patientShareByLevel: {
      employee: perLevel((l) => acc.levelPay[0]![l] / acc.levelPoolCost[0]![l]),
      resident: perLevel((l) => acc.levelPay[1]![l] / acc.levelPoolCost[1]![l]),
    },
    deductionShare: acc.deductions / n,
    meanDeduction: acc.deductions > 0 ? acc.deductionSum / acc.deductions : 0,
    casesByMonth: acc.months,
    fundSpending: paidFundSpending(bundle),
    paymentCostIndexByLevel: perLevel((l) => acc.levelPoints[l] / acc.levelCost[l] / cityIndex),
    rw: {
      min: Math.min(...allRw),
      median: quantile(allRw, 0.5),
      max: Math.max(...allRw),
      surgicalMedian: quantile(rwOf('surgical'), 0.5),
      medicalMedian: quantile(rwOf('medical'), 0.5),
      q10: quantile(allRw, 0.1),
      q90: quantile(allRw, 0.9),
    },
    driftedDrgs,
  };
}

function sumLevels(values: ByLevel): number {
  return values[1] + values[2] + values[3];
}

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const fixed = (x: number, digits = 3) => x.toFixed(digits);
const levels = (v: ByLevel, f: (x: number) => string) => `一级 ${f(v[1])} · 二级 ${f(v[2])} · 三级 ${f(v[3])}`;

/** The figures as the plain-text report printed by `npm run seed -- --stats`. */
export function formatStats(s: CityStats): string {
  const mean = s.cases / 12;
  return [
    `cases                 ${s.cases}  (by level: ${levels(s.casesByLevel, String)})`,
    `hospitals             ${levels(s.hospitalsByLevel, String)}  (${sumLevels(s.hospitalsByLevel)} in all)`,
    `DRGs                  ${s.drgs}  (${s.driftedDrgs} with drifted weights)`,
    `RW                    min ${fixed(s.rw.min)} · p10 ${fixed(s.rw.q10)} · median ${fixed(s.rw.median)} · p90 ${fixed(s.rw.q90)} · max ${fixed(s.rw.max)} · surgical median ${fixed(s.rw.surgicalMedian)} · medical median ${fixed(s.rw.medicalMedian)}`,
    `employee share        ${pct(s.employeeShare)}`,
    `cost per case         ${s.costPerCase.toFixed(2)} yuan`,
    `CMI by level          ${levels(s.cmiByLevel, (x) => fixed(x))}`,
    `payment/cost index    ${levels(s.paymentCostIndexByLevel, (x) => fixed(x))}  (last year's coefficients; 1 = in line with the city)`,
    `high-cost / low-cost  ${pct(s.highShare)} / ${pct(s.lowShare)} of grouped paid cases`,
    `excluded              ${pct(s.excludedShare)} (by stay ≤2 or ≥60 days: ${pct(s.excludedByStayShare)}; the rest 床日 groups)`,
    `ungrouped             ${pct(s.ungroupedShare)}`,
    `special review        ${s.specialReviewCases} cases`,
    `patient share         employee ${pct(s.patientShare.employee)} (${levels(s.patientShareByLevel.employee, pct)}) · resident ${pct(s.patientShare.resident)} (${levels(s.patientShareByLevel.resident, pct)})`,
    `deductions            ${pct(s.deductionShare)} of cases, mean ${s.meanDeduction.toFixed(2)} yuan`,
    `months (÷ mean)       ${s.casesByMonth.map((c) => (c / mean).toFixed(2)).join(' ')}`,
    `fund spending         employee ${(s.fundSpending.employee / 1e4).toFixed(0)} 万元 · resident ${(s.fundSpending.resident / 1e4).toFixed(0)} 万元`,
  ].join('\n');
}
