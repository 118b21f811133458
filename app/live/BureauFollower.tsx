'use client';
import { useCallback, useDeferredValue, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { LiveMeta } from '@/server/live/protocol';
import type { RoundParams } from '@/worker/settlement/round';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { useDatasetColumns } from '../workbench/engine/useDatasetColumns';
import { useSettlement } from '../workbench/engine/useSettlement';
import { ComparisonView } from '../workbench/compare/ComparisonView';
import { SettleStatus } from '../workbench/SettleStatus';
import { LoadProgress } from '../workbench/LoadProgress';
import { inLineageOrder, sortByRoundOrder } from '../workbench/rounds/round-order';
import { ParamsEditingProvider } from '../workbench/params/EditContext';
import { LevelCoefficients } from '../workbench/params/LevelCoefficients';
import { useEditingValues } from '../workbench/params/ParamsEditor';
import type { CatalogEntryWithVolume, HospitalTotal } from '@/server/services/dataset-queries';
import { PinnedHospitals, usePinnedHospitals } from './PinnedHospitals';
import paramsStyles from '../workbench/params/params.module.css';
import leverStyles from '../workbench/params/lever-drawer.module.css';
import styles from './live.module.css';

const ignore = () => undefined;

/** The presenter's quick levers, as the presenter has them now: shown, never editable here. */
function FollowedLevers({ params, catalog, hospitals, status }: { params: RoundParams; catalog: CatalogEntryWithVolume[]; hospitals: HospitalTotal[]; status: ReactNode }) {
  const { t } = useLocale();
  const { actions, values } = useEditingValues({ params, onChange: ignore, catalog, hospitals, readOnly: true });
  return (
    <ParamsEditingProvider actions={actions} values={values}>
      <div className={`panel ${leverStyles.quick} ${paramsStyles.inline}`} data-testid="quick-levers">
        <strong>{t('live.levers')}</strong>
        <span className={styles.followNote}>{t('live.leversNote')}</span>
        <LevelCoefficients />
        <span className={styles.leversStatus}>{status}</span>
      </div>
    </ParamsEditingProvider>
  );
}

/**
 * The bureau's side of a live session: the presenter's workbench in follower mode. The presenter's parameters
 * come over the event stream; this page settles them, the baseline and the compared rounds in its own workers.
 */
export function BureauFollower({ meta, params, projector }: { meta: LiveMeta; params: RoundParams | null; projector: boolean }) {
  const trpc = useTRPC();
  const { datasetId } = meta;
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const roundsQuery = useQuery(trpc.rounds.list.queryOptions({ datasetId }));
  const catalog = useQuery(trpc.datasets.catalog.queryOptions({ datasetId }));
  const hospitals = useQuery(trpc.datasets.hospitals.queryOptions({ datasetId }));
  const rounds = useMemo(() => inLineageOrder(roundsQuery.data ?? []), [roundsQuery.data]);
  // a round saved during the session (另存为) is new to this page: read the rounds again
  const shownIds = [meta.round.id, meta.baseline.id, ...meta.compared.map((r) => r.id)];
  const unknown = roundsQuery.data !== undefined && shownIds.some((id) => !rounds.some((r) => r.id === id));
  const { refetch } = roundsQuery;
  useEffect(() => {
    if (unknown) void refetch();
  }, [unknown, meta.version, refetch]);

  const dataset = datasets.data?.find((d) => d.id === datasetId) ?? null;
  const key = dataset ? `${datasetId}-${dataset.version}` : null;
  const { columns, progress, error } = useDatasetColumns(datasetId, key);
  const baseline = rounds.find((r) => r.id === meta.baseline.id) ?? null;
  const extras = meta.compared.map((c) => rounds.find((r) => r.id === c.id) ?? null);
  const baseResult = useSettlement(key, columns, (baseline?.params ?? null) as RoundParams | null, false, true);
  // the presenter's levers show a change at once; the comparison of it follows in a render of its own
  const settledParams = useDeferredValue(params);
  const editedResult = useSettlement(key, columns, settledParams, false, true);
  const extra0 = useSettlement(key, columns, (extras[0]?.params ?? null) as RoundParams | null);
  const extra1 = useSettlement(key, columns, (extras[1]?.params ?? null) as RoundParams | null);
  const extra2 = useSettlement(key, columns, (extras[2]?.params ?? null) as RoundParams | null);
  const extraResults = [extra0, extra1, extra2].slice(0, meta.compared.length);
  const { pinned, pin, unpin } = usePinnedHospitals();
  const openHospital = useCallback((code: string) => pin(code), [pin]);
  const { t } = useLocale();

  const roundName = `${meta.round.name}${meta.dirty ? ` ${t('live.unsaved')}` : ''}`;
  const compared = sortByRoundOrder(
    [
      { id: meta.round.id, name: roundName, settlement: editedResult, edited: true },
      ...meta.compared.map((r, i) => ({ id: r.id, name: r.name, settlement: extraResults[i]!, edited: false })),
    ],
    rounds,
  );
  const hospitalList = hospitals.data ?? [];
  return (
    <div className={styles.bureau}>
      {!columns ? <LoadProgress progress={progress} error={error} /> : null}
      {params ? <FollowedLevers params={params} catalog={catalog.data ?? []} hospitals={hospitalList} status={<SettleStatus settlements={[baseResult, editedResult, ...extraResults]} />} /> : null}
      <PinnedHospitals
        hospitals={hospitalList}
        pinned={pinned}
        onPin={pin}
        onUnpin={unpin}
        baselineName={meta.baseline.name}
        roundName={roundName}
        baseline={baseResult.contract}
        round={editedResult.contract}
        projector={projector}
      />
      {projector ? null : (
        <ComparisonView
          hospitals={hospitalList}
          baselineName={meta.baseline.name}
          baseline={baseResult}
          compared={compared}
          onOpenHospital={openHospital}
          exportName={`${dataset?.name ?? ''}-${meta.round.name}-vs-${meta.baseline.name}-live`}
          report={false}
          diff={{ fromId: meta.baseline.id, toId: meta.round.id }}
        />
      )}
    </div>
  );
}
