/**
 * One hospital's `weights` part (ANALYSIS.md §A.3, of `settlement`) drilled down to the DRGs behind it.
 *
 * The part is Σ_T c_T (v(T ∪ {weights}) − v(T)) over the 16 subsets T without weights. Each term's change of
 * the hospital's settlement is mostly its DRG revenue (points × yuan per point, SETTLEMENT.md §4.3 step 1):
 * DRG d's line is Σ_T c_T (revenue_d(T ∪ {weights}) − revenue_d(T)), with the same Shapley weights, so it
 * carries both the DRG's own weight change and what the new point value does to its cases. What the revenue of
 * the DRGs does not carry (the ungrouped cases' revenue at the new point value, and the year-end clearing's
 * sharing, incentive and surplus cap) is one line with `drg_code` null. The lines are rounded to the fen (largest
 * remainder) so that they add up exactly to the hospital's reported weights part.
 */
import type { SettlementEngine } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import { POOL_INDEX, type Pool } from '@/worker/settlement/types';
import type { DrgWeightsPart } from './decomposition-json';
import { changedFamilies, familyBit, FAMILIES } from './families';
import { settleMixed, subsetsOf } from './mixed-settlements';
import { fenSplit, partsToFen, shapleyParts, shapleyWeight } from './shapley';
import type { AnalysisTables } from './tables';

const WEIGHTS = familyBit('weights');
const SUBSETS = 1 << FAMILIES.length;
/** the name of the line no DRG carries (the UI shows its own text for drg_code null) */
export const OTHER_LINE_NAME = '未入组病例及年终清算';

interface RowOfMask {
  settlement: number;
  settlementFen: number;
  /** revenue of each of the row's cells */
  cellRevenue: Float64Array;
}

export function weightsByDrg(
  engine: SettlementEngine,
  tables: AnalysisTables,
  from: RoundParams,
  to: RoundParams,
  hospitalCode: string,
  pool: Pool,
): DrgWeightsPart[] {
  const h = tables.hospitals.findIndex((hospital) => hospital.code === hospitalCode);
  if (h < 0) throw new Error(`没有机构 ${hospitalCode} / no hospital ${hospitalCode} in this data set`);
  const changed = changedFamilies(from, to);
  if ((changed & WEIGHTS) === 0) return [];
  const row = POOL_INDEX[pool] * tables.hospitals.length + h;
  const byMask = new Map<number, RowOfMask>();
  let cellDrg: Uint16Array = new Uint16Array(0);
  settleMixed(engine, from, to, subsetsOf(changed), true, (mask, result) => {
    const cells = result.hospitalDrgs!;
    const start = cells.start[row]!;
    const end = cells.start[row + 1]!;
    cellDrg = cells.drg.subarray(start, end);
    byMask.set(mask, { settlement: result.rows.settlement[row]!, settlementFen: result.rounded.settlement[row]!, cellRevenue: cells.revenue.slice(start, end) });
  });
  const at = (mask: number) => byMask.get(mask & changed)!;
  const values = Float64Array.from({ length: SUBSETS }, (_, mask) => at(mask).settlement);
  const parts = shapleyParts(values, new Float64Array(FAMILIES.length));
  const partsFen = partsToFen(parts, at(changed).settlementFen - at(0).settlementFen, changed, new Float64Array(FAMILIES.length));
  const weightsPartFen = partsFen[FAMILIES.indexOf('weights')]!;
  // DRG lines, then the line no DRG carries
  const lines = new Float64Array(cellDrg.length + 1);
  for (let mask = 0; mask < SUBSETS; mask++) {
    if ((mask & WEIGHTS) !== 0) continue;
    const weight = shapleyWeight(mask);
    const before = at(mask).cellRevenue;
    const after = at(mask | WEIGHTS).cellRevenue;
    for (let k = 0; k < cellDrg.length; k++) lines[k]! += weight * (after[k]! - before[k]!);
  }
  let carried = 0;
  for (let k = 0; k < cellDrg.length; k++) carried += lines[k]!;
  lines[cellDrg.length] = parts[FAMILIES.indexOf('weights')]! - carried;
  const eligible = Array.from(lines.keys()).filter((k) => lines[k] !== 0);
  const linesFen = fenSplit(lines, weightsPartFen, eligible, new Float64Array(lines.length));
  const out: DrgWeightsPart[] = [];
  linesFen.forEach((fen, k) => {
    if (fen === 0) return;
    const drg = k < cellDrg.length ? tables.catalog[cellDrg[k]!] : undefined;
    out.push(drg ? { drg_code: drg.code, name: drg.name, part: fen / 100 } : { drg_code: null, name: OTHER_LINE_NAME, part: fen / 100 });
  });
  return out.sort((a, b) => Math.abs(b.part) - Math.abs(a.part) || (a.drg_code ?? '~').localeCompare(b.drg_code ?? '~'));
}
