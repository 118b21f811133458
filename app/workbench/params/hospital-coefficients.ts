/**
 * 医疗机构系数 as SETTLEMENT.md §3 applies it: the round's override, else the hospital file's coefficient, else
 * the round's 等级系数 for the hospital's level.
 */
import { getIn, numberAt } from './paths';

interface CoefficientHospital {
  code: string;
  level: number;
  coefficient: number | null;
}

export type CoefficientSource = 'round' | 'file' | 'level';

export function roundOverride(params: unknown, key: 'hospital_coefficients' | 'evaluation_scores', code: string): number | null {
  return numberAt(getIn(params, [key]), [code]);
}

/** The coefficient a hospital settles at and where it comes from. `resolved` has the level defaults filled in. */
export function effectiveCoefficient(
  hospital: CoefficientHospital,
  params: unknown,
  resolved: unknown,
): { coefficient: number | null; source: CoefficientSource } {
  const override = roundOverride(params, 'hospital_coefficients', hospital.code);
  if (override !== null) return { coefficient: override, source: 'round' };
  if (hospital.coefficient !== null) return { coefficient: hospital.coefficient, source: 'file' };
  return { coefficient: numberAt(resolved, ['level_coefficients', String(hospital.level)]), source: 'level' };
}

/** How many hospitals of each level settle at the level coefficient (no file or round coefficient of their own). */
export function hospitalsOnLevelCoefficient(hospitals: readonly CoefficientHospital[], params: unknown): Map<number, number> {
  const counts = new Map<number, number>();
  for (const h of hospitals) {
    if (h.coefficient !== null || roundOverride(params, 'hospital_coefficients', h.code) !== null) continue;
    counts.set(h.level, (counts.get(h.level) ?? 0) + 1);
  }
  return counts;
}

export interface CoefficientRow<H extends CoefficientHospital & { evaluationScore: number | null }> {
  hospital: H;
  /** the coefficient the hospital settles at, and where it comes from */
  coefficient: number | null;
  source: CoefficientSource;
  /** the round's coefficient for the hospital (null: none) */
  override: number | null;
  /** what applies without the round's coefficient: the file's, else the level's */
  withoutOverride: number | null;
  scoreOverride: number | null;
  /** 考核得分 the round settles with */
  score: number | null;
}

/** The rows of the hospital table, recomputed when the round changes (the table's columns stay the same). */
export function coefficientRows<H extends CoefficientHospital & { evaluationScore: number | null }>(
  hospitals: readonly H[],
  params: unknown,
  resolved: unknown,
): CoefficientRow<H>[] {
  return hospitals.map((hospital) => {
    const { coefficient, source } = effectiveCoefficient(hospital, params, resolved);
    const scoreOverride = roundOverride(params, 'evaluation_scores', hospital.code);
    return {
      hospital,
      coefficient,
      source,
      override: roundOverride(params, 'hospital_coefficients', hospital.code),
      withoutOverride: effectiveCoefficient(hospital, {}, resolved).coefficient,
      scoreOverride,
      score: scoreOverride ?? hospital.evaluationScore,
    };
  });
}
