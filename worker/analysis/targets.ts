/** The targets of ANALYSIS.md §B: a figure of one pool's unrounded settlement. */
import type { SettlementResult } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import type { Level, Pool } from '@/worker/settlement/types';
import type { AnalysisInputError } from './levers';

export type Target =
  | { kind: 'fund_payment' | 'settlement' | 'point_value' | 'cmi' | 'payment_cost_ratio'; id: string; pool: Pool; level: null }
  | { kind: 'payment_cost_ratio'; id: string; pool: Pool; level: Level };

/** yuan: money (hit within 0.01 yuan); the others within 1e-9 relative. */
export type TargetUnit = 'yuan' | 'ratio' | 'point_value' | 'index';

export interface TargetChoice {
  id: string;
  label_zh: string;
  label_en: string;
  unit: TargetUnit;
}

export function parseTarget(text: string): Target | AnalysisInputError {
  void text;
  throw new Error('not implemented yet');
}

export function targetUnit(target: Target): TargetUnit {
  void target;
  throw new Error('not implemented yet');
}

/** The targets of this round (point_value only in 点数法), with labels, for the UI. */
export function targetChoices(params: RoundParams): TargetChoice[] {
  void params;
  throw new Error('not implemented yet');
}

/** The target's figure in a result (unrounded): the current value, for the UI's default. */
export function targetValue(result: Pick<SettlementResult, 'pools' | 'rows' | 'hospitalCodes'>, target: Target, levels?: readonly Level[]): number {
  void result, target, levels;
  throw new Error('not implemented yet');
}
