/**
 * 调剂金使用 — where a pool's reserve went, hospital by hospital (SETTLEMENT.md §4.3 steps 3–5): each
 * hospital's overspend share as asked and as paid (scaled down when the reserve cannot cover every share), its
 * deposit of what is left (by B) and the incentive its evaluation coefficient lets it keep; the rest returns
 * to the fund. Money in whole fen: paid sharing and incentive are the report's rounded figures (§4.5), the
 * other columns are rounded the same way (largest remainder over the pool), so every column sums to its total.
 */
import { clearRow } from '@/worker/settlement/money/clearing';
import { distributeIncentive } from '@/worker/settlement/money/incentive';
import type { SharingBand } from '@/worker/settlement/round';
import type { SettlementSummary } from '@/worker/settlement/result';
import { largestRemainder } from '@/worker/settlement/rounding';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { overspendRateOf, reportedPoolRows, surplusCapExcessFen } from '@/worker/settlement/money/hospital-statement';

export interface ReserveUseRow {
  code: string;
  /** o = (C − B) ÷ B; null without overspend */
  overspendRate: number | null;
  /** overspend × the band's fund share, before the reserve limit */
  sharingWantedFen: number;
  /** 超支分担 paid */
  sharingFen: number;
  /** wanted − paid: what the reserve limit cut */
  scaledDownFen: number;
  /** the hospital's deposit of what is left after sharing (by B) = incentive + withheld */
  depositFen: number;
  evalCoefficient: number;
  /** 激励返还 = deposit × eval coefficient */
  incentiveFen: number;
  /** deposit × (1 − eval coefficient): returns to the fund */
  withheldFen: number;
  /** the surplus cap's take from this hospital (returns to the fund; not reserve money) */
  surplusCapExcessFen: number;
}

export interface ReserveUse {
  pool: Pool;
  /** R */
  reserveFen: number;
  /** Σ shares asked, and the factor every share was paid at (1: the reserve covered them) */
  sharingWantedFen: number;
  sharingScale: number;
  sharingFen: number;
  incentiveFen: number;
  /** R − Σ sharing − Σ incentive: the reserve no hospital received, back to the fund */
  unusedFen: number;
  /** of `unusedFen`: what evaluation coefficients below 1 withheld */
  withheldFen: number;
  /** Σ what the surplus cap took back (also returns to the fund) */
  surplusCapExcessFen: number;
  /** §7 `returned` of the pool */
  returnedFen: number;
  rows: ReserveUseRow[];
}

/**
 * Each row's share asked before the reserve limit (yuan): the paid share ÷ the pool's scale; with a reserve of 0
 * (scale 0) the share follows from the bands (§4.3 step 3, the engine's own rule on B after the cap and C).
 */
function sharingWanted(result: SettlementSummary, rows: Int32Array, scale: number, bands: readonly SharingBand[] | null): Float64Array {
  const wanted = new Float64Array(result.rows.points.length);
  for (const row of rows) {
    if (scale > 0) wanted[row] = result.rows.sharing[row]! / scale;
    else if (bands) wanted[row] = clearRow(result.rows.baseRevenue[row]!, 0, result.rows.actualCost[row]!, null, bands).sharingWanted;
    else wanted[row] = Number.NaN;
  }
  return wanted;
}

/** Rounds `yuan` over the pool's rows like the report's columns (largest remainder), in whole fen. */
function fenColumn(yuan: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(yuan.length);
  largestRemainder(yuan, rows, out);
  return out;
}

/** The deposit's part the eval coefficient withholds, deposit × (1 − coef), per row (yuan). */
function withheldOf(result: SettlementSummary, rows: Int32Array, left: number): Float64Array {
  const deposits = new Float64Array(result.rows.points.length);
  // §4.3 step 5 at a coefficient of 1 for all: the deposits themselves
  distributeIncentive(rows, result.rows.baseRevenue, new Float64Array(deposits.length).fill(1), left, deposits);
  const withheld = new Float64Array(deposits.length);
  for (const row of rows) withheld[row] = deposits[row]! * (1 - result.rows.evalCoefficient[row]!);
  return withheld;
}

/**
 * The reserve's use in `pool`, hospital by hospital (hospital_code order). `sharingBands` (the round's) are only
 * read when the reserve is 0, to say what each hospital would have been shared.
 */
export function reserveUse(result: SettlementSummary, pool: Pool, sharingBands: readonly SharingBand[] | null): ReserveUse | null {
  const p = POOLS.indexOf(pool);
  const summary = result.pools[p];
  if (!summary) return null;
  const rows = reportedPoolRows(result, p);
  const count = result.hospitalCodes.length;
  const wanted = fenColumn(sharingWanted(result, rows, summary.sharingScale, sharingBands), rows);
  const withheld = fenColumn(withheldOf(result, rows, summary.reserveLeft), rows);
  const capExcess = surplusCapExcessFen(result, p);
  const { rounded } = result;
  const out: ReserveUseRow[] = [];
  let wantedFen = 0;
  let withheldFen = 0;
  let capExcessFen = 0;
  for (const row of rows) {
    const sharingFen = rounded.sharing[row]!;
    const incentiveFen = rounded.incentive[row]!;
    out.push({
      code: result.hospitalCodes[row - p * count]!,
      overspendRate: overspendRateOf(result, row),
      sharingWantedFen: wanted[row]!,
      sharingFen,
      scaledDownFen: wanted[row]! - sharingFen,
      depositFen: incentiveFen + withheld[row]!,
      evalCoefficient: result.rows.evalCoefficient[row]!,
      incentiveFen,
      withheldFen: withheld[row]!,
      surplusCapExcessFen: capExcess[row]!,
    });
    wantedFen += wanted[row]!;
    withheldFen += withheld[row]!;
    capExcessFen += capExcess[row]!;
  }
  return {
    pool,
    reserveFen: summary.reserveFen,
    sharingWantedFen: wantedFen,
    sharingScale: summary.sharingScale,
    sharingFen: summary.sharingFen,
    incentiveFen: summary.incentiveFen,
    unusedFen: summary.reserveFen - summary.sharingFen - summary.incentiveFen,
    withheldFen,
    surplusCapExcessFen: capExcessFen,
    returnedFen: summary.returnedFen,
    rows: out,
  };
}
