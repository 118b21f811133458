'use client';
import { memo } from 'react';
import { useLocale } from '../../i18n/locale';
import { LockIcon } from '../../components/icons';
import { ParamsEditingProvider } from './EditContext';
import { LevelCoefficients } from './LevelCoefficients';
import { useEditingValues, type ParamsEditorProps } from './ParamsEditor';
import paramsStyles from './params.module.css';
import styles from './lever-drawer.module.css';

/**
 * 快捷调整: the level coefficients above the comparison, so that the panel sees a lever and every hospital's
 * impact on one screen. The same fields, rules and undo history as the full parameter editor; every other lever
 * opens in the drawer beside the results (`onOpenAll`).
 */
export const QuickLevers = memo(function QuickLevers({ onOpenAll, ...props }: ParamsEditorProps & { onOpenAll?: () => void }) {
  const { t } = useLocale();
  const { actions, values } = useEditingValues(props);
  return (
    <ParamsEditingProvider actions={actions} values={values}>
      <div className={`panel no-print ${styles.quick} ${paramsStyles.inline}`} data-testid="quick-levers">
        <strong>{onOpenAll ? t('levers.quick') : t('params.quick')}</strong>
        {props.readOnly ? (
          <span className={styles.readOnly} data-testid="quick-levers-read-only" title={t('levers.lockedNote')}>
            <LockIcon /> {t('toolbar.readOnlyShort')}
          </span>
        ) : null}
        <LevelCoefficients />
        {onOpenAll ? (
          <button type="button" className={`primary ${styles.openAll}`} data-testid="levers-open" title={t('levers.openTitle')} onClick={onOpenAll}>
            {t('levers.open')}
          </button>
        ) : null}
      </div>
    </ParamsEditingProvider>
  );
});
