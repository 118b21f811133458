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
  if (caseClass === HIGH) {
    // §3 high: normal points plus the add-on above the threshold, × k only with high_extra_times_coef
    const addOn = (costRatio - multiple) * base * rules.highExtraRatio;
    return base * coefficient + (rules.highExtraTimesCoef ? addOn * coefficient : addOn);
  }
  if (caseClass === LOW) {
    // §3 low: paid at cost, capped at the normal points (low_multiple ≤ 1 keeps the ratio below 1)
    const atCost = base * Math.min(1, costRatio);
    return rules.lowTimesCoef ? atCost * coefficient : atCost;
  }
  if (caseClass === SPECIAL) return base * costRatio; // §3 special: at cost, no cap, no coefficient
  return 0;
}

/**
 * Sums of one cell (hospital × pool × DRG) as the pass keeps them: counts and exact cost sums in whole fen,
 * at these offsets of a Float64Array.
 */
export const CELL_CASES = 0; // grouped paid cases: normal + high + low + special
export const CELL_COST = 1;
export const CELL_HIGH = 2;
export const CELL_HIGH_COST = 3;
export const CELL_LOW = 4;
export const CELL_LOW_COST = 5;
export const CELL_SPECIAL = 6;
export const CELL_SPECIAL_COST = 7;
export const CELL_EXCLUDED = 8;
export const CELL_EXCLUDED_COST = 9;
export const CELL_FIELDS = 10;

/**
 * Σ points of a cell (§3 summed over its cases): the formulas of `casePoints` applied to the counts and cost
 * sums (fen) of `sums` — exact inputs, so the result does not depend on the order of the cases.
 */
export function cellPoints(
  sums: Float64Array,
  base: number,
  coefficient: number,
  benchmarkCost: number,
  multiple: number,
  rules: PointRules,
): number {
  const high = sums[CELL_HIGH]!;
  const low = sums[CELL_LOW]!;
  const special = sums[CELL_SPECIAL]!;
  const atNormal = sums[CELL_CASES]! - low - special; // normal and high cases both start at base × k
  let points = atNormal * base * coefficient;
  if (high > 0) {
    const addOn = (sums[CELL_HIGH_COST]! / 100 / benchmarkCost - multiple * high) * base * rules.highExtraRatio;
    points += rules.highExtraTimesCoef ? addOn * coefficient : addOn;
  }
  if (low > 0) {
    const atCost = base * Math.min(low, sums[CELL_LOW_COST]! / 100 / benchmarkCost);
    points += rules.lowTimesCoef ? atCost * coefficient : atCost;
  }
  if (special > 0) points += (base * (sums[CELL_SPECIAL_COST]! / 100)) / benchmarkCost;
  return points;
}

/** §3 ungrouped: points per yuan of cost, `base_points × ungrouped_ratio / city_avg_cost` (0 without a city average). */
export function ungroupedPointsPerYuan(round: ResolvedRound, cityAverageCost: number): number {
  return cityAverageCost > 0 ? (round.base_points * round.ungrouped_ratio) / cityAverageCost : 0;
}
