'use client';
import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';
import { useLocale } from '../i18n/locale';
import type { RoundParams } from '@/worker/settlement/round';
import type { RoundSummary } from './rounds/types';
import { StatusBadge } from './rounds/StatusBadge';
import type { WorkbenchState, WorkbenchView } from './useWorkbenchUrl';
import { MAX_EXTRA_ROUNDS } from './WorkbenchView';

interface DraftControls {
  params: RoundParams | null;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  history: readonly string[];
}

export interface RoundToolbarProps {
  datasets: { id: number; name: string }[];
  datasetId: number;
  rounds: RoundSummary[];
  round: RoundSummary;
  baseline: RoundSummary;
  extras: RoundSummary[];
  draft: DraftControls;
  dirty: boolean;
  view: WorkbenchView;
  onChange: (patch: Partial<WorkbenchState>) => void;
  status: ReactNode;
}

const TABS: WorkbenchView[] = ['compare', 'params', 'diff', 'rounds'];

/** The bar above every view: data set, round, baseline, compared rounds, undo/redo, save, views. */
export function RoundToolbar(props: RoundToolbarProps) {
  const { t } = useLocale();
  const { round, baseline, rounds, draft, onChange } = props;
  return (
    <div className="panel round-toolbar no-print">
      <div className="toolbar-row">
        <label>
          {t('nav.datasets')}{' '}
          <select value={props.datasetId} onChange={(e) => onChange({ datasetId: Number(e.target.value), roundId: null, baselineId: null, compareIds: [] })}>
            {props.datasets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label>
          {t('toolbar.round')}{' '}
          <select data-testid="round-select" value={round.id} onChange={(e) => onChange({ roundId: Number(e.target.value) })}>
            {rounds.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
        <StatusBadge status={round.status} />
        <label>
          {t('toolbar.baseline')}{' '}
          <select data-testid="baseline-select" value={baseline.id} onChange={(e) => onChange({ baselineId: Number(e.target.value) })}>
            {rounds.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
        <CompareChooser rounds={rounds} round={round} extras={props.extras} onChange={onChange} />
        {props.status}
      </div>
      <div className="toolbar-row">
        <nav className="tabs">
          {TABS.map((v) => (
            <button key={v} type="button" className={props.view === v ? 'primary' : ''} data-testid={`view-${v}`} onClick={() => onChange({ view: v, hospital: null })}>
              {t(`view.${v}`)}
            </button>
          ))}
          <button type="button" data-testid="view-report" onClick={() => onChange({ view: 'report' })}>{t('view.report')}</button>
        </nav>
        <button type="button" data-testid="undo" disabled={!draft.canUndo} onClick={draft.undo} title={draft.history[draft.history.length - 1] ?? ''}>
          ↶ {t('toolbar.undo')}
        </button>
        <button type="button" data-testid="redo" disabled={!draft.canRedo} onClick={draft.redo}>↷ {t('toolbar.redo')}</button>
        <SaveControls {...props} />
      </div>
    </div>
  );
}

function CompareChooser({ rounds, round, extras, onChange }: Pick<RoundToolbarProps, 'rounds' | 'round' | 'extras' | 'onChange'>) {
  const { t } = useLocale();
  const ids = extras.map((r) => r.id);
  const candidates = rounds.filter((r) => r.id !== round.id && !ids.includes(r.id));
  return (
    <span className="compare-chooser" data-testid="compare-rounds">
      {extras.map((r) => (
        <button key={r.id} type="button" className="chip" onClick={() => onChange({ compareIds: ids.filter((id) => id !== r.id) })}>
          {r.name} ✕
        </button>
      ))}
      {extras.length < MAX_EXTRA_ROUNDS && candidates.length > 0 ? (
        <select value="" aria-label={t('toolbar.addCompare')} data-testid="compare-add" onChange={(e) => e.target.value && onChange({ compareIds: [...ids, Number(e.target.value)] })}>
          <option value="">+ {t('toolbar.addCompare')}</option>
          {candidates.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      ) : null}
    </span>
  );
}

/** Save into the round (draft/proposed) or as a new child round (always possible, also from a locked round). */
function SaveControls({ round, rounds, draft, dirty, datasetId, onChange }: RoundToolbarProps) {
  const { t } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
  const update = useMutation(trpc.rounds.update.mutationOptions({ onSuccess: refresh, onError: (e) => setError(e.message) }));
  const create = useMutation(
    trpc.rounds.create.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        setNaming(false);
        onChange({ roundId: created.id, view: 'compare' });
      },
      onError: (e) => setError(e.message),
    }),
  );
  const canSaveHere = dirty && (round.status === 'draft' || round.status === 'proposed');
  const openNaming = () => {
    setName(t('toolbar.roundN', { n: rounds.length }));
    setReason(draft.history.slice(-5).join('；'));
    setNaming(true);
  };
  return (
    <span className="save-controls">
      <button type="button" data-testid="save-here" disabled={!canSaveHere || update.isPending} onClick={() => draft.params && update.mutate({ id: round.id, params: draft.params as Record<string, unknown> })}>
        {t('toolbar.save')}
      </button>
      <button type="button" className="primary" data-testid="save-round" onClick={openNaming}>{t('toolbar.saveAsNew')}</button>
      {naming ? (
        <span className="save-form">
          <input data-testid="save-round-name" value={name} onChange={(e) => setName(e.target.value)} aria-label={t('rounds.name')} />
          <input data-testid="save-round-reason" value={reason} placeholder={t('rounds.reason')} onChange={(e) => setReason(e.target.value)} style={{ width: '18rem' }} />
          <button
            type="button"
            className="primary"
            data-testid="save-round-confirm"
            disabled={!name.trim() || create.isPending}
            onClick={() => create.mutate({ datasetId, parentId: round.id, name, reason: reason || null, ...(draft.params ? { params: draft.params as Record<string, unknown> } : {}) })}
          >
            {t('toolbar.confirm')}
          </button>
          <button type="button" onClick={() => setNaming(false)}>{t('toolbar.cancel')}</button>
        </span>
      ) : null}
      {error ? <span className="error" role="alert">{error}</span> : null}
    </span>
  );
}
