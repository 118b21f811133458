/**
 * 求解 (ANALYSIS.md §B): every lever kind lands on its target when the solved round is settled again (on a fresh
 * engine, after a JSON round trip); a hand-worked rate; a target inside an overspend band's jump; out of range;
 * bad lever and target texts.
 */
import { describe, expect, it } from 'vitest';
import { createSettlementEngine, parseRoundParams, type RoundParams } from '@/worker/settlement';
import { handData, type HandCity } from '@/worker/settlement/testing/hand';
import { syntheticCity, syntheticRound } from '@/worker/settlement/testing/synthetic';
import { leverChoices, parseLever, withLever } from './levers';
import { solve, solvedLine, toleranceOf } from './solve';
import { parseTarget, targetChoices, targetValue, type Target } from './targets';

const data = syntheticCity({ seed: 4, hospitals: 30, drgs: 120, cases: 8000 });
const pointsRound = syntheticRound(data);
const rateRound: RoundParams = { method: 'rate', rate: { employee: 9000, resident: 8000 }, budget: pointsRound.budget! };

/** The figure of `targetText` when `params` are settled on a fresh engine after a JSON round trip. */
function settledAgain(params: RoundParams, targetText: string): number {
  const parsed = parseRoundParams(JSON.parse(JSON.stringify(params)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return targetValue(createSettlementEngine(data).settle(parsed.params), parseTarget(targetText) as Target, data.hospitals);
}

/** A reachable target: the figure with the lever moved to `value`. */
function reachable(params: RoundParams, leverText: string, targetText: string, value: number): number {
  const lever = parseLever(leverText, data);
  if ('error' in lever) throw new Error(lever.error.message_en);
  return settledAgain(withLever(lever, params, data, value), targetText);
}

const CASES: [string, RoundParams, string, string, number][] = [
  ['rate → fund payments', rateRound, 'rate.resident', 'fund_payment.resident', 8600],
  ['level rate → a level’s payment-cost ratio', rateRound, 'rate_by_level.employee.2', 'payment_cost_ratio.employee.2', 9900],
  ['budget → point value', pointsRound, 'budget.employee', 'point_value.employee', pointsRound.budget!.employee! * 1.07],
  ['budget → fund payments (费率法: the reserve)', rateRound, 'budget.resident', 'settlement.resident', pointsRound.budget!.resident! * 1.3],
  ['level coefficient → point value', pointsRound, 'level_coefficients.2', 'point_value.resident', 0.93],
  ['hospital coefficient → settlement', rateRound, 'hospital_coefficients.H003', 'settlement.employee', 1.2],
  ['uniform coefficient → payment-cost ratio', rateRound, 'uniform_coefficient', 'payment_cost_ratio.resident', 1.25],
  ['weights scale → city CMI', pointsRound, 'weights_scale', 'cmi.employee', 0.9],
  ['weights scale → fund payments (费率法)', rateRound, 'weights_scale', 'fund_payment.employee', 1.05],
];

describe('solve lands on its target when the solved round is settled again', () => {
  it.each(CASES)('%s', (_, params, leverText, targetText, moved) => {
    const wanted = reachable(params, leverText, targetText, moved);
    const outcome = solve(createSettlementEngine(data), data, params, leverText, targetText, wanted);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome.ok) return;
    const tolerance = toleranceOf(parseTarget(targetText) as Target, wanted);
    expect(Math.abs(outcome.residual)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(settledAgain(outcome.params, targetText) - wanted)).toBeLessThanOrEqual(tolerance);
    expect(solvedLine(leverText, targetText, outcome)).toMatch(new RegExp(`^${leverText.replace(/\./g, '\\.')} = [0-9.e+-]+; ${targetText.replace(/\./g, '\\.')} = [0-9.e+-]+ \\(residual [0-9.e+-]+\\)$`));
  });

  it('weights_scale writes every catalog DRG that has a weight, benchmark costs unchanged', () => {
    const wanted = reachable(pointsRound, 'weights_scale', 'cmi.resident', 1.1);
    const outcome = solve(createSettlementEngine(data), data, pointsRound, 'weights_scale', 'cmi.resident', wanted);
    if (!outcome.ok) throw new Error(outcome.message_en);
    const weighted = data.catalog.filter((d) => d.weight !== null);
    expect(Object.keys(outcome.params.weights!).sort()).toEqual(weighted.map((d) => d.code).sort());
    expect(outcome.params.weights![weighted[0]!.code]).toBeCloseTo(weighted[0]!.weight! * outcome.value, 12);
    expect(outcome.params.benchmark_costs).toBeUndefined();
  });
});

// SETTLEMENT.md §4.2/§4.3 by hand: one hospital, one RW-1 case costing 10 000, k 1, score 0 (no incentive):
// B = rate; below cost the fund shares 70 % of O while o = (10 000 − B) ÷ B ≤ 10 %, 50 % while ≤ 20 %.
const oneCase: HandCity = { hospitals: [{ code: 'H1', level: 3, score: 0 }], catalog: [{ code: 'A', weight: 1, benchmark: 10000 }], cases: [{ hospital: 'H1', drg: 'A', cost: 10000 }] };
const oneCaseData = handData(oneCase);
const oneCaseRound: RoundParams = { method: 'rate', rate: { employee: 8000 }, budget: { employee: 1e6 } };

describe('solve on a hand-worked city', () => {
  it('settlement 12 000 above cost (kept whole): rate 12 000', () => {
    const outcome = solve(createSettlementEngine(oneCaseData), oneCaseData, oneCaseRound, 'rate.employee', 'settlement.employee', 12000);
    expect(outcome).toMatchObject({ ok: true });
    if (outcome.ok) expect(outcome.value).toBeCloseTo(12000, 6);
  });

  it('settlement 9 600 lies in the jump at o = 10 % (rate 10 000 ÷ 1.1): 9 545.45 below, 9 727.27 above → exit 3', () => {
    const outcome = solve(createSettlementEngine(oneCaseData), oneCaseData, oneCaseRound, 'rate.employee', 'settlement.employee', 9600);
    expect(outcome).toMatchObject({ ok: false, reason: 'jump' });
    if (outcome.ok) return;
    // just below 9 090.91 the fund shares 50 %: S = 5 000 + 0.5 B; from it on, 70 %: S = 7 000 + 0.3 B
    expect(outcome.below!.value).toBeCloseTo(10000 / 1.1, 6);
    expect(outcome.below!.achieved).toBeCloseTo(5000 + 0.5 * (10000 / 1.1), 4);
    expect(outcome.above!.value).toBeCloseTo(10000 / 1.1, 6);
    expect(outcome.above!.achieved).toBeCloseTo(7000 + 0.3 * (10000 / 1.1), 4);
    expect(outcome.message_zh).toContain('跳变');
  });

  it('a settlement beyond the largest rate is out of range, the closest below named', () => {
    const outcome = solve(createSettlementEngine(oneCaseData), oneCaseData, oneCaseRound, 'rate.employee', 'settlement.employee', 2e7);
    expect(outcome).toMatchObject({ ok: false, reason: 'out_of_range', above: null, below: { value: 1e7, achieved: 1e7 } });
  });
});

describe('solve refuses what §B does not take', () => {
  it.each([
    ['rate.nobody', 'fund_payment.employee', '基金'],
    ['hospital_coefficients.H999', 'fund_payment.employee', 'H999'],
    ['weights', 'fund_payment.employee', '未知的杠杆'],
    ['budget.employee', 'cmi', '基金'],
    ['budget.employee', 'fund_payment.employee.3', '未知的目标'],
    ['budget.employee', 'point_value.employee', '点数法'],
    ['rate.employee', 'fund_payment.employee', '费率法'],
  ])('%s → %s', (leverText, targetText, says) => {
    const params = leverText === 'rate.employee' ? pointsRound : rateRound;
    const outcome = solve(createSettlementEngine(data), data, params, leverText, targetText, 1);
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
    if (!outcome.ok) expect(outcome.message_zh).toContain(says);
  });
});

describe('choices for the 求解 panel', () => {
  it('every lever and target offered parses', () => {
    for (const params of [pointsRound, rateRound]) {
      for (const choice of leverChoices(data, params)) expect(parseLever(choice.id, data)).not.toHaveProperty('error');
      for (const choice of targetChoices(params)) expect(parseTarget(choice.id)).not.toHaveProperty('error');
    }
    expect(leverChoices(data, pointsRound).some((c) => c.id.startsWith('rate.'))).toBe(false);
    expect(targetChoices(rateRound).some((c) => c.id.startsWith('point_value'))).toBe(false);
  });
});
