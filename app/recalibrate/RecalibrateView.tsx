'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useLocale } from '../i18n/locale';
import { useTRPC } from '../lib/trpc';
import { ExportSubjectProvider } from '../components/ExportSubject';
import { optionsText, type RecalibrationOptions } from '@/worker/recalibration/options';
import { ApplyPanel } from './ApplyPanel';
import { AppliedRound } from './AppliedRound';
import { CostHistogramChart } from './CostHistogramChart';
import { OptionsForm } from './OptionsForm';
import { RecalibrationTable } from './RecalibrationTable';
import { SummaryCards } from './SummaryCards';
import { DEFAULT_FIELDS, optionsOfFields, sameOptions, type OptionsFields } from './options-form';
import styles from './recalibrate.module.css';

interface Run {
  datasetId: number;
  roundId: number;
  options: RecalibrationOptions;
}

function idOf(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

interface Source {
  datasetId: number | null;
  roundId: number | null;
  /** the draft round applied last from this page (its link to the comparison survives a reload) */
  createdId: number | null;
}

/** The data set, round and applied draft of the URL (?dataset=&round=&created=), written back as they change. */
function useSourceInUrl(): [Source, (patch: Partial<Source>) => void] {
  const search = useSearchParams();
  const pathname = usePathname();
  const state: Source = { datasetId: idOf(search.get('dataset')), roundId: idOf(search.get('round')), createdId: idOf(search.get('created')) };
  const update = (patch: Partial<Source>) => {
    const next = { ...state, ...patch };
    const params = new URLSearchParams();
    if (next.datasetId) params.set('dataset', String(next.datasetId));
    if (next.roundId) params.set('round', String(next.roundId));
    if (next.createdId) params.set('created', String(next.createdId));
    window.history.replaceState(null, '', `${pathname}?${params.toString()}`);
  };
  return [state, update];
}

/** 权重测算: pick a data set and round, set the options, recalibrate, read the table and a DRG's costs, apply. */
export function RecalibrateView() {
  const { t } = useLocale();
  const trpc = useTRPC();
  const [source, setSource] = useSourceInUrl();
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  const datasetId = source.datasetId ?? datasets.data?.[0]?.id ?? null;
  const dataset = datasets.data?.find((d) => d.id === datasetId) ?? null;
  const rounds = useQuery(trpc.rounds.list.queryOptions(datasetId ? { datasetId } : skipToken));
  // the round of the URL, else the last locked round (the year's settled rules), else the newest
  const roundList = rounds.data ?? [];
  const round = roundList.find((r) => r.id === source.roundId) ?? [...roundList].reverse().find((r) => r.status === 'locked') ?? roundList.at(-1) ?? null;
  const [fields, setFields] = useState<OptionsFields>(DEFAULT_FIELDS);
  const form = useMemo(() => optionsOfFields(fields, t('recal.notNumber')), [fields, t]);
  const [run, setRun] = useState<Run | null>(null);
  const result = useQuery(trpc.recalibration.compute.queryOptions(run ?? skipToken));
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => setSelected(null), [run?.datasetId, run?.roundId]);
  const side = useRef<HTMLDivElement>(null);
  /** a row clicked: its histogram, brought into view (above the table, or beside it on a very wide screen) */
  const select = (code: string) => {
    setSelected(code);
    requestAnimationFrame(() => side.current?.scrollIntoView({ block: 'nearest' }));
  };
  const stale = run !== null && (!form.ok || !sameOptions(form.options, run.options) || run.roundId !== round?.id || run.datasetId !== datasetId);
  const recalibration = result.data?.recalibration ?? null;
  // the draft applied from this round, while it exists (deleted since: no link)
  const created = roundList.find((r) => r.id === source.createdId && r.parentId === round?.id) ?? null;
  const selectedRow = recalibration?.rows.find((r) => r.drg_code === selected) ?? null;
  const subject = useMemo(
    () =>
      dataset && result.data && run
        ? { dataset: dataset.name, baseline: { name: `${result.data.round.name} · ${t('recal.title')} ${optionsText(run.options)}`, params: roundList.find((r) => r.id === run.roundId)?.params ?? {} } }
        : null,
    [dataset, result.data, run, roundList, t],
  );
  return (
    <div data-testid="recalibrate-view">
      <h2>{t('recal.title')}</h2>
      <p className={styles.note}>{t('recal.intro')}</p>
      <section className="panel">
        <div className={styles.pickers}>
          <label>
            {t('recal.dataset')}{' '}
            <select value={datasetId ?? ''} onChange={(e) => setSource({ datasetId: Number(e.target.value), roundId: null, createdId: null })} data-testid="recal-dataset">
              {(datasets.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
            </select>
          </label>
          <label>
            {t('recal.round')}{' '}
            <select value={round?.id ?? ''} onChange={(e) => setSource({ datasetId, roundId: Number(e.target.value), createdId: null })} data-testid="recal-round">
              {roundList.map((r) => (
                <option key={r.id} value={r.id}>{`${r.name}（${t(`status.${r.status}`)}）`}</option>
              ))}
            </select>
          </label>
          {datasets.data && datasets.data.length === 0 ? <span className="muted">{t('recal.noDataset')}</span> : null}
          {rounds.data && rounds.data.length === 0 ? <span className="muted">{t('recal.noRound')}</span> : null}
        </div>
        <h3>{t('recal.options')}</h3>
        <OptionsForm fields={fields} errors={form.ok ? {} : form.errors} onChange={setFields} />
        <div className={styles.actions}>
          <button
            type="button"
            className="primary"
            disabled={!form.ok || !round || !datasetId || result.isFetching}
            onClick={() => form.ok && round && datasetId && setRun({ datasetId, roundId: round.id, options: form.options })}
            data-testid="recal-run"
          >
            {result.isFetching ? t('recal.running') : t('recal.run')}
          </button>
          <button type="button" onClick={() => setFields(DEFAULT_FIELDS)} data-testid="recal-defaults">{t('recal.defaults')}</button>
          {run && stale ? <span className={styles.stale} data-testid="recal-stale">{t('recal.stale')}</span> : null}
          {run && !stale ? <span className="muted">{t('recal.ranWith', { options: optionsText(run.options) })}</span> : null}
        </div>
        {result.error ? <p className="error" role="alert" data-testid="recal-error">{result.error.message}</p> : null}
      </section>
      {recalibration && result.data && run ? (
        <ExportSubjectProvider subject={subject}>
          <div data-testid="recal-results" data-state={result.isFetching ? 'running' : 'done'}>
            <SummaryCards summary={recalibration.summary} />
            <div className={styles.results}>
              <RecalibrationTable rows={recalibration.rows} selected={selected} onSelect={select} exportName={`recalibration-${result.data.round.name}`} />
              <div className={styles.side} ref={side}>
                <CostHistogramChart datasetId={run.datasetId} roundId={run.roundId} row={selectedRow} trim={run.options.trim} />
              </div>
            </div>
            <ApplyPanel
              key={`${run.roundId}-${result.data.round.version}`}
              datasetId={run.datasetId}
              round={result.data.round}
              options={run.options}
              stale={stale}
              onCreated={(id) => setSource({ datasetId: run.datasetId, roundId: run.roundId, createdId: id })}
            />
          </div>
        </ExportSubjectProvider>
      ) : null}
      {created && round && datasetId ? <AppliedRound datasetId={datasetId} created={created} parent={round} /> : null}
    </div>
  );
}
