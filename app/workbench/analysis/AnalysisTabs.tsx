'use client';
import { useLocale } from '../../i18n/locale';
import { Popover } from '../rounds/Popover';
import type { WorkbenchState, WorkbenchView } from '../useWorkbenchUrl';
import { isAnalysisView, type AnalysisView } from './AnalysisViews';
import styles from './analysis.module.css';

const VIEWS: AnalysisView[] = ['attribution', 'solve', 'projection'];

/**
 * The analysis tabs folded into one toolbar button (the toolbar stays one line on a 1280 px projector): 分析,
 * highlighted while an analysis is shown (its name is the view's heading), opening 变动归因 / 求解 / 下年度预测. The
 * analysis's own name on the button ("下年度预测") wrapped the toolbar to two lines in Chinese.
 */
export function AnalysisTabs({ view, onChange }: { view: WorkbenchView; onChange: (patch: Partial<WorkbenchState>) => void }) {
  const { t } = useLocale();
  const active = isAnalysisView(view);
  return (
    <Popover
      testId="view-analysis"
      className={active ? 'primary' : ''}
      label={t('view.analysis')}
      title={active ? `${t('view.analysis')}：${t(`view.${view}`)}` : t('view.analysisTitle')}
    >
      {(close) => (
        <span className={styles.menu}>
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={view === v ? 'primary' : ''}
              aria-current={view === v ? 'page' : undefined}
              data-testid={`view-${v}`}
              onClick={() => {
                onChange({ view: v, hospital: null });
                close();
              }}
            >
              {t(`view.${v}`)}
            </button>
          ))}
        </span>
      )}
    </Popover>
  );
}
