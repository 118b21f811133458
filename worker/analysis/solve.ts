/**
 * 求解 (ANALYSIS.md §B): the value of one lever that brings one target figure to a given value, every other
 * parameter as in the round (root-search.ts does the search). Levers that only the money step reads (rates,
 * budgets) are searched on one tally of the cases (`engine.tally` once, `engine.settleTally` per value); the
 * others settle each value, on the classes the engine keeps.
 */
import type { SettlementEngine } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import { isInputError, leverRange, leverValue, parseLever, withLever, type Lever } from './levers';
import { searchRoot, type SearchPoint, type SearchResult } from './root-search';
import type { AnalysisTables } from './tables';
import { parseTarget, targetUnit, targetValue, type Target } from './targets';

/** A lever value and the target figure it gives. */
export interface SolvePoint {
  value: number;
  achieved: number;
}

export type SolveOutcome =
  | { ok: true; value: number; achieved: number; residual: number; params: RoundParams; settlements: number }
  | {
      ok: false;
      /** out_of_range: no value of the range reaches the target; jump: the target lies in a jump of the figure;
       *  invalid: the lever or target text, or the value, is not one §B takes (the message says why) */
      reason: 'out_of_range' | 'jump' | 'invalid';
      /** the values whose figures come closest below and above the target (null: none on that side) */
      below: SolvePoint | null;
      above: SolvePoint | null;
      message_zh: string;
      message_en: string;
      settlements: number;
    };

/** §B: within 0.01 yuan for money, 1e-9 relative otherwise. */
export function toleranceOf(target: Target, value: number): number {
  return targetUnit(target) === 'yuan' ? 0.01 : Math.max(1e-9 * Math.abs(value), Number.MIN_VALUE);
}

function invalid(message_zh: string, message_en: string): SolveOutcome {
  return { ok: false, reason: 'invalid', below: null, above: null, message_zh, message_en, settlements: 0 };
}

/** The lever's usual size: its first step and the start of a log grid follow from it. */
function scaleOf(lever: Lever, current: number | null): number {
  if (current !== null && current > 0) return current;
  return lever.kind === 'budget' ? 1e8 : lever.kind === 'rate' || lever.kind === 'rate_by_level' ? 1e4 : 1;
}

/** Why a lever cannot act on a target in this round, or null. */
function mismatch(lever: Lever, target: Target, params: RoundParams): [string, string] | null {
  if (target.kind === 'point_value' && params.method !== 'points') return ['点值目标仅适用于点数法轮次', 'a point_value target needs a 点数法 (points) round'];
  if ((lever.kind === 'rate' || lever.kind === 'rate_by_level') && params.method !== 'rate') return ['费率杠杆仅适用于费率法轮次（点数法中费率不参与结算）', 'a rate lever needs a 费率法 (rate) round: points rounds do not use rates'];
  return null;
}

/** f(x): the target's figure with the lever at x; counts the settlements. */
function figureOf(engine: SettlementEngine, tables: AnalysisTables, params: RoundParams, lever: Lever, target: Target) {
  const moneyOnly = lever.kind === 'rate' || lever.kind === 'rate_by_level' || lever.kind === 'budget';
  const tallied = moneyOnly ? engine.tally(params) : null;
  const state = { settlements: 0 };
  const settled = (x: number) => {
    state.settlements++;
    const round = withLever(lever, params, tables, x);
    return tallied ? engine.settleTally(tallied, round, false) : engine.settle(round, undefined, false);
  };
  return { state, f: (x: number) => targetValue(settled(x), target, tables.hospitals) };
}

const show = (value: number) => String(value);
const pointOf = (point: SearchPoint | null): SolvePoint | null => (point ? { value: point.x, achieved: point.y } : null);

