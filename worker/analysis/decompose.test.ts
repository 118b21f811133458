/**
 * 变动归因 (ANALYSIS.md §A): a hand-worked two-family example, the parts adding up to the reported change to the
 * fen on random cities and rounds (property test), a weights-only change that is all weights, twin hospitals
 * with equal parts, the workers' split giving the one-thread result, and a hospital's weights part by DRG.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSettlementEngine, type SettlementEngine } from '@/worker/settlement';
import { handData, type HandCity } from '@/worker/settlement/testing/hand';
import { syntheticCity, syntheticRound } from '@/worker/settlement/testing/synthetic';
import { allocateCaseColumns, type SettlementData } from '@/worker/settlement/types';
import type { RoundParams } from '@/worker/settlement/round';
import { combineDecomposition, decompose, interactionOf, settleSubsets, splitMasks, weightsByDrg, type Decomposition } from './decompose';
import { changedFamilies, FAMILIES } from './families';
import { randomRoundPair } from './testing/random-rounds';

const fen = (yuan: number) => Math.round(yuan * 100);
const sumFen = (parts: Record<string, number>) => Object.values(parts).reduce((sum, yuan) => sum + fen(yuan), 0);

/** Every row's parts add up to its change, and every total to the sum of its rows, exactly in fen. */
function expectExactFen(decomposition: Decomposition): void {
  for (const row of decomposition.hospitals) {
    for (const figure of ['settlement', 'fund_payment'] as const) {
      expect(sumFen(row.parts[figure]), `${row.hospital_code} ${row.pool} ${figure}`).toBe(fen(row.change[figure]));
      expect(fen(row.change[figure])).toBe(fen(row.to[figure]) - fen(row.from[figure]));
    }
  }
  for (const [pool, total] of Object.entries(decomposition.totals)) {
    const rows = decomposition.hospitals.filter((row) => row.pool === pool);
    for (const figure of ['settlement', 'fund_payment'] as const) {
      expect(fen(total.change[figure])).toBe(rows.reduce((sum, row) => sum + fen(row.change[figure]), 0));
      for (const family of FAMILIES) expect(fen(total.parts[figure][family])).toBe(rows.reduce((sum, row) => sum + fen(row.parts[figure][family]), 0));
    }
  }
}

describe('decompose: a hand-worked example (费率法, rate and level coefficient)', () => {
  // H1 三级 (k 1.0), H2 二级 (k 0.85 → 1.0); one DRG A case each, RW 1, cost 10 000, no patient pay, no budget
  // (no reserve: no sharing, no incentive). Payment = RW × k × rate (SETTLEMENT.md §4.2).
  const city: HandCity = {
    hospitals: [
      { code: 'H1', level: 3 },
      { code: 'H2', level: 2 },
    ],
    catalog: [{ code: 'A', weight: 1, benchmark: 10000 }],
    cases: [
      { hospital: 'H1', drg: 'A', cost: 10000 },
      { hospital: 'H2', drg: 'A', cost: 10000 },
    ],
  };
  const data = handData(city);
  const from: RoundParams = { method: 'rate', rate: { employee: 10000 } };
  const to: RoundParams = { method: 'rate', rate: { employee: 12000 }, level_coefficients: { '2': 1 } };

  it('H2: v(∅) 8 500, v(rates) 10 200, v(coef) 10 000, v(both) 12 000 → rates 1 850, coefficients 1 650', () => {
    const decomposition = decompose(createSettlementEngine(data), data, from, to);
    const h2 = decomposition.hospitals.find((row) => row.hospital_code === 'H2')!;
    expect(h2.from.settlement).toBe(8500);
    expect(h2.change.settlement).toBe(3500);
    // rates: ½ (10 200 − 8 500) + ½ (12 000 − 10 000); coefficients: ½ (10 000 − 8 500) + ½ (12 000 − 10 200)
    expect(h2.parts.settlement).toEqual({ weights: 0, rates: 1850, coefficients: 1650, case_rules: 0, clearing: 0 });
    expect(h2.alone.settlement).toEqual({ weights: 0, rates: 1700, coefficients: 1500, case_rules: 0, clearing: 0 });
    expect(interactionOf(h2).settlement).toBe(300);
    expect(h2.parts.fund_payment).toEqual(h2.parts.settlement);
  });

  it('H1 (coefficient unchanged): all rates; level and pool totals are the rows summed', () => {
    const decomposition = decompose(createSettlementEngine(data), data, from, to);
    const h1 = decomposition.hospitals.find((row) => row.hospital_code === 'H1')!;
    expect(h1.parts.settlement).toEqual({ weights: 0, rates: 2000, coefficients: 0, case_rules: 0, clearing: 0 });
    expect(decomposition.totals.employee!.parts.settlement.rates).toBe(3850);
    expect(decomposition.totals.employee!.change.settlement).toBe(5500);
    expect(decomposition.by_level['2']!.employee!.parts.settlement.coefficients).toBe(1650);
    expect(decomposition.by_level['3']!.employee!.alone.settlement.rates).toBe(2000);
    expect(decomposition.totals.resident!.change.settlement).toBe(0);
  });
});

