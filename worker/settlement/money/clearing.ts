/**
 * 年度清算 (SETTLEMENT.md §4.3 steps 1–4) for the rows of one pool: base revenue B after deductions and the
 * surplus cap (结余留用上限), actual cost C, and 合理超支分担 paid from the reserve — pro-rated by one factor
 * for every hospital when the reserve cannot cover all shares.
 */
import type { SharingBand } from '../round';

/** §4.3 step 3: the fund's share of the first band with overspend rate ≤ over_max (null = any); 0 beyond. */
export function fundShareOf(overspendRate: number, bands: readonly SharingBand[]): number {
  for (const band of bands) if (band.over_max === null || overspendRate <= band.over_max) return band.fund_share;
  return 0;
}

/** One row's year-end position before the reserve is shared out. */
export interface RowClearing {
  /** B after the surplus cap */
  baseRevenue: number;
  /** what the surplus cap took back (returns to the fund) */
  surplusCapExcess: number;
  /** the overspend share the row asks of the reserve */
  sharingWanted: number;
}

/**
 * §4.3 steps 1–3 for one row: `revenue` = points × yuan per point, B = revenue − deduction; surplus above
 * surplus_cap × C is not kept; overspend O = C − B is shared by the band of o = O ÷ B (o = ∞ when B ≤ 0).
 */
export function clearRow(revenue: number, deduction: number, actualCost: number, surplusCap: number | null, bands: readonly SharingBand[]): RowClearing {
  let baseRevenue = revenue - deduction;
  let surplusCapExcess = 0;
  if (surplusCap !== null) {
    const kept = actualCost * (1 + surplusCap);
    if (baseRevenue > kept) {
      surplusCapExcess = baseRevenue - kept;
      baseRevenue = kept;
    }
  }
  let sharingWanted = 0;
  if (actualCost > baseRevenue) {
    const overspend = actualCost - baseRevenue;
    const rate = baseRevenue > 0 ? overspend / baseRevenue : Number.POSITIVE_INFINITY;
    sharingWanted = overspend * fundShareOf(rate, bands);
  }
  return { baseRevenue, surplusCapExcess, sharingWanted };
}

/**
 * §4.3 step 4: the factor every share is scaled by so that Σ sharing ≤ reserve (1 when the reserve covers
 * all shares).
 */
export function sharingScaleOf(sharingWanted: number, reserve: number): number {
  return sharingWanted > reserve ? reserve / sharingWanted : 1;
}
