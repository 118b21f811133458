'use client';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { formatMoney, formatNumber } from '../../lib/format';

/** Notes under number fields, so the panel reads a ratio as a percentage and a budget typed in 万元 in its own unit (亿元). */
export function useHints(): { percent: (ratio: number) => string; money: (yuan: number) => string } {
  const { t, locale } = useLocale();
  return useMemo(
    () => ({
      percent: (ratio: number) => t('params.percent', { value: `${formatNumber(ratio * 100, locale, ratio * 100 === Math.round(ratio * 100) ? 0 : 1)}%` }),
      money: (yuan: number) => t('params.money', { value: formatMoney(yuan, locale) }),
    }),
    [t, locale],
  );
}
