import { describe, expect, it } from 'vitest';
import type { SettlementResult } from '@/worker/settlement/result';
import { drgChanges } from './hospital-detail';

/**
 * Two hospitals, DRGs A, B, C, two pools: rows (pool × 2 + hospital) 0 = 职工 H1, 1 = 职工 H2, 2 = 居民 H1,
 * 3 = 居民 H2. Their cells, in the engine's layout (row r's cells start[r] … start[r + 1] − 1, drg 3 = no DRG):
 *   row 0: A, C   row 1: B   row 2: A, (no DRG)   row 3: C
 * Only what drgChanges reads is filled in.
 */
function result(points: number[], revenue: number[]): SettlementResult {
  const partial = {
    hospitalCodes: ['H1', 'H2'],
    drgCodes: ['A', 'B', 'C'],
    hospitalDrgs: {
      start: Int32Array.from([0, 2, 3, 5, 6]),
      drg: Uint16Array.from([0, 2, 1, 0, 3, 2]),
      cases: Float64Array.from([3, 1, 5, 2, 4, 7]),
      totalCost: Float64Array.from([310, 90, 480, 190, 60, 650]),
      points: Float64Array.from(points),
      revenue: Float64Array.from(revenue),
    },
  };
  return partial as unknown as SettlementResult;
}

const baseline = result([28, 13, 50, 21, 8, 70], [280, 130, 500, 210, 80, 700]);
const round = result([30, 12, 50, 20, 8, 70], [300, 120, 500, 200, 80, 700]);

describe("a hospital's DRGs between two rounds", () => {
  it('sums each DRG over both pools from the hospital’s own cells, largest loss first', () => {
    // H1: A = rows 0 and 2 (cases 3 + 2, cost 310 + 190, points 30 + 20 against 28 + 21, revenue 300 + 200
    // against 280 + 210: +10); C = row 0 only (revenue 120 against 130: −10); B has no cell; the cell without a
    // DRG (row 2, 4 cases) is left out
    expect(drgChanges(baseline, round, 'H1')).toEqual([
      { code: 'C', cases: 1, totalCost: 90, baselinePoints: 13, points: 12, baselineRevenue: 130, revenue: 120, change: -10 },
      { code: 'A', cases: 5, totalCost: 500, baselinePoints: 49, points: 50, baselineRevenue: 490, revenue: 500, change: 10 },
    ]);
  });

  it("reads no other hospital's cells, and orders equal changes by DRG code", () => {
    // H2: B = row 1 (5 cases), C = row 3 (7 cases); neither changes
    expect(drgChanges(baseline, round, 'H2').map((d) => [d.code, d.cases, d.change])).toEqual([
      ['B', 5, 0],
      ['C', 7, 0],
    ]);
  });

  it('is empty for a hospital the results do not have', () => {
    expect(drgChanges(baseline, round, 'H9')).toEqual([]);
  });
});
