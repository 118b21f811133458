/**
 * The decomposition as ANALYSIS.md §A.5 writes it (snake_case JSON, money in yuan, parts to the fen), plus
 * `by_level`: the same totals per hospital level, for the workbench's table.
 */
import type { Pool } from '@/worker/settlement/types';
import type { Family } from './families';

/** The two decomposed figures of a row (§A.3). */
export interface Figures {
  settlement: number;
  fund_payment: number;
}

export type FamilyParts = Record<Family, number>;

/** Parts (or one-at-a-time effects) of both figures, by family. */
export interface PartsOfFigures {
  settlement: FamilyParts;
  fund_payment: FamilyParts;
}

/** One hospital in one pool (§A.5 `hospitals[]`). */
export interface DecompositionRow {
  hospital_code: string;
  pool: Pool;
  /** reported (rounded) figures of the two rounds */
  from: Figures;
  to: Figures;
  /** to − from of the reported figures, exact to the fen (§A.4) */
  change: Figures;
  /** Shapley parts rounded so that they add up to `change` exactly (§A.3, §A.4) */
  parts: PartsOfFigures;
  /** one change at a time: v({f}) − v(∅), rounded half away from zero (§A.3) */
  alone: PartsOfFigures;
}

/** §A.5 `totals[pool]`: sums of the hospitals' rounded figures. */
export interface DecompositionTotal {
  change: Figures;
  parts: PartsOfFigures;
}

/** `by_level[level][pool]`: a total over one level's hospitals, with the one-at-a-time sums too (for the UI). */
export interface LevelTotal extends DecompositionTotal {
  alone: PartsOfFigures;
}

export interface Decomposition {
  families: Family[];
  hospitals: DecompositionRow[];
  totals: Partial<Record<Pool, DecompositionTotal>>;
  /** level ('1', '2', '3') → pool → total over that level's rows (levels and pools without rows left out) */
  by_level: Partial<Record<'1' | '2' | '3', Partial<Record<Pool, LevelTotal>>>>;
}

/** A DRG's share of one hospital's `weights` part (weightsByDrg). `drg_code` null: the line for what no DRG carries. */
export interface DrgWeightsPart {
  drg_code: string | null;
  name: string;
  /** yuan, to the fen; the lines add up to the hospital's reported weights part of `settlement` */
  part: number;
}

/** change − Σ alone: what the families do together beyond one at a time (§A.3), in yuan to the fen. */
export function interactionOf(row: Pick<DecompositionRow, 'change' | 'alone'>): Figures {
  const sum = (parts: FamilyParts) => Object.values(parts).reduce((fen, yuan) => fen + Math.round(yuan * 100), 0);
  return {
    settlement: (Math.round(row.change.settlement * 100) - sum(row.alone.settlement)) / 100,
    fund_payment: (Math.round(row.change.fund_payment * 100) - sum(row.alone.fund_payment)) / 100,
  };
}
