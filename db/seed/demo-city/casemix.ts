/**
 * Who treats what: each hospital's distribution over the DRGs, tilted toward heavy groups at 三级 and
 * toward light ones at 一级 until the expected CMI of each level meets its target, and the expected cost
 * of each DRG so that the city's cost per case meets its target and each group's mean cost matches its
 * fair weight (benchmark ≈ weight × city mean cost). Pure arithmetic on the plans: no random draws.
 */
import { LEVELS, type Level } from '@/worker/settlement/types';
import type { CatalogPlan } from './catalog';
import type { HospitalPlan } from './hospitals';
import { writeCumulative } from './random';
import type { CitySettings } from './settings';

export interface CaseMix {
  /** cumulative distribution of the hospital of a case (sums to 1) */
  hospitalCumulative: Float64Array;
  /** per hospital, cumulative distribution over the DRGs: row h starts at h × drgCount */
  drgCumulative: Float64Array;
  /** expected cost of a DRG's case at a hospital whose cost factor is 1 (yuan) */
  drgCostBase: Float64Array;
  /** the fair weight × city mean cost: what a DRG's cases cost on average (yuan) */
  expectedGroupCost: Float64Array;
  /** case-mix exponent of each level: p(drg) ∝ prior × weight^exponent */
  exponentByLevel: Record<Level, number>;
}

export function planCaseMix(settings: CitySettings, hospitals: HospitalPlan, catalog: CatalogPlan): CaseMix {
  const drgCount = catalog.entries.length;
  const hospitalCount = hospitals.hospitals.length;
  const prior = priorRows(settings, hospitals, catalog);
  const logWeight = catalog.fairWeight.map(Math.log);
  const exponentByLevel = { 1: 0, 2: 0, 3: 0 } as Record<Level, number>;
  for (const level of LEVELS) {
    exponentByLevel[level] = solveExponent(settings.targetCmi[level], (exponent) =>
      expectedCmi(hospitals, catalog, prior, logWeight, level, exponent),
    );
  }
  const share = new Float64Array(hospitalCount * drgCount);
  const row = new Float64Array(drgCount);
  for (let h = 0; h < hospitalCount; h++) {
    const exponent = exponentByLevel[hospitals.hospitals[h]!.level] + hospitals.caseMixJitter[h]!;
    tiltedRow(prior, logWeight, h, exponent, row);
    share.set(row, h * drgCount);
  }
  const { drgCostBase, expectedGroupCost } = groupCosts(settings, hospitals, catalog, share);
  const drgCumulative = new Float64Array(hospitalCount * drgCount);
  for (let h = 0; h < hospitalCount; h++) writeCumulative(share.subarray(h * drgCount, (h + 1) * drgCount), drgCumulative, h * drgCount);
  const hospitalCumulative = new Float64Array(hospitalCount);
  writeCumulative(hospitals.volume, hospitalCumulative);
  return { hospitalCumulative, drgCumulative, drgCostBase, expectedGroupCost, exponentByLevel };
}

/** Untilted weight of each DRG at each hospital: city prior × level access × the hospital's profile. */
function priorRows(settings: CitySettings, hospitals: HospitalPlan, catalog: CatalogPlan): Float64Array {
  const drgCount = catalog.entries.length;
  const prior = new Float64Array(hospitals.hospitals.length * drgCount);
  hospitals.hospitals.forEach((hospital, h) => {
    const access = settings.levelAccess[hospital.level];
    const profile = settings.profiles[hospitals.profile[h]!] ?? { '*': 1 };
    for (let d = 0; d < drgCount; d++) {
      const entry = catalog.entries[d]!;
      const letter = catalog.mdcLetter[d]!;
      const affinity = profile[letter] ?? profile['*'] ?? 1;
      prior[h * drgCount + d] = catalog.volume[d]! * access[entry.drgType ?? 'medical'] * affinity;
    }
  });
  return prior;
}

/** Row h of the prior tilted by weight^exponent and normalised to 1, written into `row`. */
function tiltedRow(prior: Float64Array, logWeight: Float64Array, h: number, exponent: number, row: Float64Array): void {
  const drgCount = row.length;
  let total = 0;
  for (let d = 0; d < drgCount; d++) {
    const value = prior[h * drgCount + d]! * Math.exp(exponent * logWeight[d]!);
    row[d] = value;
    total += value;
  }
  for (let d = 0; d < drgCount; d++) row[d] = total > 0 ? row[d]! / total : 0;
}

/**
 * Expected CMI of a level's paid cases (SETTLEMENT.md §3: Σ catalog weight ÷ cases, per-diem groups left
 * out as they are excluded), volume-weighted over the level's hospitals.
 */
function expectedCmi(
  hospitals: HospitalPlan,
  catalog: CatalogPlan,
  prior: Float64Array,
  logWeight: Float64Array,
  level: Level,
  exponent: number,
): number {
  const drgCount = catalog.entries.length;
  const row = new Float64Array(drgCount);
  let weightSum = 0;
  let caseSum = 0;
  hospitals.hospitals.forEach((hospital, h) => {
    if (hospital.level !== level) return;
    tiltedRow(prior, logWeight, h, exponent + hospitals.caseMixJitter[h]!, row);
    const volume = hospitals.volume[h]!;
    for (let d = 0; d < drgCount; d++) {
      const entry = catalog.entries[d]!;
      if (entry.perDiem) continue;
      weightSum += volume * row[d]! * entry.weight!;
      caseSum += volume * row[d]!;
    }
  });
  return caseSum > 0 ? weightSum / caseSum : 0;
}

/** Bisection: expected CMI grows with the exponent (tilting toward heavier groups). */
function solveExponent(target: number, cmiAt: (exponent: number) => number): number {
  let low = -6;
  let high = 6;
  for (let i = 0; i < 50; i++) {
    const mid = (low + high) / 2;
    if (cmiAt(mid) < target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * Cost scale: a DRG's cases cost fair weight × unit on average over the hospitals that treat them, whose
 * cost factors differ by level; the unit makes the city's expected cost per case the settings' target.
 */
function groupCosts(settings: CitySettings, hospitals: HospitalPlan, catalog: CatalogPlan, share: Float64Array) {
  const drgCount = catalog.entries.length;
  const cases = new Float64Array(drgCount);
  const costWeighted = new Float64Array(drgCount);
  hospitals.hospitals.forEach((_, h) => {
    const volume = hospitals.volume[h]!;
    for (let d = 0; d < drgCount; d++) {
      const n = volume * share[h * drgCount + d]!;
      cases[d] = cases[d]! + n;
      costWeighted[d] = costWeighted[d]! + n * hospitals.costFactor[h]!;
    }
  });
  let expectedWeight = 0;
  for (let d = 0; d < drgCount; d++) expectedWeight += cases[d]! * catalog.fairWeight[d]!;
  const unit = settings.costs.cityMeanCost / expectedWeight;
  const drgCostBase = new Float64Array(drgCount);
  const expectedGroupCost = new Float64Array(drgCount);
  for (let d = 0; d < drgCount; d++) {
    const meanCostFactor = cases[d]! > 0 ? costWeighted[d]! / cases[d]! : 1;
    expectedGroupCost[d] = unit * catalog.fairWeight[d]!;
    drgCostBase[d] = expectedGroupCost[d]! / meanCostFactor;
  }
  return { drgCostBase, expectedGroupCost };
}
