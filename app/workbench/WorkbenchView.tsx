'use client';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import type { RoundParams } from '@/worker/settlement/round';
import { useWorkbenchUrl } from './useWorkbenchUrl';
import { useDatasetColumns } from './engine/useDatasetColumns';
import { useSettlement } from './engine/useSettlement';
import { prestartSettlementWorkers } from './engine/bridge';
import { useUndoableParams } from './params/useUndoable';
import { ParamsEditor, type ParamsEditorProps } from './params/ParamsEditor';
import { ComparisonLevers } from './params/LeverDrawer';
import { FirstRound } from './FirstRound';
import { RoundsPanel } from './rounds/RoundsPanel';
import { inLineageOrder, sortByRoundOrder } from './rounds/round-order';
import { RoundToolbar } from './RoundToolbar';
import { LivePresenter } from './live/LiveControls';
import { ComparisonView } from './compare/ComparisonView';
import { DiffView } from './diff/DiffView';
import { HospitalView } from './hospital/HospitalView';
import { AnalysisViews, isAnalysisView } from './analysis/AnalysisViews';
import { SettleStatus } from './SettleStatus';
import { RequestChangesNote, useRequestChanges } from './requests/useRequestChanges';
import { LoadProgress } from './LoadProgress';
import { ExportSubjectProvider } from '../components/ExportSubject';
import type { ExportSubject } from '../lib/export-about';

/** Further rounds compared beside the edited one, each settled in a worker of its own. */
export const MAX_EXTRA_ROUNDS = 3;

// the baseline's and the edited round's workers start when this code first runs, while the page hydrates
prestartSettlementWorkers(2);

