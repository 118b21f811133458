'use client';
import { memo } from 'react';
import { useLocale } from '../../i18n/locale';
import { useWorkbenchUrl } from '../useWorkbenchUrl';
import { ParamsEditingProvider } from './EditContext';
import { ParamsSections, useEditingValues, type ParamsEditorProps } from './ParamsEditor';
import { QuickLevers } from './QuickLevers';
import type { ParamSection } from './sections';
import paramsStyles from './params.module.css';
import styles from './lever-drawer.module.css';

/**
 * The levers on the comparison view: the level coefficients above the results, and every other lever (weights,
 * rates and budgets, coefficients, rules) in a drawer beside them, so that the panel watches each edit rerun the
 * impact table and the charts. Open or closed, and which tab, is part of the URL (`?levers=rates`).
 */
export const ComparisonLevers = memo(function ComparisonLevers(props: ParamsEditorProps) {
  const [url, setUrl] = useWorkbenchUrl();
  if (url.levers === null) return <QuickLevers {...props} onOpenAll={() => setUrl({ levers: 'coefficients' })} />;
  return <LeverDrawer {...props} tab={url.levers} onTab={(levers) => setUrl({ levers })} />;
});

interface LeverDrawerProps extends ParamsEditorProps {
  tab: ParamSection;
  /** another tab, or null to close the drawer */
  onTab: (tab: ParamSection | null) => void;
}

/** 调整参数: the parameter editor's own sections, fields and undoable draft, in a panel at the page's right edge. */
function LeverDrawer({ tab, onTab, ...editor }: LeverDrawerProps) {
  const { t } = useLocale();
  const { actions, values } = useEditingValues(editor);
  return (
    <ParamsEditingProvider actions={actions} values={values}>
      <aside
        className={`no-print ${paramsStyles.editor} ${paramsStyles.compact} ${styles.drawer}`}
        data-testid="lever-drawer"
        data-readonly={editor.readOnly ? '1' : undefined}
        aria-label={t('levers.title')}
      >
        <div className={styles.head}>
          <strong className={styles.title}>{t('levers.title')}</strong>
          {editor.readOnly ? (
            <span className={styles.readOnly} data-testid="levers-read-only">{t('levers.readOnly')}</span>
          ) : (
            <span className={styles.live}>{t('levers.live')}</span>
          )}
          <button type="button" className={styles.close} data-testid="levers-close" onClick={() => onTab(null)}>
            {t('levers.close')}
          </button>
        </div>
        {editor.readOnly ? (
          <p className={paramsStyles.locked} role="status">
            {t('levers.lockedNote')}
          </p>
        ) : null}
        <ParamsSections section={tab} onSection={onTab} compact />
      </aside>
    </ParamsEditingProvider>
  );
}