const smallCity = (seed: number) => syntheticCity({ seed, hospitals: 25, drgs: 90, cases: 4000 });

describe('decompose on random cities (property)', () => {
  it('parts add up to the reported change exactly to the fen, rows and totals, any families changed', () => {
    const engines = new Map<number, { data: SettlementData; engine: SettlementEngine }>();
    const cityOf = (seed: number) => {
      let city = engines.get(seed);
      if (!city) {
        const data = smallCity(seed);
        city = { data, engine: createSettlementEngine(data) };
        engines.set(seed, city);
      }
      return city;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 31 }), fc.integer({ min: 1, max: 31 }), (citySeed, seed, fromMask, toMask) => {
        const { data, engine } = cityOf(citySeed);
        const { from, to } = randomRoundPair(data, seed, fromMask, toMask);
        expectExactFen(decompose(engine, data, from, to));
      }),
      { numRuns: 25, seed: 20 },
    );
  });

  it('a weights-only change is 100 % weights, in every row and both figures', () => {
    const data = smallCity(5);
    const engine = createSettlementEngine(data);
    const { from } = randomRoundPair(data, 9, 31, 0);
    const { to: edited } = randomRoundPair(data, 10, 0, 1);
    const to = { ...from, weights: edited.weights!, ...(edited.benchmark_costs ? { benchmark_costs: edited.benchmark_costs } : {}) } as RoundParams;
    expect(changedFamilies(from, to)).toBe(1);
    const decomposition = decompose(engine, data, from, to);
    expect(decomposition.hospitals.some((row) => row.change.settlement !== 0)).toBe(true);
    for (const row of decomposition.hospitals) {
      for (const figure of ['settlement', 'fund_payment'] as const) {
        expect(row.parts[figure]).toEqual({ weights: row.change[figure], rates: 0, coefficients: 0, case_rules: 0, clearing: 0 });
      }
    }
  });
});

/** The city with hospital `twin` a copy of hospital 0: same level, coefficient, score and cases. */
function withTwin(data: SettlementData): SettlementData {
  const first = data.hospitals[0]!;
  const hospitals = [...data.hospitals, { ...first, code: 'H999', name: 'Twin' }];
  const mine = Array.from({ length: data.cases.count }, (_, i) => i).filter((i) => data.cases.hospital[i] === 0);
  const cases = allocateCaseColumns(data.cases.count + mine.length);
  for (const key of Object.keys(cases) as (keyof typeof cases)[]) {
    if (key === 'count') continue;
    const column = cases[key] as unknown as { set(values: ArrayLike<number>, offset?: number): void };
    const source = data.cases[key] as unknown as ArrayLike<number>;
    column.set(source);
    column.set(mine.map((i) => (key === 'hospital' ? hospitals.length - 1 : source[i]!)), data.cases.count);
  }
  return { hospitals, catalog: data.catalog, cases };
}

