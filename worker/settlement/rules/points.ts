/**
 * 病例点数 (SETTLEMENT.md §3): the effective coefficient, the points of one case, and the points of a cell
 * (the cases of one hospital, DRG and pool) from its counts and exact cost sums — so annual points never
 * depend on the order in which cases were added up. Each formula is written once, on a case's or a cell's
 * *cost term* (the part that depends on its cost alone): the passes (kernel/) keep the terms and call these.
 */
import type { ResolvedRound } from '../round';
import type { Hospital } from '../types';
import { HIGH, LOW, NORMAL, SPECIAL } from './classes';

/** The point rules of a round that do not depend on the DRG or the hospital. */
export interface PointRules {
  highExtraRatio: number;
  highExtraTimesCoef: boolean;
  lowTimesCoef: boolean;
}

export function pointRulesOf(round: ResolvedRound): PointRules {
  return {
    highExtraRatio: round.high_extra_ratio,
    highExtraTimesCoef: round.high_extra_times_coef,
    lowTimesCoef: round.low_times_coef,
  };
}

/** 医疗机构系数 (§3): the round's override, else the hospital file's coefficient, else the level coefficient. */
export function hospitalCoefficient(hospital: Hospital, round: ResolvedRound): number {
  return round.hospital_coefficients[hospital.code] ?? hospital.coefficient ?? round.level_coefficients[hospital.level];
}

/** §3 k of a cell: 同病同价 DRGs (`uniformPrice` 1) are paid at the uniform coefficient in every hospital. */
export function effectiveCoefficient(uniformPrice: number, uniformCoefficient: number, hospitalCoefficient: number): number {
  return uniformPrice === 1 ? uniformCoefficient : hospitalCoefficient;
}

/**
 * The coefficient of (hospital, DRG) as one table: entry `h` is hospital h's coefficient and entry
 * `hospitals.length + h` is the uniform-price coefficient, so a case reads `table[uniform × H + h]`.
 */
export function coefficientTable(hospitals: readonly Hospital[], round: ResolvedRound): Float64Array {
  const count = hospitals.length;
  const table = new Float64Array(2 * count);
  hospitals.forEach((hospital, h) => {
    table[h] = effectiveCoefficient(0, round.uniform_coefficient, hospitalCoefficient(hospital, round));
    table[count + h] = effectiveCoefficient(1, round.uniform_coefficient, hospitalCoefficient(hospital, round));
  });
  return table;
}

// ---- one case: its cost term, then its points ----

/** A case's cost ÷ its DRG's benchmark cost, from whole fen. */
export function costRatioOf(costFen: number, benchmarkCost: number): number {
  return costFen / 100 / benchmarkCost;
}

/** The cost term of a high-cost case: cost ratio − m. */
export function highCostTerm(costRatio: number, multiple: number): number {
  return costRatio - multiple;
}

/** The cost term of a low-cost case: the cost ratio, capped at 1 (low_multiple ≤ 1 keeps it below 1). */
export function lowCostTerm(costRatio: number): number {
  return Math.min(1, costRatio);
}

/** §3 normal: base × k (`base` = RW × base_points). */
export function normalPoints(base: number, coefficient: number): number {
  return base * coefficient;
}

/** §3 high: normal points plus the add-on above the threshold (`term` = cost ratio − m), × k only with high_extra_times_coef. */
export function highPoints(base: number, coefficient: number, term: number, rules: PointRules): number {
  const addOn = term * base * rules.highExtraRatio;
  return base * coefficient + (rules.highExtraTimesCoef ? addOn * coefficient : addOn);
}

/** §3 low: paid at cost (`term` = the capped cost ratio), × k only with low_times_coef. */
export function lowPoints(base: number, coefficient: number, term: number, rules: PointRules): number {
  const atCost = base * term;
  return rules.lowTimesCoef ? atCost * coefficient : atCost;
}

/** §3 special review: at cost (`term` = the cost ratio), no cap, no coefficient. */
export function specialPoints(base: number, term: number): number {
  return base * term;
}

// (The two functions below and `highPoints` write the terms and the normal points out rather than call
// them: they run per outlier case inside the passes' loops, whose inlining budget the JIT shares out.)

