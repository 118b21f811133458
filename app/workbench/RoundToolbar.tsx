'use client';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/locale';
import { DatabaseIcon, RedoIcon, UndoIcon } from '../components/icons';
import type { RoundParams } from '@/worker/settlement/round';
import type { RoundSummary } from './rounds/types';
import { StatusBadge } from './rounds/StatusBadge';
import { ComparePicker } from './rounds/ComparePicker';
import { Popover } from './rounds/Popover';
import { SaveControls } from './rounds/SaveControls';
import { AnalysisTabs } from './analysis/AnalysisTabs';
import { sortByRoundOrder } from './rounds/round-order';
import styles from './rounds/toolbar.module.css';
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
  /** in lineage order */
  rounds: RoundSummary[];
  round: RoundSummary;
  baseline: RoundSummary;
  extras: RoundSummary[];
  draft: DraftControls;
  dirty: boolean;
  view: WorkbenchView;
  onChange: (patch: Partial<WorkbenchState>) => void;
  status: ReactNode;
  /** the live session's controls (现场谈判: start, link, hand-over, end) */
  live?: ReactNode;
}

const TABS: WorkbenchView[] = ['compare', 'params', 'diff', 'rounds', 'report'];

/**
 * The bar above every view, one line on a 1280 px projector: the round and its status, the baseline, the other
 * rounds compared and the data set (both folded), the views, undo/redo, save. A locked round says so here, on
 * every view: "已锁定 · 只读", no undo, no save, only its copy as a new round.
 */
export function RoundToolbar(props: RoundToolbarProps) {
  const { t } = useLocale();
  const { round, baseline, rounds, draft, onChange } = props;
  const locked = round.status === 'locked';
  const dataset = props.datasets.find((d) => d.id === props.datasetId);
  return (
    <div className={`panel round-toolbar no-print ${styles.bar}`} data-testid="round-toolbar" data-locked={locked ? 'true' : undefined}>
      <span className={styles.group}>
        <select data-testid="round-select" className={styles.select} aria-label={t('toolbar.round')} title={`${t('toolbar.round')}：${round.name}`} value={round.id} onChange={(e) => onChange({ roundId: Number(e.target.value) })}>
          {rounds.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
        {locked ? (
          <span data-testid="read-only-state" title={t('toolbar.readOnlyTitle')}>
            <StatusBadge status={round.status} readOnly />
          </span>
        ) : (
          <StatusBadge status={round.status} />
        )}
        <label className={styles.field}>
          <span className={styles.label}>{t('toolbar.baselineShort')}</span>
          <select data-testid="baseline-select" className={styles.select} title={`${t('toolbar.baseline')}：${baseline.name}`} value={baseline.id} onChange={(e) => onChange({ baselineId: Number(e.target.value) })}>
            {rounds.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </label>
        <ComparePicker rounds={rounds} round={round} extras={sortByRoundOrder(props.extras, rounds)} max={MAX_EXTRA_ROUNDS} onChange={onChange} />
        <Popover testId="dataset-picker" label={<DatabaseIcon title={t('toolbar.more')} />} title={`${t('toolbar.moreTitle')}：${dataset?.name ?? ''}`}>
          <label className={styles.field}>
            <span className={styles.label}>{t('nav.datasets')}</span>
            <select data-testid="dataset-select" value={props.datasetId} onChange={(e) => onChange({ datasetId: Number(e.target.value), roundId: null, baselineId: null, compareIds: [] })}>
              {props.datasets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        </Popover>
      </span>
      <nav className={styles.tabs}>
        {TABS.map((v) => (
          <button key={v} type="button" className={props.view === v ? 'primary' : ''} aria-current={props.view === v ? 'page' : undefined} data-testid={`view-${v}`} onClick={() => onChange(v === 'report' ? { view: v } : { view: v, hospital: null })}>
            {t(`view.${v}`)}
          </button>
        ))}
        <AnalysisTabs view={props.view} onChange={onChange} />
      </nav>
      <span className={styles.group}>
        {props.live}
        {locked ? null : (
          <>
            <button type="button" data-testid="undo" className={styles.icon} disabled={!draft.canUndo} onClick={draft.undo} aria-label={t('toolbar.undo')} title={[t('toolbar.undo'), draft.history[draft.history.length - 1]].filter(Boolean).join('：')}>
              <UndoIcon />
            </button>
            <button type="button" data-testid="redo" className={styles.icon} disabled={!draft.canRedo} onClick={draft.redo} aria-label={t('toolbar.redo')} title={t('toolbar.redo')}>
              <RedoIcon />
            </button>
          </>
        )}
        <SaveControls datasetId={props.datasetId} rounds={rounds} round={round} params={draft.params} history={draft.history} dirty={props.dirty} onChange={onChange} />
      </span>
      <span className={styles.status}>{props.status}</span>
    </div>
  );
}
