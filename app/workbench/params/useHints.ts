'use client';
import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { formatNumber, formatWan } from '../../lib/format';

/** Notes under number fields, so the panel reads a ratio as a percentage and a budget in 万元. */
export function useHints(): { percent: (ratio: number) => string; wan: (yuan: number) => string } {
  const { t, locale } = useLocale();
  return useMemo(
    () => ({
      percent: (ratio: number) => t('params.percent', { value: `${formatNumber(ratio * 100, locale, ratio * 100 === Math.round(ratio * 100) ? 0 : 1)}%` }),
      wan: (yuan: number) => t('params.wan', { value: formatWan(yuan, locale) }),
    }),
    [t, locale],
  );
}
