/**
 * The levers of ANALYSIS.md §B: the one figure of a round that a solve searches, its range, how to read it from a
 * round and how to write a value into one.
 */
import type { RoundParams } from '@/worker/settlement/round';
import type { Level, Pool } from '@/worker/settlement/types';
import type { AnalysisTables } from './tables';

export type Lever =
  | { kind: 'rate'; id: string; pool: Pool }
  | { kind: 'rate_by_level'; id: string; pool: Pool; level: Level }
  | { kind: 'budget'; id: string; pool: Pool }
  | { kind: 'level_coefficients'; id: string; level: Level }
  | { kind: 'hospital_coefficients'; id: string; hospitalCode: string }
  | { kind: 'uniform_coefficient'; id: string }
  | { kind: 'weights_scale'; id: string };

/** A problem with a lever or target text, said in Chinese and English. */
export interface AnalysisInputError {
  error: { message_zh: string; message_en: string };
}

/** A searched range: `lowOpen` true when the lower end itself is excluded ((0, hi]). */
export interface LeverRange {
  lo: number;
  hi: number;
  lowOpen: boolean;
}

export interface LeverChoice {
  /** the lever text, e.g. 'rate.resident' */
  id: string;
  label_zh: string;
  label_en: string;
  range: [number, number];
}

/** Parses a lever text ('rate.resident', 'hospital_coefficients.H001' …) against the data set's codes. */
export function parseLever(text: string, tables: AnalysisTables): Lever | AnalysisInputError {
  void text, tables;
  throw new Error('not implemented yet');
}

/** The range §B searches for a lever. */
export function leverRange(lever: Lever): LeverRange {
  void lever;
  throw new Error('not implemented yet');
}

/** The lever's current value in a round (its effective value; weights_scale: 1), or null when it has none yet. */
export function leverValue(lever: Lever, params: RoundParams, tables: AnalysisTables): number | null {
  void lever, params, tables;
  throw new Error('not implemented yet');
}

/** `params` with the lever set to `value` (a copy; weights_scale writes every catalog DRG's weight × value). */
export function withLever(lever: Lever, params: RoundParams, tables: AnalysisTables, value: number): RoundParams {
  void lever, params, tables, value;
  throw new Error('not implemented yet');
}

/** The levers that act in this round (rate levers only in 费率法), with Chinese and English labels, for the UI. */
export function leverChoices(tables: AnalysisTables, params: RoundParams): LeverChoice[] {
  void tables, params;
  throw new Error('not implemented yet');
}