describe('decompose: equal hospitals get equal parts', () => {
  it('a hospital and its twin: the same unrounded values under every mixed round, parts within their changes’ rounding', () => {
    const data = withTwin(smallCity(7));
    const engine = createSettlementEngine(data);
    const { from, to } = randomRoundPair(data, 77, 0, 31);
    const twin = data.hospitals.length - 1;
    for (const subset of settleSubsets(engine, from, to, splitMasks(1)[0]!)) {
      for (let p = 0; p < 2; p++) expect(subset.settlement[p * data.hospitals.length + twin]).toBe(subset.settlement[p * data.hospitals.length]);
    }
    const decomposition = decompose(engine, data, from, to);
    for (const pool of ['employee', 'resident'] as const) {
      const a = decomposition.hospitals.find((row) => row.pool === pool && row.hospital_code === data.hospitals[0]!.code)!;
      const b = decomposition.hospitals.find((row) => row.pool === pool && row.hospital_code === 'H999')!;
      expect(b.alone).toEqual(a.alone);
      // the reported figures of twins may differ by the fen largest-remainder rounding gives one of them
      const slack = Math.abs(fen(a.change.settlement) - fen(b.change.settlement));
      expect(slack).toBeLessThanOrEqual(6);
      for (const family of FAMILIES) expect(Math.abs(fen(a.parts.settlement[family]) - fen(b.parts.settlement[family]))).toBeLessThanOrEqual(slack);
    }
  });
});

describe('decompose shared between workers', () => {
  const data = smallCity(11);
  const { from, to } = randomRoundPair(data, 5, 6, 31);

  it('splitMasks covers every subset of the changed families once, ∅ and all aside', () => {
    for (const workers of [1, 2, 3, 4]) {
      const lists = splitMasks(workers, 0b10111);
      expect(lists).toHaveLength(workers);
      const masks = lists.flat().sort((a, b) => a - b);
      const expected = Array.from({ length: 32 }, (_, m) => m).filter((m) => (m & ~0b10111) === 0 && m !== 0 && m !== 0b10111);
      expect(masks).toEqual(expected);
    }
    expect(splitMasks(2).map((list) => list.length)).toEqual([15, 15]);
  });

  it('two workers’ settlements combined equal the one-thread decomposition', () => {
    const changed = changedFamilies(from, to);
    const workers = [createSettlementEngine(data), createSettlementEngine(data)];
    const subsets = splitMasks(2, changed).flatMap((masks, w) => settleSubsets(workers[w]!, from, to, masks));
    const page = createSettlementEngine(data);
    const combined = combineDecomposition(page.settle(from), page.settle(to), subsets, data.hospitals, changed);
    expect(combined).toEqual(decompose(createSettlementEngine(data), data, from, to));
  });

  it('a hospital’s weights part by DRG adds up to its weights part', () => {
    const engine = createSettlementEngine(data);
    const decomposition = decompose(engine, data, from, to);
    const row = decomposition.hospitals.find((r) => r.pool === 'resident' && r.parts.settlement.weights !== 0)!;
    const lines = weightsByDrg(engine, data, from, to, row.hospital_code, 'resident');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.reduce((sum, line) => sum + fen(line.part), 0)).toBe(fen(row.parts.settlement.weights));
    const noWeights = { ...to, weights: from.weights } as RoundParams;
    if (from.benchmark_costs) noWeights.benchmark_costs = from.benchmark_costs;
    else delete noWeights.benchmark_costs;
    expect(weightsByDrg(engine, data, from, noWeights, row.hospital_code, 'resident')).toEqual([]);
  });
});

describe('decompose: rounds that change nothing', () => {
  it('every part is 0 when the two rounds are the same', () => {
    const data = smallCity(2);
    const round = syntheticRound(data);
    const decomposition = decompose(createSettlementEngine(data), data, round, structuredClone(round));
    for (const row of decomposition.hospitals) expect(row.change).toEqual({ settlement: 0, fund_payment: 0 });
  });
});
