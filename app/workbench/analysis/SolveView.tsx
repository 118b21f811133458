'use client';
import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import { useLocale } from '../../i18n/locale';
import { isInputError, leverChoices, leverValue, parseLever } from '@/worker/analysis/levers';
import { parseTarget, targetChoices, targetValue, type TargetUnit } from '@/worker/analysis/targets';
import { ComparisonView } from '../compare/ComparisonView';
import { engineHospitals, leverTables } from './engine-tables';
import { defaultTarget, formatLever, formatTarget, inputText, leverGroup, parseInput, type LeverGroup } from './solve-input';
import { useSolve } from './useSolve';
import { SolveOutcomePanel } from './SolveOutcome';
import type { AnalysisViewsProps } from './AnalysisViews';
import styles from './analysis.module.css';

const GROUPS: LeverGroup[] = ['rates', 'coefficients', 'weights', 'hospitals'];

/**
 * 求解: one lever, one target figure, its value (prefilled with the edited round's figure); the solution with what
 * it achieves and the residual, and the whole comparison of the solved parameters with the baseline. Applying it
 * is one undoable edit of the round; it can also be saved as a new draft round. A target no value reaches is
 * explained with the closest values on each side.
 */
export function SolveView(props: AnalysisViewsProps) {
  const { t, locale } = useLocale();
  const params = props.draft.params;
  const tables = useMemo(() => leverTables(props.hospitals), [props.hospitals]);
  const levers = useMemo(() => (params ? leverChoices(tables, params) : []), [tables, params]);
  const targets = useMemo(() => (params ? targetChoices(params) : []), [params]);
  const [leverChoice, setLever] = useState<string | null>(null);
  const [targetChoice, setTarget] = useState<string | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const leverId = levers.some((l) => l.id === leverChoice) ? leverChoice! : (levers[0]?.id ?? '');
  const targetId = targets.some((c) => c.id === targetChoice) ? targetChoice! : (defaultTarget(leverId, targets.map((c) => c.id)) ?? '');
  const lever = levers.find((l) => l.id === leverId);
  const target = targets.find((c) => c.id === targetId);
  const unit: TargetUnit = target?.unit ?? 'yuan';
  const label = (choice: { label_zh: string; label_en: string } | undefined) => (choice ? (locale === 'zh' ? choice.label_zh : choice.label_en) : '');

  const edited = props.edited.result;
  const current = useMemo(() => {
    const parsed = parseTarget(targetId);
    if (!edited || !props.edited.current || isInputError(parsed)) return null;
    return targetValue(edited, parsed, engineHospitals(props.hospitals, edited.hospitalCodes));
  }, [edited, props.edited.current, targetId, props.hospitals]);
  const leverNow = useMemo(() => {
    const parsed = parseLever(leverId, tables);
    return params && !isInputError(parsed) ? leverValue(parsed, params, tables) : null;
  }, [leverId, tables, params]);
  const valueText = typed ?? (current === null ? '' : inputText(unit, current));

  const { state, solve, clear } = useSolve(props.edited.worker);
  const run = () => {
    const value = parseInput(unit, valueText);
    if (value === null || !params) return setInputError(t('solve.badValue'));
    setInputError(null);
    solve({ lever: leverId, target: targetId, value, from: params });
  };

  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const create = useMutation(
    trpc.rounds.create.mutationOptions({
      onSuccess: async (round) => {
        await queryClient.invalidateQueries({ queryKey: trpc.rounds.pathKey() });
        setSaved(round.name);
        props.onChange({ roundId: round.id, view: 'compare' });
      },
    }),
  );

  const readOnly = props.round.status === 'locked';
  const outcome = state.outcome;
  const solvedLabel = outcome?.ok && state.request
    ? t('solve.editLabel', { lever: label(levers.find((l) => l.id === state.request!.lever)), value: formatLever(state.request.lever, outcome.value, locale), target: label(targets.find((c) => c.id === state.request!.target)), achieved: formatTarget(unit, outcome.achieved, locale) })
    : '';
  // applied: the round's parameters are the solution; stale: the round changed since the solve started
  const applied = outcome?.ok === true && params === outcome.params;
  const stale = state.request !== null && params !== state.request.from && !applied;

  return (
    <div data-testid="solve-view">
      <div className="panel">
        <div className={styles.controls}>
          <h2>{t('solve.title')}</h2>
        </div>
        <div className={styles.solveForm}>
          <label>
            {t('solve.lever')}
            <select data-testid="solve-lever" value={leverId} onChange={(e) => { setLever(e.target.value); setTarget(null); setTyped(null); clear(); }}>
              {GROUPS.map((group) => (
                <optgroup key={group} label={t(`solve.group.${group}`)}>
                  {levers.filter((l) => leverGroup(l.id) === group).map((l) => <option key={l.id} value={l.id}>{label(l)}</option>)}
                </optgroup>
              ))}
            </select>
            <span className={styles.current} data-testid="solve-lever-current" data-value={leverNow ?? ''}>
              {t('solve.current', { round: props.roundName, value: leverNow === null ? '—' : formatLever(leverId, leverNow, locale) })}
            </span>
          </label>
          <label>
            {t('solve.target')}
            <select data-testid="solve-target" value={targetId} onChange={(e) => { setTarget(e.target.value); setTyped(null); clear(); }}>
              {targets.map((c) => <option key={c.id} value={c.id}>{label(c)}</option>)}
            </select>
            <span className={styles.current} data-testid="solve-current" data-value={current ?? ''}>
              {t('solve.current', { round: props.roundName, value: current === null ? '…' : formatTarget(unit, current, locale) })}
            </span>
          </label>
          <label>
            {t('solve.value', { unit: t(`solve.unit.${unit}`) })}
            <input data-testid="solve-value" inputMode="decimal" value={valueText} onChange={(e) => setTyped(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && run()} />
            {inputError ? <span className="field-error" role="alert" data-testid="solve-value-error">{inputError}</span> : <span className={styles.current}>&nbsp;</span>}
          </label>
          <button type="button" className="primary" data-testid="solve-run" disabled={!params || !lever || !target || state.status === 'running'} onClick={run}>
            {state.status === 'running' ? t('solve.running') : t('solve.run')}
          </button>
        </div>
        {readOnly ? <p className="muted">{t('solve.readOnly')}</p> : null}
      </div>
      {state.error ? <p className="error" role="alert">{state.error}</p> : null}
      {outcome && state.request ? (
        <SolveOutcomePanel
          outcome={outcome}
          request={state.request}
          unit={unit}
          ms={state.ms}
          leverLabel={label(levers.find((l) => l.id === state.request!.lever))}
          targetLabel={label(targets.find((c) => c.id === state.request!.target))}
          applied={applied}
          stale={stale}
          readOnly={readOnly}
          saving={create.isPending}
          saved={saved}
          saveError={create.error?.message ?? null}
          onApply={() => outcome.ok && props.draft.apply(outcome.params, solvedLabel)}
          onSave={() =>
            outcome.ok &&
            create.mutate({
              datasetId: props.datasetId,
              parentId: props.round.id,
              name: t('solve.saveName', { lever: label(levers.find((l) => l.id === state.request!.lever)) }).slice(0, 100),
              reason: solvedLabel.slice(0, 2000),
              params: outcome.params as Record<string, unknown>,
            })
          }
        />
      ) : null}
      {outcome?.ok && state.solved ? (
        <section data-testid="solve-comparison">
          <h3>{t('solve.comparison', { baseline: props.baselineName })}</h3>
          <ComparisonView
            hospitals={props.hospitals}
            baselineName={props.baselineName}
            baseline={props.baseline}
            compared={[{ name: t('solve.result'), settlement: state.solved, edited: true }]}
            onOpenHospital={() => undefined}
            exportName={`${props.exportName}-solved`}
            report={false}
            diff={{ fromId: props.round.id, toId: props.round.id }}
          />
        </section>
      ) : null}
    </div>
  );
}
