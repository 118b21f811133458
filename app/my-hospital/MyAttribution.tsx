'use client';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { HospitalAttribution } from '../workbench/analysis/HospitalAttribution';
import { attributionRows, mergeDrillLines, poolsOf, type FigureName, type PoolChoice } from '../workbench/analysis/attribution-rows';
import styles from '../workbench/analysis/analysis.module.css';
import { FigurePoolSelects } from '../workbench/analysis/FigurePoolSelects';

export interface MyAttributionProps {
  datasetId: number;
  baselineId: number;
  roundId: number;
  /** the bureau's side names the hospital; a hospital user's is its own (the server decides) */
  hospitalCode: string | null;
  exportName: string;
}

/**
 * 本院变动归因: the hospital's change between the two rounds split over the five lever families, and its weights
 * part by DRG, computed on the server (myHospital.attribution) for this hospital alone.
 */
export function MyAttribution(props: MyAttributionProps) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const [figure, setFigure] = useState<FigureName>('settlement');
  const [pool, setPool] = useState<PoolChoice>('all');
  const query = useQuery(
    trpc.myHospital.attribution.queryOptions({
      datasetId: props.datasetId,
      baselineId: props.baselineId,
      roundId: props.roundId,
      ...(props.hospitalCode ? { hospitalCode: props.hospitalCode } : {}),
    }),
  );
  const data = query.data;
  const row = useMemo(() => {
    if (!data) return null;
    const names = new Map([[data.hospital.code, { name: data.hospital.name, level: data.hospital.level }]]);
    return attributionRows({ hospitals: data.rows }, names, pool, figure)[0] ?? null;
  }, [data, pool, figure]);
  const drill = useMemo(() => {
    if (!data) return null;
    const pools = poolsOf(pool);
    const chosen = data.drgs.filter((d) => pools.includes(d.pool));
    return chosen.every((d) => d.lines.length === 0) ? ('none' as const) : mergeDrillLines(chosen.map((d) => d.lines));
  }, [data, pool]);

  return (
    <section data-testid="my-attribution" data-state={data ? 'done' : query.error ? 'error' : 'computing'}>
      <div className={styles.controls}>
        <h3>{data ? t('myAttribution.title', { round: data.round.name, baseline: data.baseline.name }) : t('view.attribution')}</h3>
        <FigurePoolSelects figure={figure} pool={pool} onFigure={setFigure} onPool={setPool} testId="my-attribution" />
      </div>
      {query.error ? <p className="error" role="alert">{t('analysis.error', { message: query.error.message })}</p> : null}
      {!data ? (
        query.error ? null : <p className="muted">{t('myAttribution.computing')}</p>
      ) : row && data.changed.length > 0 ? (
        <HospitalAttribution
          hospital={`${data.hospital.code} ${data.hospital.name}`}
          figureName={t(`analysis.figure.${figure}`)}
          figures={row}
          drill={drill}
          poolName={pool === 'all' ? t('analysis.pool.all') : t(`pool.${pool}`)}
          exportName={`${props.exportName}-attribution`}
          testId="my-attribution-hospital"
        />
      ) : (
        <p className="muted">{t('analysis.noChange')}</p>
      )}
    </section>
  );
}
