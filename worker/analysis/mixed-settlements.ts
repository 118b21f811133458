/**
 * Settling the mixed rounds of a decomposition (ANALYSIS.md §A.2) so that they share what they can: rounds that
 * differ only in money keys (MONEY_ONLY_KEYS: budgets, rates, clearing rules …) are settled on one tally
 * (`engine.tally` once, `engine.settleTally` each), and the tallies come in an order that keeps the engine's
 * classes (case rules and weights outermost: they change the classes; coefficients within).
 */
import { MONEY_ONLY_KEYS, type SettlementEngine, type SettlementSummary } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import { ALL_FAMILIES, canonical, familyBit, mixedRound } from './families';

const WEIGHTS = familyBit('weights');
const RATES = familyBit('rates');
const COEFFICIENTS = familyBit('coefficients');
const CASE_RULES = familyBit('case_rules');
const CLEARING = familyBit('clearing');
/** the families whose keys the pass reads (rates only through base_points) */
export const PASS_FAMILIES = WEIGHTS | COEFFICIENTS | CASE_RULES;

/** Sort key of a mask: case rules, then weights (the classes), then coefficients, rates, clearing. */
export function settleOrder(mask: number): number {
  const bit = (family: number) => ((mask & family) !== 0 ? 1 : 0);
  return (bit(CASE_RULES) << 4) | (bit(WEIGHTS) << 3) | (bit(COEFFICIENTS) << 2) | (bit(RATES) << 1) | bit(CLEARING);
}

const moneyOnly = new Set<string>(MONEY_ONLY_KEYS);

/** The keys of a round that its pass reads, as one comparable text. */
function passKeyOf(params: RoundParams): string {
  return canonical(Object.fromEntries(Object.entries(params).filter(([key]) => !moneyOnly.has(key))));
}

/**
 * Settles R_mask for each mask (each once), tallies shared between rounds with the same pass, and hands each
 * result to `visit` as it comes (so that the caller keeps only what it needs of it).
 */
export function settleMixed(
  engine: SettlementEngine,
  from: RoundParams,
  to: RoundParams,
  masks: readonly number[],
  cells: boolean,
  visit: (mask: number, result: SettlementSummary) => void,
): void {
  const ordered = [...new Set(masks.map((mask) => mask & ALL_FAMILIES))].sort((a, b) => settleOrder(a) - settleOrder(b));
  const groups = new Map<string, { mask: number; params: RoundParams }[]>();
  for (const mask of ordered) {
    const params = mixedRound(from, to, mask);
    const key = passKeyOf(params);
    const group = groups.get(key);
    if (group) group.push({ mask, params });
    else groups.set(key, [{ mask, params }]);
  }
  for (const group of groups.values()) {
    const tallied = engine.tally(group[0]!.params);
    for (const { mask, params } of group) visit(mask, engine.settleTally(tallied, params, cells));
  }
}

/** Every subset of `changed`, in settle order. */
export function subsetsOf(changed: number): number[] {
  const masks: number[] = [];
  for (let mask = 0; mask <= ALL_FAMILIES; mask++) if ((mask & ~changed) === 0) masks.push(mask);
  return masks.sort((a, b) => settleOrder(a) - settleOrder(b));
}
