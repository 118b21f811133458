'use client';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';
import { POOLS } from '@/worker/settlement/types';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import { formatMoney } from '../lib/format';
import type { Locale, MessageKey } from '../i18n/messages';
import type { WorkbenchState } from './useWorkbenchUrl';
import styles from './first-round.module.css';

type Plan = inferRouterOutputs<AppRouter>['rounds']['planFirst'];
type Dropped = Plan['dropped'][number];
type Source = { kind: 'defaults' } | { kind: 'copy'; roundId: number };

export interface FirstRoundProps {
  datasets: readonly { id: number; name: string }[];
  /** the data set without rounds */
  dataset: { id: number; name: string };
  onChange: (patch: Partial<WorkbenchState>) => void;
}

/** The longest list of dropped codes kept in the round's reason (the reason holds at most 2,000 characters). */
const REASON_ITEMS_MAX = 1500;

/**
 * A data set without rounds (just imported): switch to another data set, or create its first round — the
 * default rules, or a copy of another data set's round, whose overrides of absent hospitals and DRGs are shown,
 * before anything is written, as what will be left out.
 */
export function FirstRound({ datasets, dataset, onChange }: FirstRoundProps) {
  const { t, locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const others = datasets.filter((d) => d.id !== dataset.id);
  const [kind, setKind] = useState<Source['kind']>('defaults');
  const [sourceDatasetId, setSourceDatasetId] = useState<number | null>(others[0]?.id ?? null);
  const [sourceRoundId, setSourceRoundId] = useState<number | null>(null);
  const [typedName, setTypedName] = useState<string | null>(null);
  const sourceRounds = useQuery(trpc.rounds.list.queryOptions({ datasetId: sourceDatasetId ?? 0 }, { enabled: kind === 'copy' && sourceDatasetId !== null }));
  const copied = sourceRounds.data?.find((r) => r.id === sourceRoundId) ?? sourceRounds.data?.[sourceRounds.data.length - 1] ?? null;
  const source: Source | null = kind === 'defaults' ? { kind } : copied ? { kind, roundId: copied.id } : null;
  const plan = useQuery(trpc.rounds.planFirst.queryOptions({ datasetId: dataset.id, source: source ?? { kind: 'defaults' } }, { enabled: source !== null }));
  const sourceName = others.find((d) => d.id === sourceDatasetId)?.name ?? '';
  const name = typedName ?? (kind === 'defaults' ? t('firstRound.defaultName') : t('firstRound.copyName', { round: copied?.name ?? '' }));

  const create = useMutation(
    trpc.rounds.createFirst.mutationOptions({
      onSuccess: async ({ round }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
        onChange({ datasetId: dataset.id, roundId: round.id, baselineId: round.id, compareIds: [], view: 'compare' });
      },
    }),
  );
  const reason = (dropped: readonly Dropped[]) => {
    if (kind === 'defaults') return t('firstRound.defaultsReason');
    const vars = { dataset: sourceName, round: copied?.name ?? '' };
    if (dropped.length === 0) return t('firstRound.copiedReason', vars);
    return t('firstRound.droppedReason', { ...vars, count: dropped.length, items: droppedText(dropped, t, locale).slice(0, REASON_ITEMS_MAX) });
  };
  const ready = source !== null && plan.data !== undefined && name.trim() !== '';

  return (
    <div className={`panel ${styles.firstRound}`} data-testid="first-round">
      <h2>{t('firstRound.title')}</h2>
      <label className={styles.field}>
        <span>{t('firstRound.dataset')}</span>
        <select
          data-testid="first-round-dataset"
          value={dataset.id}
          onChange={(e) => onChange({ datasetId: Number(e.target.value), roundId: null, baselineId: null, compareIds: [], levers: null })}
        >
          {datasets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </label>
      <p>{t('firstRound.lead', { dataset: dataset.name })}</p>
      <div className={styles.choices} role="radiogroup">
        <div className={styles.choice} data-checked={kind === 'defaults' ? '1' : undefined} onClick={() => setKind('defaults')}>
          <input type="radio" name="first-round-source" id="first-round-defaults" data-testid="first-round-defaults" checked={kind === 'defaults'} onChange={() => setKind('defaults')} />
          <span className={styles.choiceBody}>
            <label htmlFor="first-round-defaults"><strong>{t('firstRound.defaults')}</strong></label>
            <span className="muted">{t('firstRound.defaultsNote')}</span>
            {kind === 'defaults' && plan.data ? <BudgetLine budget={plan.data.params.budget} /> : null}
          </span>
        </div>
        <div className={styles.choice} data-checked={kind === 'copy' ? '1' : undefined} onClick={() => others.length > 0 && setKind('copy')}>
          <input type="radio" name="first-round-source" id="first-round-copy" data-testid="first-round-copy" checked={kind === 'copy'} disabled={others.length === 0} onChange={() => setKind('copy')} />
          <span className={styles.choiceBody}>
            <label htmlFor="first-round-copy"><strong>{t('firstRound.copy')}</strong></label>
            <span className="muted">{others.length === 0 ? t('firstRound.noSource') : t('firstRound.copyNote')}</span>
            {kind === 'copy' ? (
              <span className={styles.row}>
                <label className={styles.field}>
                  <span>{t('firstRound.sourceDataset')}</span>
                  <select data-testid="first-round-source-dataset" value={sourceDatasetId ?? ''} onChange={(e) => { setSourceDatasetId(Number(e.target.value)); setSourceRoundId(null); }}>
                    {others.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                  </select>
                </label>
                <label className={styles.field}>
                  <span>{t('firstRound.sourceRound')}</span>
                  <select data-testid="first-round-source-round" value={copied?.id ?? ''} disabled={!sourceRounds.data?.length} onChange={(e) => setSourceRoundId(Number(e.target.value))}>
                    {(sourceRounds.data ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
                  </select>
                </label>
              </span>
            ) : null}
            {kind === 'copy' && sourceRounds.data?.length === 0 ? <span className="muted">{t('workbench.noRounds')}</span> : null}
            {kind === 'copy' && plan.data ? <DroppedNote dropped={plan.data.dropped} /> : null}
          </span>
        </div>
      </div>
      <div className={styles.row}>
        <label className={styles.field}>
          <span>{t('firstRound.name')}</span>
          <input data-testid="first-round-name" className={styles.name} value={name} onChange={(e) => setTypedName(e.target.value)} />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="first-round-create"
          disabled={!ready || create.isPending}
          onClick={() => source && plan.data && create.mutate({ datasetId: dataset.id, name, reason: reason(plan.data.dropped), source })}
        >
          {t('firstRound.create')}
        </button>
      </div>
      {create.error ? <p className="error" role="alert">{create.error.message}</p> : null}
      {plan.error ? <p className="error" role="alert">{plan.error.message}</p> : null}
    </div>
  );
}

/** The budgets the default round starts from, per pool, in the most readable unit. */
function BudgetLine({ budget }: { budget: Plan['params']['budget'] }) {
  const { t, locale } = useLocale();
  const pools = POOLS.filter((pool) => budget?.[pool] !== undefined).map((pool) => `${t(`pool.${pool}`)} ${formatMoney(budget?.[pool] ?? 0, locale)}`);
  return <span data-testid="first-round-budget">{t('firstRound.budget', { pools: pools.join(' · ') })}</span>;
}

/** Dropped overrides by kind: "权重：FM19、BK25；医疗机构系数：H171" (English: "Weight: FM19, BK25; …"). */
function droppedText(dropped: readonly Dropped[], t: (key: MessageKey) => string, locale: Locale): string {
  const [colon, comma, semicolon] = locale === 'zh' ? ['：', '、', '；'] : [': ', ', ', '; '];
  const byKey = new Map<Dropped['key'], string[]>();
  for (const { key, code } of dropped) byKey.set(key, [...(byKey.get(key) ?? []), code]);
  return [...byKey].map(([key, codes]) => `${t(`firstRound.key.${key}`)}${colon}${codes.join(comma)}`).join(semicolon);
}

function DroppedNote({ dropped }: { dropped: readonly Dropped[] }) {
  const { t, locale } = useLocale();
  if (dropped.length === 0) return <span className={styles.note} data-testid="first-round-dropped" data-count="0">{t('firstRound.nothingDropped')}</span>;
  return (
    <span className={`${styles.note} ${styles.warn}`} role="status" data-testid="first-round-dropped" data-count={dropped.length}>
      {t('firstRound.dropped', { count: dropped.length })} <span className={styles.codes}>{droppedText(dropped, t, locale)}</span>
    </span>
  );
}
