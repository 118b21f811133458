/**
 * A round's §2/§3 rules as the passes over the cases read them (kernel/), built once per round: the DRG rules,
 * the point rules, each hospital's effective coefficient and the LOS window.
 */
import type { ResolvedRound } from '../round';
import type { DataTables } from '../types';
import type { LosWindow } from './classes';
import { buildDrgRules, type DrgRules } from './drg-rules';
import { hospitalCoefficient, pointRulesOf, type PointRules } from './points';

export interface PassRules extends LosWindow {
  drgs: DrgRules;
  points: PointRules;
  /** effective coefficient per hospital (§3) */
  hospitalCoefficients: Float64Array;
  uniformCoefficient: number;
}

export function passRulesOf(data: DataTables, round: ResolvedRound): PassRules {
  return {
    drgs: buildDrgRules(data.catalog, round),
    points: pointRulesOf(round),
    hospitalCoefficients: Float64Array.from(data.hospitals, (hospital) => hospitalCoefficient(hospital, round)),
    uniformCoefficient: round.uniform_coefficient,
    excludeLosMax: round.exclude_los_max,
    excludeLosMin: round.exclude_los_min,
  };
}
