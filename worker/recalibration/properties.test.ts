/**
 * Invariants of the recalibration on random small cities (fast-check): the order of the cases changes nothing,
 * re-centring keeps what it says it keeps (up to the 4-decimal rounding), a cap holds, blend 0 keeps the
 * current weights, and a trim keeps a subset of the used costs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handData, type HandCase, type HandCity } from '@/worker/settlement/testing/hand';
import { DEFAULT_OPTIONS, type RecalibrationOptions, type TrimMethod } from './options';
import { recalibrate } from './recalibrate';

const CATALOG: HandCity['catalog'] = [
  { code: 'A', weight: 0.4, benchmark: 4000 },
  { code: 'B', weight: 1.3, benchmark: 13000 },
  { code: 'C', weight: 2.7, benchmark: 27000 },
  { code: 'D', weight: 0.9, benchmark: 9000 },
];

const caseArb: fc.Arbitrary<HandCase> = fc.record({
  hospital: fc.constantFrom('H1', 'H2'),
  drg: fc.constantFrom('A', 'B', 'C', 'D', ''),
  cost: fc.integer({ min: 0, max: 5_000_000 }).map((fen) => fen / 100),
  los: fc.integer({ min: 1, max: 70 }),
  special: fc.boolean(),
  pool: fc.constantFrom('employee' as const, 'resident' as const),
});

const trimArb: fc.Arbitrary<TrimMethod> = fc.oneof(
  fc.double({ min: 0, max: 3, noNaN: true }).map((k) => ({ kind: 'iqr' as const, k })),
  fc.tuple(fc.integer({ min: 0, max: 49 }), fc.integer({ min: 51, max: 100 })).map(([lo, hi]) => ({ kind: 'pct' as const, lo, hi })),
  fc.double({ min: 0.1, max: 3, noNaN: true }).map((k) => ({ kind: 'logsd' as const, k })),
  fc.constant({ kind: 'none' as const }),
);

const optionsArb: fc.Arbitrary<RecalibrationOptions> = fc.record({
  trim: trimArb,
  minCases: fc.integer({ min: 1, max: 15 }),
  blend: fc.double({ min: 0, max: 1, noNaN: true }),
  cap: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: null }),
  recentre: fc.constantFrom('total_points' as const, 'cmi1' as const, 'none' as const),
});

const cityOf = (cases: HandCase[]): HandCity => ({ hospitals: [{ code: 'H1', level: 3 }, { code: 'H2', level: 1 }], catalog: CATALOG, cases });
const ROUND = { method: 'points' } as const;
const casesArb = fc.array(caseArb, { minLength: 1, maxLength: 120 });

describe('recalibration invariants', () => {
  it('the order of the cases changes nothing', () => {
    fc.assert(
      fc.property(casesArb, optionsArb, fc.nat(), (cases, options, seed) => {
        const shuffled = [...cases].map((c, i) => ({ c, key: (i * 2654435761 + seed) % 4294967296 })).sort((a, b) => a.key - b.key).map((x) => x.c);
        expect(recalibrate(handData(cityOf(shuffled)), ROUND, options)).toEqual(recalibrate(handData(cityOf(cases)), ROUND, options));
      }),
      { numRuns: 150 },
    );
  });

  it('total_points keeps Σ weight over the used cases, cmi1 makes their CMI 1 (up to 4-decimal rounding)', () => {
    fc.assert(
      fc.property(casesArb, optionsArb, (cases, options) => {
        fc.pre(options.recentre !== 'none');
        const { rows, summary } = recalibrate(handData(cityOf(cases)), ROUND, options);
        fc.pre(summary.usedCases > 0 && rows.every((r) => r.new_weight > 0.0001));
        const target = options.recentre === 'total_points' ? summary.totalWeightBefore : summary.usedCases;
        expect(Math.abs(summary.totalWeightAfter - target)).toBeLessThanOrEqual(summary.usedCases * 0.00005 + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('with a cap and no re-centring every weight stays within current × (1 ± cap)', () => {
    fc.assert(
      fc.property(casesArb, optionsArb, fc.double({ min: 0, max: 0.5, noNaN: true }), (cases, options, cap) => {
        const { rows } = recalibrate(handData(cityOf(cases)), ROUND, { ...options, cap, recentre: 'none' });
        for (const row of rows) expect(Math.abs(row.new_weight - row.current_weight)).toBeLessThanOrEqual(row.current_weight * cap + 0.00005 + 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('blend 0 without re-centring keeps the current weights', () => {
    fc.assert(
      fc.property(casesArb, optionsArb, (cases, options) => {
        const { rows } = recalibrate(handData(cityOf(cases)), ROUND, { ...options, blend: 0, recentre: 'none' });
        expect(rows.map((r) => r.new_weight)).toEqual(CATALOG.map((d) => d.weight));
      }),
      { numRuns: 100 },
    );
  });

  it('a trim keeps a subset: kept ≤ cases, the trimmed mean within the used costs, CV ≥ 0, flags as their rules say', () => {
    fc.assert(
      fc.property(casesArb, optionsArb, (cases, options) => {
        const { rows } = recalibrate(handData(cityOf(cases)), ROUND, options);
        for (const row of rows) {
          expect(row.kept).toBeLessThanOrEqual(row.cases);
          expect(row.flags.includes('few_cases')).toBe(row.kept < options.minCases);
          expect(row.flags.includes('change_over_10pct')).toBe(Math.abs(row.change) > 0.1 + 1e-9);
          if (row.trimmed_mean === null) continue;
          const used = cases.filter((c) => c.drg === row.drg_code && !c.special && c.cost > 0 && (c.los ?? 10) > 2 && (c.los ?? 10) < 60).map((c) => c.cost);
          expect(row.cases).toBe(used.length);
          expect(row.trimmed_mean).toBeGreaterThanOrEqual(Math.min(...used) - 1e-9);
          expect(row.trimmed_mean).toBeLessThanOrEqual(Math.max(...used) + 1e-9);
          expect(row.cv).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('pct:0:100 and iqr with a huge K keep every used case', () => {
    fc.assert(
      fc.property(casesArb, (cases) => {
        for (const trim of [{ kind: 'pct', lo: 0, hi: 100 }, { kind: 'iqr', k: 100 }] as const) {
          const { rows } = recalibrate(handData(cityOf(cases)), ROUND, { ...DEFAULT_OPTIONS, trim });
          for (const row of rows) expect(row.kept).toBe(row.cases);
        }
      }),
      { numRuns: 100 },
    );
  });
});
