/**
 * The one formatter for money and counts on screen. Chinese: 元 / 万元 / 亿元; English: ¥ with k/M/bn.
 * A table's fixed-unit figures (万元, %, counts, decimals) are first rounded to the figure shown (`wanFigure`,
 * `percentFigure`, `decimalFigure`), then written: exports carry that same figure (app/lib/column-format.ts).
 */
import type { Locale } from '../i18n/messages';
import { fenOf } from '@/worker/settlement/rounding';

const WAN = 1e4;
const YI = 1e8;

// Intl.NumberFormat is costly to build and cheap to use: tables format thousands of figures per rerun.
const formatters = new Map<string, Intl.NumberFormat>();

function fixed(value: number, digits: number, locale: Locale): string {
  const key = `${locale}:${digits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** Money in the most readable unit: 3.21亿元, 45.67万元, 980元. */
export function formatMoney(yuan: number, locale: Locale): string {
  const abs = Math.abs(yuan);
  if (locale === 'zh') {
    if (abs >= YI) return `${fixed(yuan / YI, 2, locale)}亿元`;
    if (abs >= WAN) return `${fixed(yuan / WAN, 2, locale)}万元`;
    return `${fixed(yuan, 0, locale)}元`;
  }
  if (abs >= 1e9) return `¥${fixed(yuan / 1e9, 2, locale)} bn`;
  if (abs >= 1e6) return `¥${fixed(yuan / 1e6, 2, locale)} M`;
  if (abs >= 1e3) return `¥${fixed(yuan / 1e3, 1, locale)} k`;
  return `¥${fixed(yuan, 0, locale)}`;
}

/** Half away from zero to an integer (as §4.5 rounds money), for the figures shown. */
function roundHalfAway(x: number): number {
  const n = Math.floor(Math.abs(x) + 0.5);
  return x < 0 ? -n : n;
}

/**
 * `value` rounded to `digits` decimals, half away from zero, as the nearest double to that decimal (an integer
 * divided by a power of ten), so a figure read back from an export prints as the screen shows it.
 */
export function decimalFigure(value: number, digits: number): number {
  const scale = 10 ** digits;
  return roundHalfAway(value * scale) / scale || 0;
}

/**
 * 万元 as a table shows them: the yuan rounded to the fen first (§4.5), then the fen to `digits` decimals of
 * 万元 (1 万元 = 1,000,000 fen), e.g. 14,957,054.489999998 yuan → 1,495,705,449 fen → 1495.71.
 */
export function wanFigure(yuan: number, digits = 2): number {
  return wanOfFen(fenOf(yuan), digits);
}

/** 万元 with `digits` decimals from whole fen, half away from zero: the second step of `wanFigure`. */
export function wanOfFen(fen: number, digits = 2): number {
  return roundHalfAway(fen / 10 ** (6 - digits)) / 10 ** digits || 0;
}

/** A ratio as the percent figure shown, e.g. −0.03349 → −3.3 (percentage points, `digits` decimals). */
export function percentFigure(ratio: number, digits = 1): number {
  return decimalFigure(ratio * 100, digits);
}

/** Money in a fixed unit of 万元 (table columns: one unit per column so figures compare). */
export function formatWan(yuan: number, locale: Locale, digits = 2): string {
  return fixed(wanFigure(yuan, digits), digits, locale);
}

/** Signed change in 万元, e.g. +12.30 / −4.05 (no sign when it shows as 0.00). */
export function formatSignedWan(yuan: number, locale: Locale, digits = 2): string {
  return signed(wanFigure(yuan, digits), digits, locale);
}

/** A ratio as a signed percentage, e.g. −5.1% (no sign when it shows as 0.0%; — when there is no ratio). */
export function formatPercent(ratio: number, locale: Locale, digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${signed(percentFigure(ratio, digits), digits, locale)}%`;
}

/** A figure already rounded as shown, with + or − (the typographic minus of the tables). */
function signed(figure: number, digits: number, locale: Locale): string {
  const text = fixed(Math.abs(figure), digits, locale);
  return figure > 0 ? `+${text}` : figure < 0 ? `−${text}` : text;
}

export function formatCount(n: number, locale: Locale): string {
  return fixed(decimalFigure(n, 0), 0, locale);
}

export function formatNumber(value: number, locale: Locale, digits: number): string {
  return fixed(decimalFigure(value, digits), digits, locale);
}

/** The money unit label of a column header. */
export function wanUnit(locale: Locale): string {
  return locale === 'zh' ? '万元' : '10k yuan';
}

/**
 * A stored ISO instant (UTC) as the viewer's local date and time, "2024-03-05 14:07" (with `seconds`, ":09"): the
 * bureau works in China time, and the audit log's date filter is in local days too.
 */
export function localTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.replace('T', ' ').slice(0, seconds ? 19 : 16);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${time}`;
}
