/**
 * How a number field writes the round's value and reads what was typed. Most fields show the stored value as it
 * is; a budget is stored in yuan (SETTLEMENT.md §6) but a bureau budgets in 万元, and "1,121,970,000" does not fit
 * a field a projector can read, so the budget fields show and take 万元 (112,197).
 */
import { fenOf } from '@/worker/settlement/rounding';
import { readNumber } from './validate';

export interface FieldUnit {
  /** the stored value as the field shows it */
  toText: (value: number) => string;
  /** what was typed, in the stored unit: null = blank, 'invalid' = not a number */
  fromText: (text: string) => number | null | 'invalid';
}

// Separators as in every figure of the app; at most six decimals (a fen of 万元), none when there are none.
const separated = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Large values with separators (3,000,000), small ones as typed (0.85): the stored unit itself. */
export function showNumber(value: number): string {
  return Math.abs(value) >= 1e4 ? separated.format(value) : String(value);
}

export const PLAIN_UNIT: FieldUnit = { toText: showNumber, fromText: readNumber };

/** 1 万元 = 1,000,000 fen */
const FEN_PER_WAN = 1e6;

/**
 * 万元 with thousands separators, exact to the fen (1,121,970,012.34 yuan → "112,197.001234"): the field shows the
 * stored budget, not a rounded figure, so leaving it untouched never changes the round.
 */
export function yuanToWanText(yuan: number): string {
  return separated.format(fenOf(yuan) / FEN_PER_WAN);
}

/** What was typed in 万元, as yuan to the fen ("112,197.5" → 1,121,975,000); separators and blanks as readNumber. */
export function wanTextToYuan(text: string): number | null | 'invalid' {
  const wan = readNumber(text);
  if (wan === null || wan === 'invalid') return wan;
  return fenOf(wan * 10_000) / 100;
}

/** Budgets (统筹基金预算): stored in yuan, typed and shown in 万元. */
export const WAN_UNIT: FieldUnit = { toText: yuanToWanText, fromText: wanTextToYuan };