function unreachable(result: Extract<SearchResult, { ok: false }>, lever: Lever, target: Target, value: number, settlements: number): SolveOutcome {
  const below = pointOf(result.below);
  const above = pointOf(result.above);
  const range = leverRange(lever);
  const rangeText = `${range.lowOpen ? '(' : '['}${show(range.lo)}, ${show(range.hi)}]`;
  const side = (p: SolvePoint | null, zh: string, en: string): [string, string] =>
    p ? [`${lever.id} = ${show(p.value)} 时 ${target.id} = ${show(p.achieved)}（${zh}）`, `${lever.id} = ${show(p.value)} gives ${target.id} = ${show(p.achieved)} (${en})`] : [`没有${zh}的取值`, `no value gives a figure ${en}`];
  const [belowZh, belowEn] = side(below, '低于目标', 'below the target');
  const [aboveZh, aboveEn] = side(above, '高于目标', 'above the target');
  const closest = { zh: `最接近的：${belowZh}；${aboveZh}`, en: `closest: ${belowEn}; ${aboveEn}` };
  let zh: string;
  let en: string;
  if (result.flat) {
    zh = `${lever.id} 不改变 ${target.id}（在 ${rangeText} 内恒为 ${show(result.below?.y ?? result.above?.y ?? Number.NaN)}），达不到 ${show(value)}`;
    en = `${lever.id} does not change ${target.id} (${show(result.below?.y ?? result.above?.y ?? Number.NaN)} throughout ${rangeText}): ${show(value)} cannot be reached`;
  } else if (result.reason === 'jump') {
    zh = `${target.id} 在 ${lever.id} 的两个相邻取值之间跳变，${show(value)} 落在跳变之中，无解。${closest.zh}`;
    en = `${target.id} jumps between two adjacent values of ${lever.id}; ${show(value)} lies inside the jump, no value reaches it. ${closest.en}`;
  } else {
    zh = `${lever.id} 在 ${rangeText} 内任何取值都达不到 ${target.id} = ${show(value)}。${closest.zh}`;
    en = `no value of ${lever.id} in ${rangeText} reaches ${target.id} = ${show(value)}. ${closest.en}`;
  }
  return { ok: false, reason: result.reason, below, above, message_zh: zh, message_en: en, settlements };
}

/** Solves for `value` of the target by the lever (texts as in §B). `params` must have passed parseRoundParams. */
export function solve(engine: SettlementEngine, tables: AnalysisTables, params: RoundParams, leverText: string, targetText: string, value: number): SolveOutcome {
  const lever = parseLever(leverText, tables);
  if (isInputError(lever)) return invalid(lever.error.message_zh, lever.error.message_en);
  const target = parseTarget(targetText);
  if (isInputError(target)) return invalid(target.error.message_zh, target.error.message_en);
  if (!Number.isFinite(value)) return invalid(`目标值须为有限数，而不是 ${String(value)}`, `the target value must be a finite number, not ${String(value)}`);
  const wrong = mismatch(lever, target, params);
  if (wrong) return invalid(`${lever.id} → ${target.id}：${wrong[0]}`, `${lever.id} → ${target.id}: ${wrong[1]}`);
  const current = leverValue(lever, params, tables);
  const range = leverRange(lever);
  const { f, state } = figureOf(engine, tables, params, lever, target);
  const result = searchRoot({
    f,
    target: value,
    tolerance: toleranceOf(target, value),
    ...range,
    start: current,
    scale: scaleOf(lever, current),
    logarithmic: lever.kind !== 'level_coefficients' && lever.kind !== 'hospital_coefficients' && lever.kind !== 'uniform_coefficient',
  });
  if (!result.ok) return unreachable(result, lever, target, value, state.settlements);
  const { x, y } = result.point;
  return { ok: true, value: x, achieved: y, residual: y - value, params: withLever(lever, params, tables, x), settlements: state.settlements };
}

/** The line the solve CLI prints: `LEVER = value; TARGET = achieved (residual r)`. */
export function solvedLine(lever: string, target: string, outcome: Extract<SolveOutcome, { ok: true }>): string {
  return `${lever} = ${show(outcome.value)}; ${target} = ${show(outcome.achieved)} (residual ${show(outcome.residual)})`;
}