/** 谈判工作台: pick rounds, edit levers, rerun the year in workers, compare hospital by hospital. */
export function WorkbenchView({ initialDataset = null }: { initialDataset?: { id: number; version: number } | null }) {
  const trpc = useTRPC();
  const { t } = useLocale();
  const [url, setUrl] = useWorkbenchUrl();
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const datasetId = url.datasetId ?? datasets.data?.[0]?.id ?? initialDataset?.id ?? null;
  const dataset = datasets.data?.find((d) => d.id === datasetId) ?? null;
  const enabled = datasetId !== null;
  const roundsQuery = useQuery(trpc.rounds.list.queryOptions({ datasetId: datasetId ?? 0 }, { enabled }));
  const catalog = useQuery(trpc.datasets.catalog.queryOptions({ datasetId: datasetId ?? 0 }, { enabled }));
  const hospitals = useQuery(trpc.datasets.hospitals.queryOptions({ datasetId: datasetId ?? 0 }, { enabled }));
  // by lineage and creation, everywhere: selects, compared columns, charts, 较上一轮
  const rounds = useMemo(() => inLineageOrder(roundsQuery.data ?? []), [roundsQuery.data]);

  const round = rounds.find((r) => r.id === url.roundId) ?? rounds[rounds.length - 1] ?? null;
  const baseline = rounds.find((r) => r.id === url.baselineId) ?? rounds[0] ?? null;
  const extras = url.compareIds
    .map((id) => rounds.find((r) => r.id === id))
    .filter((r): r is NonNullable<typeof r> => !!r && r.id !== round?.id)
    .slice(0, MAX_EXTRA_ROUNDS);

  // an edit, undo or redo starts its settlement in its own event, before React renders it (settleNow)
  const settleEdit = useRef<((params: RoundParams) => void) | null>(null);
  const draft = useUndoableParams((round?.params ?? null) as RoundParams | null, useCallback((next: RoundParams) => settleEdit.current?.(next), []));
  const { reset } = draft;
  useEffect(() => {
    if (round) reset(round.params as RoundParams);
  }, [round?.id, round?.updatedAt, reset]);
  // opened from the requests queue (?requests=1,2): their changes applied once as an unsaved edit
  const requestChanges = useRequestChanges(round?.id ?? null, draft);

  // the server page's data set until the list arrives: the columns and the workers need not wait for it
  const version = dataset?.version ?? (!datasets.data && initialDataset?.id === datasetId ? initialDataset.version : null);
  const key = datasetId !== null && version !== null ? `${datasetId}-${version}` : null;
  const { columns, progress, error: columnsError } = useDatasetColumns(datasetId, key);

  // the hospital × DRG cells only for a hospital's page: every other view settles without them
  const cells = url.view === 'hospital';
  // the baseline's and the edited round's workers start and load the columns before the rounds arrive
  const baseResult = useSettlement(key, columns, (baseline?.params ?? null) as RoundParams | null, cells, true);
  const editedResult = useSettlement(key, columns, draft.params, cells, true);
  const { settleNow } = editedResult;
  useLayoutEffect(() => {
    settleEdit.current = settleNow;
  }, [settleNow]);
  const extra0 = useSettlement(key, columns, (extras[0]?.params ?? null) as RoundParams | null);
  const extra1 = useSettlement(key, columns, (extras[1]?.params ?? null) as RoundParams | null);
  const extra2 = useSettlement(key, columns, (extras[2]?.params ?? null) as RoundParams | null);
  const extraResults = [extra0, extra1, extra2].slice(0, extras.length);
  // once per change of the draft or the round, not on each rerun's render (two JSON texts of every parameter)
  const roundParams = round?.params;
  const dirty = useMemo(() => draft.params !== null && roundParams !== undefined && JSON.stringify(draft.params) !== JSON.stringify(roundParams), [draft.params, roundParams]);
  const openHospital = useCallback((code: string) => setUrl({ view: 'hospital', hospital: code }), [setUrl]);

  if (datasets.isLoading || roundsQuery.isLoading) return <p>{t('common.loading')}</p>;
  if (!datasetId || !dataset) return <p>{t('datasets.empty')}</p>;
  if (!round || !baseline) return <FirstRound datasets={datasets.data ?? []} dataset={dataset} onChange={setUrl} />;

  const editorProps = (params: RoundParams): ParamsEditorProps => ({
    params,
    onChange: draft.apply,
    catalog: catalog.data ?? [],
    hospitals: hospitals.data ?? [],
    readOnly: round.status === 'locked',
  });
  const roundName = dirty ? `${round.name} ${t('workbench.unsaved')}` : round.name;
  // in lineage order: the edited round (its unsaved edits, its name with 未保存) sits where its round stands
  const compared = sortByRoundOrder(
    [
      { id: round.id, name: roundName, params: draft.params, settlement: editedResult, edited: true },
      ...extras.map((r, i) => ({ id: r.id, name: r.name, params: r.params, settlement: extraResults[i]!, edited: false })),
    ],
    rounds,
  );

  // what the tables' exports say they hold: the data set, the baseline and the rounds shown, with their parameters
  // (the parameters' tables are of the edited round alone; the diff compares the saved rounds)
  const shownRounds =
    url.view === 'compare' || url.view === 'report'
      ? compared.map((c) => ({ name: c.name, params: c.params }))
      : url.view === 'diff'
        ? [{ name: round.name, params: round.params }]
        : [{ name: roundName, params: draft.params }];
  const exportSubject: ExportSubject = {
    dataset: dataset.name,
    ...(url.view === 'params' ? {} : { baseline: { name: baseline.name, params: baseline.params } }),
    rounds: shownRounds,
  };

  return (
    <ExportSubjectProvider subject={exportSubject}>
    <div className="workbench">
      <RoundToolbar
        datasets={datasets.data ?? []}
        datasetId={datasetId}
        rounds={rounds}
        round={round}
        baseline={baseline}
        extras={extras}
        draft={draft}
        dirty={dirty}
        view={url.view}
        onChange={setUrl}
        status={<SettleStatus settlements={[baseResult, editedResult, ...extraResults]} />}
        live={<LivePresenter datasetId={datasetId} round={round} baseline={baseline} extras={extras} rounds={rounds} draft={draft} dirty={dirty} onRounds={setUrl} />}
      />
      {!columns ? <LoadProgress progress={progress} error={columnsError} /> : null}
      <RequestChangesNote changes={requestChanges} />
      {url.view === 'compare' && draft.params ? (
        <ComparisonLevers {...editorProps(draft.params)} />
      ) : null}
      {url.view === 'compare' || url.view === 'report' ? (
        <ComparisonView
          hospitals={hospitals.data ?? []}
          baselineName={baseline.name}
          baseline={baseResult}
          compared={compared}
          onOpenHospital={openHospital}
          exportName={`${dataset.name}-${round.name}-vs-${baseline.name}`}
          report={url.view === 'report'}
          diff={{ fromId: baseline.id, toId: round.id }}
        />
      ) : null}
      {url.view === 'params' && draft.params ? (
        <ParamsEditor
          {...editorProps(draft.params)}
          // formula edits read the baseline's weights and coefficients and the edited round's settlement (ANALYSIS.md §D)
          formulaSources={{ datasetId, baseline: baseline.params as RoundParams, settlement: editedResult.status === 'settled' && editedResult.current ? editedResult.contract : null }}
        />
      ) : null}
      {url.view === 'diff' ? <DiffView fromId={baseline.id} toId={round.id} fromName={baseline.name} toName={round.name} /> : null}
      {url.view === 'rounds' ? <RoundsPanel rounds={rounds} onOpen={(id) => setUrl({ roundId: id, view: 'compare' })} /> : null}
      {url.view === 'hospital' && url.hospital ? (
        <HospitalView
          datasetId={datasetId}
          code={url.hospital}
          hospitals={hospitals.data ?? []}
          catalog={catalog.data ?? []}
          baselineName={baseline.name}
          roundName={roundName}
          baseline={baseResult.result}
          round={editedResult.result}
          roundParams={draft.params}
          onBack={() => setUrl({ view: 'compare', hospital: null })}
        />
      ) : null}
      {isAnalysisView(url.view) ? (
        <AnalysisViews
          view={url.view}
          datasetId={datasetId}
          hospitals={hospitals.data ?? []}
          rounds={rounds}
          round={round}
          roundName={roundName}
          baselineName={baseline.name}
          baselineParams={baseline.params as RoundParams}
          baseline={baseResult}
          edited={editedResult}
          draft={draft}
          onChange={setUrl}
          exportName={`${dataset.name}-${round.name}-vs-${baseline.name}`}
        />
      ) : null}
    </div>
    </ExportSubjectProvider>
  );
}
