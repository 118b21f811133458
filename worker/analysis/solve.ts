/**
 * 求解 (ANALYSIS.md §B): the value of one lever that brings one target figure to a given value, every other
 * parameter as in the round. Brackets the target, then narrows the bracket (secant steps guarded by bisection);
 * a bracket that narrows to adjacent values without reaching the target is a jump of the figure.
 */
import type { SettlementEngine } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import type { AnalysisTables } from './tables';

/** A lever value and the target figure it gives. */
export interface SolvePoint {
  value: number;
  achieved: number;
}

export type SolveOutcome =
  | { ok: true; value: number; achieved: number; residual: number; params: RoundParams; settlements: number }
  | {
      ok: false;
      /** out_of_range: no value of the range reaches the target; jump: the target lies in a jump of the figure;
       *  invalid: the lever or target text, or the value, is not one §B knows (message says why) */
      reason: 'out_of_range' | 'jump' | 'invalid';
      /** the values whose figures come closest below and above the target (null: none on that side) */
      below: SolvePoint | null;
      above: SolvePoint | null;
      message_zh: string;
      message_en: string;
      settlements: number;
    };

export function solve(engine: SettlementEngine, tables: AnalysisTables, params: RoundParams, lever: string, target: string, value: number): SolveOutcome {
  void engine, tables, params, lever, target, value;
  throw new Error('not implemented yet');
}
