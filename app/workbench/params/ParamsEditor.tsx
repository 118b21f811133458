/// <reference types="next" />
'use client';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { resolveRound, type RoundParams } from '@/worker/settlement/round';
import type { CatalogEntryWithVolume, HospitalTotal } from '@/server/services/dataset-queries';
import { useLocale } from '../../i18n/locale';
import { LockIcon } from '../../components/icons';
import { ParamsEditingProvider, type EditActions, type EditValues } from './EditContext';
import { WeightsSection } from './WeightsSection';
import { RatesSection } from './RatesSection';
import { CoefficientsSection } from './CoefficientsSection';
import { RulesSection } from './RulesSection';
import { PARAM_SECTIONS, type ParamSection } from './sections';
import { FormulaSourcesProvider, type FormulaSources } from './FormulaSources';
import styles from './params.module.css';

export interface ParamsEditorProps {
  params: RoundParams;
  /** a valid new round and a short label for the undo history ("二级系数 0.9 → 0.85") */
  onChange: (next: RoundParams, label: string) => void;
  catalog: CatalogEntryWithVolume[];
  hospitals: HospitalTotal[];
  /** a locked round (已锁定): shown, not editable */
  readOnly: boolean;
  /** what formula edits read beyond the round: the data set, the baseline round, the edited round's settlement */
  formulaSources?: FormulaSources;
}

/** The editing context of a round's parameters: what every section reads, and how an edit is committed. */
export function useEditingValues({ params, onChange, catalog, hospitals, readOnly }: ParamsEditorProps): { actions: EditActions; values: EditValues } {
  const latest = useRef(params);
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);
  const current = useCallback(() => latest.current, []);
  const actions = useMemo<EditActions>(() => ({ readOnly, commit: onChange, current }), [readOnly, onChange, current]);
  const values = useMemo<EditValues>(() => ({ params, resolved: resolveRound(params), catalog, hospitals }), [params, catalog, hospitals]);
  return { actions, values };
}

/** 参数: every §6 parameter of a round, each edit validated before it reaches the round. */
export function ParamsEditor({ params, onChange, catalog, hospitals, readOnly, formulaSources }: ParamsEditorProps) {
  const { t } = useLocale();
  const [section, setSection] = useState<ParamSection>('coefficients');
  const { actions, values } = useEditingValues({ params, onChange, catalog, hospitals, readOnly });
  return (
    <ParamsEditingProvider actions={actions} values={values}>
      <FormulaSourcesProvider value={formulaSources ?? null}>
      <div className={`panel ${styles.editor}`} data-testid="params-editor" data-readonly={readOnly ? '1' : undefined}>
        {readOnly ? (
          <p className={styles.locked} role="status" data-testid="params-locked">
            <LockIcon /> {t('params.locked')}
          </p>
        ) : null}
        <ParamsSections section={section} onSection={setSection} />
      </div>
      </FormulaSourcesProvider>
    </ParamsEditingProvider>
  );
}

/** The tabs of the four sections and the one shown: the full editor's and the comparison's lever drawer's (`compact`: fewer table columns). */
export function ParamsSections({ section, onSection, compact = false }: { section: ParamSection; onSection: (section: ParamSection) => void; compact?: boolean }) {
  const { t } = useLocale();
  return (
    <>
      <nav className={styles.tabs} role="tablist">
        {PARAM_SECTIONS.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={section === s}
            className={section === s ? 'primary' : ''}
            data-testid={`params-tab-${s}`}
            onClick={() => onSection(s)}
          >
            {t(`params.tab.${s}`)}
          </button>
        ))}
      </nav>
      <div role="tabpanel" data-testid={`params-section-${section}`}>
        {section === 'weights' ? <WeightsSection compact={compact} /> : null}
        {section === 'rates' ? <RatesSection /> : null}
        {section === 'coefficients' ? <CoefficientsSection compact={compact} /> : null}
        {section === 'rules' ? <RulesSection /> : null}
      </div>
    </>
  );
}