/** §3 high from the cost ratio: `highPoints` of its term, cost ratio − m. */
export function highCasePoints(base: number, coefficient: number, costRatio: number, multiple: number, rules: PointRules): number {
  return highPoints(base, coefficient, costRatio - multiple, rules);
}

/** §3 low from the cost ratio: `lowPoints` of its term, the capped cost ratio. */
export function lowCasePoints(base: number, coefficient: number, costRatio: number, rules: PointRules): number {
  return lowPoints(base, coefficient, Math.min(1, costRatio), rules);
}

/**
 * §3: points of one grouped case of class `caseClass`. `base` = RW × base_points, `coefficient` the effective
 * coefficient (uniform-price already applied), `multiple` the DRG's high-cost multiple m.
 */
export function casePoints(caseClass: number, base: number, coefficient: number, totalCost: number, benchmarkCost: number, multiple: number, rules: PointRules): number {
  if (caseClass === NORMAL) return normalPoints(base, coefficient);
  const costRatio = totalCost / benchmarkCost;
  if (caseClass === HIGH) return highCasePoints(base, coefficient, costRatio, multiple, rules);
  if (caseClass === LOW) return lowCasePoints(base, coefficient, costRatio, rules);
  if (caseClass === SPECIAL) return specialPoints(base, costRatio);
  return 0;
}

// ---- one cell: its cost terms, then its points ----

/** A cell's high term: Σ cost ratio − m × high cases (0 without high cases). */
export function cellHighTerm(high: number, highCostFen: number, benchmarkCost: number, multiple: number): number {
  return high > 0 ? highCostFen / 100 / benchmarkCost - multiple * high : 0;
}

/** A cell's low term: min(low cases, Σ cost ratio) — each ratio below 1, so the cap of each case holds (0 without low cases). */
export function cellLowTerm(low: number, lowCostFen: number, benchmarkCost: number): number {
  return low > 0 ? Math.min(low, lowCostFen / 100 / benchmarkCost) : 0;
}

/** A cell's special term: Σ cost of its special-review cases, yuan (0 without them). */
export function cellSpecialCost(special: number, specialCostFen: number): number {
  return special > 0 ? specialCostFen / 100 : 0;
}

/**
 * Σ §3 points of a cell from its terms: `atNormal` cases (normal and high) at base × k, the high add-on, the
 * low cases at cost, the special cases at cost. A term of 0 (a class without cases) adds 0.
 */
export function cellPointsOfTerms(atNormal: number, highTerm: number, lowTerm: number, specialCost: number, base: number, coefficient: number, benchmarkCost: number, rules: PointRules): number {
  let points = atNormal * base * coefficient;
  const addOn = highTerm * base * rules.highExtraRatio;
  points += rules.highExtraTimesCoef ? addOn * coefficient : addOn;
  const atCost = base * lowTerm;
  points += rules.lowTimesCoef ? atCost * coefficient : atCost;
  points += (base * specialCost) / benchmarkCost;
  return points;
}

/** Σ points of a cell (§3 summed over its cases) from its counts and cost sums (fen): exact inputs, so the result does not depend on the order of the cases. */
export function pointsOfCounts(
  cases: number,
  high: number,
  highCostFen: number,
  low: number,
  lowCostFen: number,
  special: number,
  specialCostFen: number,
  base: number,
  coefficient: number,
  benchmarkCost: number,
  multiple: number,
  rules: PointRules,
): number {
  return cellPointsOfTerms(
    cases - low - special,
    cellHighTerm(high, highCostFen, benchmarkCost, multiple),
    cellLowTerm(low, lowCostFen, benchmarkCost),
    cellSpecialCost(special, specialCostFen),
    base,
    coefficient,
    benchmarkCost,
    rules,
  );
}

/** §3 ungrouped: points per yuan of cost, `base_points × ungrouped_ratio / city_avg_cost` (0 without a city average). */
export function ungroupedPointsPerYuan(round: ResolvedRound, cityAverageCost: number): number {
  return cityAverageCost > 0 ? (round.base_points * round.ungrouped_ratio) / cityAverageCost : 0;
}
