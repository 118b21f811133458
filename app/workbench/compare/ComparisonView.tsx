'use client';
import { useMemo, useState } from 'react';
import { useLocale } from '../../i18n/locale';
import type { Settlement } from '../engine/useSettlement';
import { DiffView } from '../diff/DiffView';
import { Charts } from './Charts';
import { HeadlineCards } from './HeadlineCards';
import { ImpactTable } from './ImpactTable';
import { LevelTotals } from './LevelTotals';
import { headline, impactRows, type HospitalInfo, type SettledRound } from './impact';

export interface ComparisonViewProps {
  hospitals: HospitalInfo[];
  baselineName: string;
  baseline: Settlement;
  /** in lineage order (rounds/round-order.ts); `edited` marks the round being edited, wherever it sits */
  compared: { name: string; settlement: Settlement; edited: boolean }[];
  onOpenHospital: (code: string) => void;
  exportName: string;
  /** printable round report: parameters, headline figures, the whole impact table */
  report: boolean;
  diff: { fromId: number; toId: number };
}

/** The core view: headline figures, then the hospital impact table, then the charts. */
export function ComparisonView(props: ComparisonViewProps) {
  const { t } = useLocale();
  const baseline = props.baseline.contract;
  const results = props.compared.map((c) => c.settlement.contract);
  // the headline, the report's title and the charts of one round are of the edited round
  const edited = Math.max(0, props.compared.findIndex((c) => c.edited));
  const ready = baseline !== null && results.every((r) => r !== null);
  // every result is of the params last asked for (a failed rerun has none to wait for)
  const current = [props.baseline, ...props.compared.map((c) => c.settlement)].every((s) => s.current || s.status === 'error');
  const { baselineName, roundNames } = useNamesOfResults(props.baselineName, props.compared.map((c) => c.name), current);
  // `results` is a new array each render; its members only change when a worker answers
  const settled = useMemo(
    () => (ready ? (results as SettledRound[]) : null),
    [ready, results[0], results[1], results[2], results[3]],
  );
  const rows = useMemo(() => (baseline && settled ? impactRows(props.hospitals, baseline, settled) : []), [props.hospitals, baseline, settled]);
  // the engine results of the same runs (set with their contracts): the impact table's statement columns read them
  const summaries = useMemo(() => props.compared.map((c) => c.settlement.result), [settled]);
  const headlineFigures = useMemo(() => (settled?.[edited] ? headline(rows, settled[edited], edited) : null), [rows, settled, edited]);
  const names = useMemo(() => new Map(props.hospitals.map((h) => [h.code, h.name])), [props.hospitals]);
  if (!baseline || !settled || !headlineFigures) return <p className="muted">{t('settle.running')}</p>;
  return (
    <div className={props.report ? 'report' : undefined}>
      {props.report ? (
        <div className="report-head">
          <h2>{t('report.title', { round: roundNames[edited] ?? '', baseline: baselineName })}</h2>
          <button type="button" className="primary no-print" data-testid="print" onClick={() => window.print()}>{t('report.print')}</button>
          <DiffView fromId={props.diff.fromId} toId={props.diff.toId} fromName={baselineName} toName={roundNames[edited] ?? ''} />
        </div>
      ) : null}
      <HeadlineCards headline={headlineFigures} names={names} />
      <ImpactTable rows={rows} baselineName={baselineName} roundNames={roundNames} editedIndex={edited} onOpenHospital={props.onOpenHospital} exportName={props.exportName} statementResults={summaries} printable={props.report} />
      <LevelTotals rows={rows} baselineName={baselineName} roundNames={roundNames} />
      {props.report ? null : <Charts rows={rows} baselineName={baselineName} roundNames={roundNames} editedIndex={edited} baseline={baseline} results={settled} />}
    </div>
  );
}

/**
 * The rounds' names as the results they label: while a rerun is under way they stay as they were, so that an
 * edit's "（未保存）" reaches the table headers and chart titles with its figures, in one update (the titles
 * alone would redraw the charts in full, a frame before the figures), not before them. A new number of rounds
 * shows at once: the results are of those rounds.
 * Returns the same array while the names do not change, so tables keep their column definitions between reruns.
 */
function useNamesOfResults(baselineName: string, names: string[], current: boolean): { baselineName: string; roundNames: string[] } {
  const key = [baselineName, ...names].join('\u0000');
  const [shown, setShown] = useState(key);
  const count = names.length + 1;
  if (shown !== key && (current || shown.split('\u0000').length !== count)) setShown(key);
  return useMemo(() => {
    const [baseline = '', ...rounds] = shown.split('\u0000');
    return { baselineName: baseline, roundNames: rounds };
  }, [shown]);
}
