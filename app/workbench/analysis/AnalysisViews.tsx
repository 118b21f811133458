'use client';
import dynamic from 'next/dynamic';
import type { RoundParams } from '@/worker/settlement/round';
import type { Settlement } from '../engine/useSettlement';
import type { HospitalInfo } from '../compare/impact';
import type { UndoableParams } from '../params/useUndoable';
import type { RoundSummary } from '../rounds/types';
import type { WorkbenchState } from '../useWorkbenchUrl';
import { useLocale } from '../../i18n/locale';

function Loading() {
  const { t } = useLocale();
  return <p className="muted">{t('common.loading')}</p>;
}

// loaded when their tab is first opened: the comparison's first load does not carry their code (and the
// analyses' engine modules they import)
const AttributionView = dynamic(() => import('./AttributionView').then((m) => m.AttributionView), { ssr: false, loading: Loading });
const SolveView = dynamic(() => import('./SolveView').then((m) => m.SolveView), { ssr: false, loading: Loading });
const ProjectionView = dynamic(() => import('./ProjectionView').then((m) => m.ProjectionView), { ssr: false, loading: Loading });

export type AnalysisView = 'attribution' | 'solve' | 'projection';

export function isAnalysisView(view: string): view is AnalysisView {
  return view === 'attribution' || view === 'solve' || view === 'projection';
}

export interface AnalysisViewsProps {
  view: AnalysisView;
  datasetId: number;
  hospitals: HospitalInfo[];
  rounds: RoundSummary[];
  /** the edited round (saved), and its name as shown (with 未保存 when edited) */
  round: RoundSummary;
  roundName: string;
  baselineName: string;
  baselineParams: RoundParams | null;
  /** the baseline's and the edited round's settlements: their workers hold the data set and run the analyses */
  baseline: Settlement;
  edited: Settlement;
  draft: Pick<UndoableParams, 'params' | 'apply'>;
  onChange: (patch: Partial<WorkbenchState>) => void;
  exportName: string;
}

/** The workbench's analysis tabs: 变动归因, 求解, 下年度预测. */
export function AnalysisViews(props: AnalysisViewsProps) {
  switch (props.view) {
    case 'attribution':
      return (
        <AttributionView
          hospitals={props.hospitals}
          baselineName={props.baselineName}
          roundName={props.roundName}
          baseline={props.baseline}
          edited={props.edited}
          baselineParams={props.baselineParams}
          roundParams={props.draft.params}
          exportName={props.exportName}
        />
      );
    case 'solve':
      return <SolveView {...props} />;
    case 'projection':
      return <ProjectionView roundName={props.roundName} edited={props.edited} params={props.draft.params} hospitals={props.hospitals} exportName={props.exportName} />;
  }
}
