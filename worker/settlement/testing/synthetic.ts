/**
 * A seeded synthetic city for the bench and the property tests: ~170 hospitals of three levels, ~630 DRGs with
 * lognormal weights and costs, and any number of cases with the rough shape of a real year (outliers,
 * ungrouped and excluded cases, 床日 and 同病同价 DRGs, special reviews, audit deductions, both pools).
 * Not calibrated like the demo city (db/seed/demo-city): it is here to exercise the engine, fast.
 */
import { allocateCaseColumns, NO_DRG, type DrgEntry, type Hospital, type Level, type SettlementData } from '../types';
import type { RoundParams } from '../round';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller. */
function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const yuan = (value: number) => Math.round(value * 100) / 100;

export interface SyntheticOptions {
  seed?: number;
  hospitals?: number;
  drgs?: number;
  cases: number;
}

function makeHospitals(count: number, random: () => number): Hospital[] {
  return Array.from({ length: count }, (_, h) => {
    const draw = random();
    const level: Level = draw < 0.12 ? 3 : draw < 0.42 ? 2 : 1;
    return {
      code: `H${String(h + 1).padStart(3, '0')}`,
      name: `Hospital ${h + 1}`,
      level,
      coefficient: random() < 0.1 ? Math.round((0.6 + random() * 0.5) * 100) / 100 : null,
      evaluationScore: random() < 0.85 ? Math.round(55 + random() * 45) : null,
      district: null,
      type: null,
    };
  });
}

function makeCatalog(count: number, random: () => number): DrgEntry[] {
  return Array.from({ length: count }, (_, d) => {
    const weight = Math.min(25, Math.max(0.1, Math.round(Math.exp(-0.1 + 0.85 * normal(random)) * 1e4) / 1e4));
    const noWeight = d % 157 === 5;
    return {
      code: `D${String(d).padStart(3, '0')}`,
      name: `DRG ${d}`,
      mdc: `MDC${String.fromCharCode(65 + (d % 26))}`,
      adrg: null,
      drgType: null,
      weight: noWeight ? null : weight,
      benchmarkCost: Math.round(weight * 9000 * Math.exp(0.1 * normal(random))),
      uniformPrice: d % 61 === 3,
      perDiem: d % 127 === 7,
    };
  });
}

/** Cumulative popularity of the DRGs a hospital of each level treats (level 1: mostly light DRGs). */
function popularityByLevel(catalog: DrgEntry[], random: () => number): Float64Array[] {
  const base = catalog.map(() => Math.exp(1.2 * normal(random)));
  return [1, 2, 3].map((level) => {
    const cumulative = new Float64Array(catalog.length);
    let sum = 0;
    catalog.forEach((drg, d) => {
      const heavy = (drg.weight ?? 1) > 2;
      sum += base[d]! * (level === 1 && heavy ? 0.05 : level === 2 && heavy ? 0.5 : 1);
      cumulative[d] = sum;
    });
    return cumulative.map((c) => c / sum);
  });
}

function pick(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The hospitals' shares of cases: lognormal sizes, larger for higher levels. */
function hospitalShares(hospitals: Hospital[], random: () => number): Float64Array {
  const cumulative = new Float64Array(hospitals.length);
  let sum = 0;
  hospitals.forEach((h, i) => {
    sum += Math.exp(0.6 * normal(random)) * (h.level === 3 ? 12 : h.level === 2 ? 4 : 1);
    cumulative[i] = sum;
  });
  return cumulative.map((c) => c / sum);
}

/** A synthetic data set. Cases come in random order (hospital drawn per case). */
export function syntheticCity(options: SyntheticOptions): SettlementData {
  const random = seededRandom(options.seed ?? 1);
  const hospitals = makeHospitals(options.hospitals ?? 170, random);
  const catalog = makeCatalog(options.drgs ?? 630, random);
  const popularity = popularityByLevel(catalog, random);
  const shares = hospitalShares(hospitals, random);
  const cases = allocateCaseColumns(options.cases);
  for (let i = 0; i < options.cases; i++) {
    const h = pick(shares, random());
    const hospital = hospitals[h]!;
    const d = pick(popularity[hospital.level - 1]!, random());
    const drg = catalog[d]!;
    const resident = random() < 0.55;
    const levelCost = hospital.level === 3 ? 1.15 : hospital.level === 2 ? 0.95 : 0.75;
    const cost = yuan(Math.max(50, (drg.benchmarkCost ?? 5000) * levelCost * Math.exp(0.5 * normal(random))));
    cases.hospital[i] = h;
    cases.drg[i] = random() < 0.02 ? NO_DRG : d;
    cases.month[i] = 1 + Math.floor(random() * 12);
    cases.pool[i] = resident ? 1 : 0;
    cases.totalCost[i] = cost;
    cases.patientPay[i] = yuan(cost * (resident ? 0.35 + 0.15 * random() : 0.2 + 0.1 * random()));
    cases.deduction[i] = random() < 0.03 ? yuan(cost * 0.05 * random()) : 0;
    cases.los[i] = Math.max(1, Math.min(200, Math.round(Math.exp(1.9 + 0.6 * normal(random)))));
    cases.specialReview[i] = random() < 0.002 ? 1 : 0;
  }
  return { hospitals, catalog, cases };
}

/** Σ (total_cost − patient_pay) per pool: the fund's spending, to size a round's budget. */
export function fundSpending(data: SettlementData): { employee: number; resident: number } {
  const spent = [0, 0];
  for (let i = 0; i < data.cases.count; i++) {
    const pool = data.cases.pool[i]!;
    spent[pool]! += data.cases.totalCost[i]! - data.cases.patientPay[i]!;
  }
  return { employee: Math.round(spent[0]!), resident: Math.round(spent[1]!) };
}

/** A 点数法 round whose budgets are 95 % of what the fund spent: a plausible year. */
export function syntheticRound(data: SettlementData): RoundParams {
  const spent = fundSpending(data);
  return { method: 'points', budget: { employee: Math.round(spent.employee * 0.95), resident: Math.round(spent.resident * 0.95) } };
}
