/**
 * The one formatter for money and counts on screen. Chinese: 元 / 万元 / 亿元; English: ¥ with k/M/bn.
 * Exports carry raw yuan; only the screen is abbreviated.
 */
import type { Locale } from '../i18n/messages';

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

/** Money in a fixed unit of 万元 (table columns: one unit per column so figures compare). */
export function formatWan(yuan: number, locale: Locale, digits = 2): string {
  return fixed(yuan / WAN, digits, locale);
}

/** Signed change in 万元, e.g. +12.30 / −4.05. */
export function formatSignedWan(yuan: number, locale: Locale, digits = 2): string {
  const text = formatWan(Math.abs(yuan), locale, digits);
  if (yuan > 0) return `+${text}`;
  if (yuan < 0) return `−${text}`;
  return text;
}

export function formatPercent(ratio: number, locale: Locale, digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  const sign = ratio > 0 ? '+' : ratio < 0 ? '−' : '';
  return `${sign}${fixed(Math.abs(ratio) * 100, digits, locale)}%`;
}

export function formatCount(n: number, locale: Locale): string {
  return fixed(n, 0, locale);
}

export function formatNumber(value: number, locale: Locale, digits: number): string {
  return fixed(value, digits, locale);
}

/** The money unit label of a column header. */
export function wanUnit(locale: Locale): string {
  return locale === 'zh' ? '万元' : '10k yuan';
}
