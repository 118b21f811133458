'use client';
import { memo } from 'react';
import { useLocale } from '../../i18n/locale';
import { ParamsEditingProvider } from './EditContext';
import { LevelCoefficients } from './LevelCoefficients';
import { useEditingValues, type ParamsEditorProps } from './ParamsEditor';

/**
 * 快捷调整: the level coefficients above the comparison, so that the panel sees a lever and every hospital's
 * impact on one screen. The same fields, rules and undo history as the full parameter editor.
 */
export const QuickLevers = memo(function QuickLevers(props: ParamsEditorProps) {
  const { t } = useLocale();
  const { actions, values } = useEditingValues(props);
  return (
    <ParamsEditingProvider actions={actions} values={values}>
      <div className="panel no-print" data-testid="quick-levers">
        <strong>{t('params.quick')}</strong>
        <LevelCoefficients />
      </div>
    </ParamsEditingProvider>
  );
});
