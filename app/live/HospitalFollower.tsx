'use client';
import { POOLS } from '@/worker/settlement/types';
import type { LiveHospitalFigures } from '@/server/live/protocol';
import { useLocale } from '../i18n/locale';
import { formatMoney, formatNumber, formatPercent, formatSignedWan, wanUnit } from '../lib/format';
import { StatementTable } from '../workbench/hospital/StatementTable';
import type { FollowerState } from './follower-state';
import { colon, inParens } from './punctuation';
import styles from './live.module.css';


const settlementFen = (statements: { settlementFen: number }[]) => statements.reduce((s, x) => s + x.settlementFen, 0);

/** The headline cards of one hospital: its settlement before and now, the change, and the city's figures. */
function HospitalCards({ figures, roundName }: { figures: LiveHospitalFigures; roundName: string }) {
  const { t, locale } = useLocale();
  const before = settlementFen(figures.baseline.statements);
  const after = settlementFen(figures.round.statements);
  const tone = after > before ? 'gain' : after < before ? 'loss' : '';
  const city = figures.round.city;
  return (
    <div className="cards" data-testid="live-hospital-cards">
      <div className="card">
        <div className="label">{t('live.settlement', { round: figures.baseline.name })}</div>
        <div className="value">{formatMoney(before / 100, locale)}</div>
      </div>
      <div className="card" data-testid="live-hospital-settlement" data-fen={after}>
        <div className="label">{t('live.settlement', { round: roundName })}</div>
        <div className="value">{formatMoney(after / 100, locale)}</div>
      </div>
      <div className="card" data-testid="live-hospital-change">
        <div className="label">{t('live.change')}{inParens(wanUnit(locale), locale)}</div>
        <div className={`value ${tone}`}>{formatSignedWan((after - before) / 100, locale)}</div>
        <div className={`label ${tone}`}>{before ? formatPercent((after - before) / Math.abs(before), locale) : '—'}</div>
      </div>
      {POOLS.filter((p) => city.pointValue[p] !== undefined).map((p) => (
        <div className="card" key={p}>
          <div className="label">{t('live.pointValue', { pool: t(`pool.${p}`) })}</div>
          <div className="value">{formatNumber(city.pointValue[p]!, locale, 4)}</div>
        </div>
      ))}
      <div className="card">
        <div className="label">{t('live.city')}</div>
        <div className="value">{formatMoney(city.settlementFen / 100, locale)}</div>
      </div>
      {figures.level ? (
        <div className="card">
          <div className="label">{t('live.level', { level: t(`level.${figures.level.level as 1 | 2 | 3}`), n: figures.level.hospitals })}</div>
          <div className="value">{formatSignedWan((figures.level.roundFen - figures.level.baselineFen) / 100, locale)} <span className={styles.unit}>{wanUnit(locale)}</span></div>
        </div>
      ) : null}
    </div>
  );
}

/** Its DRGs whose revenue moved most, baseline vs the presenter's round. */
function MovedDrgs({ figures }: { figures: LiveHospitalFigures }) {
  const { t, locale } = useLocale();
  if (!figures.drgs.length) return null;
  return (
    <table className={styles.drgTable} data-testid="live-hospital-drgs">
      <caption>{t('live.drgs')}</caption>
      <thead>
        <tr>
          <th>DRG</th>
          <th>{t('hospital.drgName')}</th>
          <th className="num">{t('hospitals.cases')}</th>
          <th className="num">{t('live.change')}{inParens(wanUnit(locale), locale)}</th>
        </tr>
      </thead>
      <tbody>
        {figures.drgs.map((d) => (
          <tr key={d.code}>
            <td>{d.code}</td>
            <td>{d.name}</td>
            <td className="num">{d.cases}</td>
            <td className={`num ${d.change > 0 ? 'gain' : d.change < 0 ? 'loss' : ''}`}>{formatSignedWan(d.change, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A hospital user's side of a live session: its own hospital and the city's totals under the presenter's current
 * parameters, settled on the server (the parameters never reach this page), updated at every change.
 */
export function HospitalFollower({ state, projector }: { state: FollowerState; projector: boolean }) {
  const { t, locale } = useLocale();
  const meta = state.meta!;
  const event = state.figures;
  const figures = event?.figures ?? null;
  const behind = !event || event.version < meta.version;
  const roundName = `${meta.round.name}${meta.dirty ? ` ${t('live.unsaved')}` : ''}`;
  return (
    <div className={styles.hospital} data-testid="live-hospital" data-version={event?.version ?? 0}>
      {projector ? null : <p className={styles.followNote}>{t('live.hospitalNote')}</p>}
      <p className={behind ? styles.warning : 'muted'} data-testid="live-figures-state" data-state={behind ? 'settling' : 'settled'}>
        {behind ? t('live.settlingServer') : t('live.asOf', { version: meta.version })}
      </p>
      {event?.error ? <p className="error" role="alert">{event.error.zh} / {event.error.en}</p> : null}
      {figures ? (
        <>
          <h2 className={styles.hospitalName} data-testid="live-hospital-name">
            {t('live.ownHospital')}{colon(locale)}{figures.hospital.code} {figures.hospital.name} · {t(`level.${figures.hospital.level as 1 | 2 | 3}`)}
          </h2>
          <HospitalCards figures={figures} roundName={roundName} />
          {projector ? null : <MovedDrgs figures={figures} />}
          {projector ? null : (
            <StatementTable
              code={figures.hospital.code}
              roundName={roundName}
              baselineName={figures.baseline.name}
              method={figures.round.city.method}
              basis={figures.round.city.basis}
              round={figures.round.statements}
              baseline={figures.baseline.statements}
            />
          )}
        </>
      ) : null}
    </div>
  );
}
