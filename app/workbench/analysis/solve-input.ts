/**
 * The 求解 panel's figures (pure): a target's value as the user types it (money in 万元, the others as they
 * are) and back, and how a lever's or a target's value is written on screen. The solve itself takes yuan and
 * plain figures (ANALYSIS.md §B).
 */
import type { Locale } from '../../i18n/messages';
import type { TargetUnit } from '@/worker/analysis/targets';
import { decimalFigure, formatNumber, formatWan, wanUnit } from '../../lib/format';
import { readNumber } from '../params/validate';

const WAN = 1e4;

/** decimals a figure of each unit is typed and shown with */
const DIGITS: Record<TargetUnit, number> = { yuan: 2, ratio: 6, point_value: 6, index: 6 };

/** The input's text for a current figure: money as 万元 (2 decimals), others with 6 decimals. */
export function inputText(unit: TargetUnit, value: number): string {
  if (!Number.isFinite(value)) return '';
  const shown = unit === 'yuan' ? decimalFigure(value / WAN, DIGITS.yuan) : decimalFigure(value, DIGITS[unit]);
  return String(shown);
}

/** The typed text as the solve's value (yuan for money), or null when it is not a finite number. */
export function parseInput(unit: TargetUnit, text: string): number | null {
  const value = readNumber(text);
  if (value === null || value === 'invalid') return null;
  // 万元 typed → yuan to the fen
  return unit === 'yuan' ? decimalFigure(value * WAN, 2) : value;
}

/** A target's figure on screen: money in 万元, the others with 6 decimals. */
export function formatTarget(unit: TargetUnit, value: number, locale: Locale): string {
  if (unit === 'yuan') return `${formatWan(value, locale)} ${wanUnit(locale)}`;
  return formatNumber(value, locale, DIGITS[unit]);
}

export type LeverGroup = 'rates' | 'coefficients' | 'hospitals' | 'weights';

/** Where a lever is listed in the select: rates and budgets, level and uniform coefficients, each hospital, weights. */
export function leverGroup(id: string): LeverGroup {
  if (id.startsWith('hospital_coefficients.')) return 'hospitals';
  if (id === 'weights_scale') return 'weights';
  if (id.startsWith('rate') || id.startsWith('budget.')) return 'rates';
  return 'coefficients';
}

/** A lever's value on screen: a budget in 万元, a rate in yuan (2 decimals), a coefficient or scale with 6 decimals. */
export function formatLever(id: string, value: number, locale: Locale): string {
  if (id.startsWith('budget.')) return `${formatWan(value, locale)} ${wanUnit(locale)}`;
  if (id.startsWith('rate')) return `${formatNumber(value, locale, 2)} ${locale === 'zh' ? '元' : 'yuan'}`;
  return formatNumber(value, locale, 6);
}

/** The default target of a lever: its own pool's fund payments (a budget, a rate), else the employee pool's. */
export function defaultTarget(leverId: string, targetIds: readonly string[]): string | null {
  const pool = /(employee|resident)/.exec(leverId)?.[1] ?? 'employee';
  return targetIds.find((id) => id === `fund_payment.${pool}`) ?? targetIds[0] ?? null;
}
