/**
 * 病例点数 (SETTLEMENT.md §3): the effective hospital coefficient, the points of one case, and the points of a
 * group of cases of one hospital, DRG and pool computed from their counts and exact cost sums — so annual
 * points never depend on the order in which cases were added up.
 */
import { HIGH, LOW, NORMAL, SPECIAL } from './classify';
import type { ResolvedRound } from './round';
import type { Hospital } from './types';

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

/**
 * The coefficient of (hospital, DRG) as one table: entry `h` is hospital h's coefficient and entry
 * `hospitals.length + h` is the uniform-price coefficient, so a case reads `table[uniform × H + h]`.
 */
export function coefficientTable(hospitals: readonly Hospital[], round: ResolvedRound): Float64Array {
  const count = hospitals.length;
  const table = new Float64Array(2 * count);
  hospitals.forEach((hospital, h) => {
    table[h] = hospitalCoefficient(hospital, round);
    table[count + h] = round.uniform_coefficient;
  });
  return table;
}

/** §3 high: normal points plus the add-on above the threshold, × k only with high_extra_times_coef. */
export function highCasePoints(base: number, coefficient: number, costRatio: number, multiple: number, rules: PointRules): number {
  const addOn = (costRatio - multiple) * base * rules.highExtraRatio;
  return base * coefficient + (rules.highExtraTimesCoef ? addOn * coefficient : addOn);
}

/** §3 low: paid at cost, capped at the normal points (low_multiple ≤ 1 keeps the ratio below 1). */
export function lowCasePoints(base: number, coefficient: number, costRatio: number, rules: PointRules): number {
  const atCost = base * Math.min(1, costRatio);
  return rules.lowTimesCoef ? atCost * coefficient : atCost;
}

/**
 * §3: points of one grouped case of class `caseClass`. `base` = RW × base_points, `coefficient` the effective
 * coefficient (uniform-price already applied), `multiple` the DRG's high-cost multiple m.
 */
export function casePoints(
  caseClass: number,
  base: number,
  coefficient: number,
  totalCost: number,
  benchmarkCost: number,
  multiple: number,
  rules: PointRules,
): number {
  if (caseClass === NORMAL) return base * coefficient;
  const costRatio = totalCost / benchmarkCost;
  if (caseClass === HIGH) return highCasePoints(base, coefficient, costRatio, multiple, rules);
  if (caseClass === LOW) return lowCasePoints(base, coefficient, costRatio, rules);
  if (caseClass === SPECIAL) return base * costRatio; // §3 special: at cost, no cap, no coefficient
  return 0;
}

/**
 * Sums of one cell (hospital × pool × DRG) as the pass keeps them: counts and exact cost sums in whole fen.
 * `cases` counts the grouped paid cases: normal + high + low + special.
 */
export class CellSums {
  cases = 0;
  costFen = 0;
  high = 0;
  highCostFen = 0;
  low = 0;
  lowCostFen = 0;
  special = 0;
  specialCostFen = 0;
  excluded = 0;
  excludedCostFen = 0;

  reset(): void {
    this.cases = this.costFen = this.high = this.highCostFen = this.low = this.lowCostFen = 0;
    this.special = this.specialCostFen = this.excluded = this.excludedCostFen = 0;
  }
}

/**
 * Σ points of a cell (§3 summed over its cases): the formulas of `casePoints` applied to the counts and cost
 * sums (fen) of `sums` — exact inputs, so the result does not depend on the order of the cases.
 */
export function cellPoints(sums: CellSums, base: number, coefficient: number, benchmarkCost: number, multiple: number, rules: PointRules): number {
  return pointsOfCounts(sums.cases, sums.high, sums.highCostFen, sums.low, sums.lowCostFen, sums.special, sums.specialCostFen, base, coefficient, benchmarkCost, multiple, rules);
}

/** `cellPoints` from the counts and cost sums themselves (the pass keeps them in locals for most cells). */
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
  const atNormal = cases - low - special; // normal and high cases both start at base × k
  let points = atNormal * base * coefficient;
  if (high > 0) {
    const addOn = (highCostFen / 100 / benchmarkCost - multiple * high) * base * rules.highExtraRatio;
    points += rules.highExtraTimesCoef ? addOn * coefficient : addOn;
  }
  if (low > 0) {
    const atCost = base * Math.min(low, lowCostFen / 100 / benchmarkCost);
    points += rules.lowTimesCoef ? atCost * coefficient : atCost;
  }
  if (special > 0) points += (base * (specialCostFen / 100)) / benchmarkCost;
  return points;
}

/** §3 ungrouped: points per yuan of cost, `base_points × ungrouped_ratio / city_avg_cost` (0 without a city average). */
export function ungroupedPointsPerYuan(round: ResolvedRound, cityAverageCost: number): number {
  return cityAverageCost > 0 ? (round.base_points * round.ungrouped_ratio) / cityAverageCost : 0;
}
