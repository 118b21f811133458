'use client';
import { useMemo } from 'react';
import { LEVELS } from '@/worker/settlement/types';
import { useLocale } from '../../i18n/locale';
import { useParamsEditing } from './EditContext';
import { NumberField } from './NumberField';
import { numberAt } from './paths';
import { hospitalsOnLevelCoefficient } from './hospital-coefficients';
import styles from './params.module.css';

/** 等级系数 一级/二级/三级: the most argued numbers of a session, shown large. */
export function LevelCoefficients() {
  const { t } = useLocale();
  const { params, resolved, hospitals } = useParamsEditing();
  const counts = useMemo(() => hospitalsOnLevelCoefficient(hospitals, params), [hospitals, params]);
  return (
    <div className={styles.levels} data-testid="level-coefficients">
      {LEVELS.map((level) => {
        const name = t('params.field.levelCoefficient', { level: t(`level.${level}`) });
        return (
          <div key={level} className={styles.levelCard}>
            <NumberField
              path={['level_coefficients', String(level)]}
              name={name}
              label={name}
              value={numberAt(resolved, ['level_coefficients', String(level)])}
              testId={`level-coefficient-${level}`}
              large
            />
            <span className="muted">{t('params.levels.hospitals', { count: counts.get(level) ?? 0 })}</span>
          </div>
        );
      })}
    </div>
  );
}
