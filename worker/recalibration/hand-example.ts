/**
 * A hand-worked recalibration (ANALYSIS.md §C with its defaults), for the unit test and the CLI test: three
 * DRGs and the cases §C.1 leaves out. The arithmetic is in recalibrate.test.ts.
 */
import type { HandCase, HandCity } from '@/worker/settlement/testing/hand';

const costsOf = (drg: string, costs: readonly number[]): HandCase[] => costs.map((cost, i) => ({ hospital: i % 2 ? 'H2' : 'H1', drg, cost, pool: i % 3 ? 'employee' : 'resident' }));

/** A: 1000, 1100, …, 2000 and one at 9000 (trimmed by IQR) */
export const COSTS_A = [1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 9000];
/** B: ten costs around 3000, none trimmed */
export const COSTS_B = [3400, 2600, 3000, 2700, 3300, 2800, 3200, 2900, 3100, 3000];
/** C: four cases, fewer than the 10 of --min-cases */
export const COSTS_C = [500, 600, 700, 800];

export const HAND_CITY: HandCity = {
  hospitals: [
    { code: 'H1', level: 3 },
    { code: 'H2', level: 2 },
  ],
  catalog: [
    { code: 'A', weight: 0.5, benchmark: 2000 },
    { code: 'B', weight: 1.0, benchmark: 2800 },
    { code: 'C', weight: 0.2, benchmark: 700 },
    { code: 'D', weight: 0.8, benchmark: 1500, perDiem: true },
    { code: 'E', weight: null, benchmark: null },
  ],
  cases: [
    ...costsOf('A', COSTS_A),
    ...costsOf('B', COSTS_B),
    ...costsOf('C', COSTS_C),
    // not used (§C.1): excluded by LOS (≤ 2, ≥ 60), special review, no cost, a 床日 DRG, a DRG with no weight, ungrouped
    { hospital: 'H1', drg: 'A', cost: 50000, los: 2 },
    { hospital: 'H2', drg: 'B', cost: 90000, los: 60 },
    { hospital: 'H1', drg: 'A', cost: 70000, special: true },
    { hospital: 'H1', drg: 'B', cost: 0 },
    { hospital: 'H1', drg: 'D', cost: 1500 },
    { hospital: 'H2', drg: 'E', cost: 1500 },
    { hospital: 'H2', drg: '', cost: 1500 },
  ],
};

/** The round recalibrated from: B's weight is the round's 1.2, not the catalog's 1.0. */
export const HAND_ROUND = { method: 'points', budget: { employee: 100000, resident: 50000 }, weights: { B: 1.2 } } as const;
