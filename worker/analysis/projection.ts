/**
 * 下年度预测: next year's settlement from this year's cases, each case reweighted by a factor (no resampling):
 * volume growth by level and by pool, a month profile, cost growth, CMI drift and budget growth (docs/analysis.md).
 */
import type { SettlementEngine } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import type { Pool } from '@/worker/settlement/types';
import type { AnalysisTables } from './tables';

export interface ProjectionInput {
  /** level ('1', '2', '3') → growth of its hospitals' case volume (0.06 = +6 %); a level left out: 0 */
  volume_growth_by_level: Record<string, number>;
  /** pool → growth of its case volume; multiplies with the level's */
  volume_growth_by_pool: Record<Pool, number>;
  /** growth of every case's cost (and of patient payments, deductions and benchmark costs, so classes stay) */
  cost_growth: number;
  /** drift of the case mix: every DRG's weight × (1 + cmi_drift) */
  cmi_drift: number;
  /** pool → growth of its budget */
  budget_growth: Record<Pool, number>;
  /** 12 relative weights of next year's months: month t's cases × 12·w_t ÷ Σw (equal weights: no change) */
  month_profile?: number[];
  /** 点值通缩 warning when the projected point value falls by more than this share (0.05 = 5 %) */
  deflation_threshold: number;
}

export interface ProjectedPool {
  pool: Pool;
  this_year: { point_value: number; monthly: number[]; fund_balance: number };
  projected: { point_value: number; monthly: number[]; fund_balance: number };
  /** projected ÷ this year's point value − 1 (0 in 费率法) */
  change: number;
  deflation: boolean;
}

export interface ExposedRow {
  hospital_code: string;
  pool: Pool;
  this_year_settlement: number;
  projected_settlement: number;
  change: number;
  change_ratio: number;
}

export interface Projection {
  pools: ProjectedPool[];
  /** every hospital × pool row, largest fall of settlement (ratio) first */
  exposed: ExposedRow[];
}

export function project(engine: SettlementEngine, tables: AnalysisTables, params: RoundParams, input: ProjectionInput): Projection {
  void engine, tables, params, input;
  throw new Error('not implemented yet');
}
