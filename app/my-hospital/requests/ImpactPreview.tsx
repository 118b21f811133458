'use client';
import { useLocale } from '../../i18n/locale';
import { formatMoney, formatPercent, formatSignedWan, wanUnit } from '../../lib/format';
import { StatementTable } from '../../workbench/hospital/StatementTable';
import type { HospitalComparison } from '@/server/services/hospital-view';

const settlementFen = (statements: { settlementFen: number }[]) => statements.reduce((sum, s) => sum + s.settlementFen, 0);

/**
 * What a request would do, settled on the server: the hospital's own settlement and statement under the round and
 * under the round with the request's changes, and the city's totals (another hospital is never named).
 */
export function ImpactPreview({ impact }: { impact: HospitalComparison }) {
  const { t, locale } = useLocale();
  const before = settlementFen(impact.baseline.statements);
  const after = settlementFen(impact.round.statements);
  const change = after - before;
  const cityBefore = impact.baseline.city;
  const cityAfter = impact.round.city;
  const signed = (fen: number) => `${formatSignedWan(fen / 100, locale)} ${wanUnit(locale)}`;
  return (
    <section data-testid="request-impact">
      <h3>{t('requests.impactTitle', { round: impact.baseline.name })}</h3>
      <div className="cards">
        <div className="card">
          <div className="label">{impact.baseline.name} · {t('requests.ownSettlement')}</div>
          <div className="value">{formatMoney(before / 100, locale)}</div>
        </div>
        <div className="card">
          <div className="label">{t('requests.withChanges')} · {t('requests.ownSettlement')}</div>
          <div className="value">{formatMoney(after / 100, locale)}</div>
        </div>
        <div className="card" data-testid="request-impact-change">
          <div className="label">{t('requests.ownChange')}</div>
          <div className={`value ${change > 0 ? 'gain' : change < 0 ? 'loss' : ''}`}>{signed(change)}</div>
          <div className="muted">{before ? formatPercent(change / Math.abs(before), locale) : '—'}</div>
        </div>
        <div className="card">
          <div className="label">{t('requests.citySettlement')}</div>
          <div className="value">{formatMoney(cityAfter.settlementFen / 100, locale)}</div>
          <div className="muted">{signed(cityAfter.settlementFen - cityBefore.settlementFen)}</div>
        </div>
        <div className="card">
          <div className="label">{t('requests.cityFund')}</div>
          <div className="value">{formatMoney(cityAfter.fundPaymentFen / 100, locale)}</div>
          <div className="muted">{signed(cityAfter.fundPaymentFen - cityBefore.fundPaymentFen)}</div>
        </div>
      </div>
      <StatementTable
        code={impact.hospital.code}
        roundName={t('requests.withChanges')}
        baselineName={impact.baseline.name}
        method={cityAfter.method}
        basis={cityAfter.basis}
        round={impact.round.statements}
        baseline={impact.baseline.statements}
      />
    </section>
  );
}
