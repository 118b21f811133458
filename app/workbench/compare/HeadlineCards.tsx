'use client';
import { memo } from 'react';
import { useLocale } from '../../i18n/locale';
import { formatMoney, formatNumber, formatSignedWan, wanUnit } from '../../lib/format';
import type { Headline } from './impact';
import styles from './headline.module.css';
import { WarningIcon } from '../../components/icons';

/**
 * 核心指标 first: point values, settlement and fund payments vs budget (a pool whose fund payments exceed its budget,
 * as 费率法 allows, is flagged), the reserve used as sharing and incentive, gainers/losers, largest gain and loss.
 */
export const HeadlineCards = memo(function HeadlineCards({ headline, names }: { headline: Headline; names: Map<string, string> }) {
  const { t, locale } = useLocale();
  const name = (code: string) => `${code} ${names.get(code) ?? ''}`;
  const over = headline.overBudget.length > 0;
  return (
    <div className="cards" data-testid="headline">
      {Object.entries(headline.pointValue).map(([pool, value]) => (
        <div className="card" key={pool} data-testid={`headline-point-value-${pool}`}>
          <div className="label">{t(pool === 'employee' ? 'pool.employee' : 'pool.resident')} {t('chart.pointValue')}</div>
          <div className="value">{formatNumber(value, locale, 4)}</div>
        </div>
      ))}
      <div className="card" data-testid="headline-settlement">
        <div className="label">{t('headline.settlementVsBudget')}</div>
        <div className="value">{formatMoney(headline.settlement, locale)}</div>
      </div>
      <div className={over ? `card ${styles.overBudget}` : 'card'} data-testid="headline-fund" data-over-budget={over ? 'true' : undefined}>
        <div className="label">{t('headline.fundVsBudget')}</div>
        <div className={over ? 'value loss' : 'value'}>{formatMoney(headline.fundPayment, locale)}</div>
        <div className="muted">{t('headline.budget')} {formatMoney(headline.budget, locale)}</div>
        {headline.overBudget.map((o) => (
          <div key={o.pool} className={styles.flag} role="alert" data-testid={`headline-over-budget-${o.pool}`}>
            <WarningIcon /> {t('headline.overBudgetPool', { pool: t(`pool.${o.pool}`), excess: formatMoney(o.excess, locale) })}
          </div>
        ))}
      </div>
      <div className="card" data-testid="headline-reserve">
        <div className="label">{t('headline.reserveUsed')}</div>
        <div className="value">{formatMoney(headline.reserveUsed, locale)}</div>
        <div className="muted">{t('headline.reserve')} {formatMoney(headline.reserve, locale)}</div>
        <div className="muted">{t('headline.reserveSplit', { sharing: formatMoney(headline.sharing, locale), incentive: formatMoney(headline.incentive, locale) })}</div>
      </div>
      <div className="card" data-testid="headline-gainers">
        <div className="label">{t('headline.gainLose')}</div>
        <div className="value">
          <span className="gain">{headline.gaining}</span> / <span className="loss">{headline.losing}</span>
        </div>
      </div>
      <div className="card">
        <div className="label">{t('headline.largestGain')} ({wanUnit(locale)})</div>
        <div className="value gain">{headline.largestGain ? formatSignedWan(headline.largestGain.yuan, locale) : '—'}</div>
        <div className="muted">{headline.largestGain ? name(headline.largestGain.code) : ''}</div>
      </div>
      <div className="card">
        <div className="label">{t('headline.largestLoss')} ({wanUnit(locale)})</div>
        <div className="value loss">{headline.largestLoss ? formatSignedWan(headline.largestLoss.yuan, locale) : '—'}</div>
        <div className="muted">{headline.largestLoss ? name(headline.largestLoss.code) : ''}</div>
      </div>
    </div>
  );
});
