/**
 * Which §6 keys the money step alone reads (SETTLEMENT.md §4), and the check that a round settled on a tally
 * (kernel/tallied.ts) differs from the tallied round only in those.
 */
import { resolveRound, type ResolvedRound, type RoundParams } from '../round';
import type { TallyState } from '../kernel/tallied';

/**
 * The §6 keys that the money step alone reads (SETTLEMENT.md §4): a change of only these needs no new pass.
 * Every other key is read by the pass — classes (§2), points (§3), or the ungrouped points that follow
 * from the tally (`base_points`, `ungrouped_ratio`; `base_points` is also the rate's divisor in 费率法).
 */
export const MONEY_ONLY_KEYS: readonly (keyof RoundParams)[] = Object.freeze([
  'method',
  'point_value_basis',
  'budget',
  'rate',
  'rate_by_level',
  'monthly_point_value',
  'prepay_ratio',
  'reserve_ratio',
  'sharing_bands',
  'surplus_cap',
  'eval_bands',
  'evaluation_scores',
] as const);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(recordB, key) && sameValue(recordA[key], recordB[key]));
}

/** The keys (outside MONEY_ONLY_KEYS) whose effective values differ between two rounds. */
export function passKeysChanged(tallied: ResolvedRound, round: ResolvedRound): string[] {
  const moneyOnly = new Set<string>(MONEY_ONLY_KEYS);
  return Object.keys(round).filter((key) => !moneyOnly.has(key) && !sameValue(tallied[key as keyof ResolvedRound], round[key as keyof ResolvedRound]));
}

/** The resolved `params`, checked to differ from the tallied round's only in MONEY_ONLY_KEYS (throws otherwise). */
export function moneyRoundOf(state: TallyState, params: RoundParams): ResolvedRound {
  const round = resolveRound(params);
  const changed = passKeysChanged(state.round, round);
  if (changed.length > 0) {
    const keys = changed.join(', ');
    throw new Error(`参数 ${keys} 影响病例分类或点数，需重新计数（engine.tally） / ${keys} change the pass: tally the round again (engine.tally)`);
  }
  return round;
}
