/**
 * Random round pairs on a synthetic city for the property tests: a plausible base round (budgets at 95 % of the
 * fund's spending) and edits of any of the five families, drawn from a seeded PRNG.
 */
import type { RoundParams } from '@/worker/settlement/round';
import { seededRandom, syntheticRound } from '@/worker/settlement/testing/synthetic';
import type { SettlementData } from '@/worker/settlement/types';
import { FAMILIES, type Family } from '../families';

type Edit = (params: Record<string, unknown>, data: SettlementData, random: () => number) => void;

const round2 = (value: number) => Math.round(value * 100) / 100;
const pickSome = <T>(items: readonly T[], count: number, random: () => number): T[] =>
  Array.from({ length: count }, () => items[Math.floor(random() * items.length)]!);

const EDITS: Record<Family, Edit> = {
  weights(params, data, random) {
    const weighted = data.catalog.filter((d) => d.weight !== null);
    params.weights = Object.fromEntries(pickSome(weighted, 8, random).map((d) => [d.code, round2(d.weight! * (0.7 + 0.6 * random()))]));
    if (random() < 0.5) params.benchmark_costs = Object.fromEntries(pickSome(weighted, 4, random).map((d) => [d.code, Math.round((d.benchmarkCost ?? 5000) * (0.8 + 0.4 * random()))]));
  },
  rates(params, _, random) {
    const budget = params.budget as { employee: number; resident: number };
    params.budget = { employee: Math.round(budget.employee * (0.85 + 0.3 * random())), resident: Math.round(budget.resident * (0.85 + 0.3 * random())) };
    params.reserve_ratio = round2(0.02 + 0.08 * random());
    if (random() < 0.3) {
      params.method = 'rate';
      params.rate = { employee: Math.round(8000 + 3000 * random()), resident: Math.round(7000 + 3000 * random()) };
    }
    if (random() < 0.3) params.point_value_basis = 'fund';
  },
  coefficients(params, data, random) {
    params.level_coefficients = { '1': round2(0.6 + 0.2 * random()), '2': round2(0.8 + 0.15 * random()) };
    params.hospital_coefficients = Object.fromEntries(pickSome(data.hospitals, 3, random).map((h) => [h.code, round2(0.7 + 0.5 * random())]));
    if (random() < 0.5) params.uniform_coefficient = round2(0.8 + 0.3 * random());
  },
  case_rules(params, _, random) {
    params.low_multiple = round2(0.3 + 0.3 * random());
    params.high_bands = [
      { rw_max: 1, multiple: round2(2.5 + random()) },
      { rw_max: null, multiple: round2(1.5 + random()) },
    ];
    if (random() < 0.5) params.ungrouped_ratio = round2(0.7 + 0.3 * random());
    if (random() < 0.3) params.exclude_los_max = 1;
  },
  clearing(params, data, random) {
    params.sharing_bands = [{ over_max: 0.15, fund_share: round2(0.5 + 0.4 * random()) }];
    if (random() < 0.6) params.surplus_cap = round2(0.05 + 0.1 * random());
    params.evaluation_scores = Object.fromEntries(pickSome(data.hospitals, 4, random).map((h) => [h.code, Math.round(50 + 50 * random())]));
  },
};

/** A round with the families of `mask` edited (bit i = FAMILIES[i]). */
export function editedRound(data: SettlementData, base: RoundParams, mask: number, random: () => number): RoundParams {
  const params = structuredClone(base) as Record<string, unknown>;
  FAMILIES.forEach((family, i) => {
    if ((mask & (1 << i)) !== 0) EDITS[family](params, data, random);
  });
  return params as RoundParams;
}

/** Two rounds: the base round edited in the families of `fromMask`, and again in those of `toMask`. */
export function randomRoundPair(data: SettlementData, seed: number, fromMask: number, toMask: number): { from: RoundParams; to: RoundParams } {
  const random = seededRandom(seed);
  const base = syntheticRound(data);
  return { from: editedRound(data, base, fromMask, random), to: editedRound(data, base, toMask, random) };
}
