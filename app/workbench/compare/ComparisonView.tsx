'use client';
import { useMemo } from 'react';
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
  compared: { name: string; settlement: Settlement }[];
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
  const ready = baseline !== null && results.every((r) => r !== null);
  // the same array while the names do not change, so tables keep their column definitions between reruns
  const namesKey = props.compared.map((c) => c.name).join('\u0000');
  const roundNames = useMemo(() => namesKey.split('\u0000'), [namesKey]);
  // `results` is a new array each render; its members only change when a worker answers
  const settled = useMemo(
    () => (ready ? (results as SettledRound[]) : null),
    [ready, results[0], results[1], results[2], results[3]],
  );
  const rows = useMemo(() => (baseline && settled ? impactRows(props.hospitals, baseline, settled) : []), [props.hospitals, baseline, settled]);
  const headlineFigures = useMemo(() => (settled?.[0] ? headline(rows, settled[0], 0) : null), [rows, settled]);
  const names = useMemo(() => new Map(props.hospitals.map((h) => [h.code, h.name])), [props.hospitals]);
  if (!baseline || !settled || !headlineFigures) return <p className="muted">{t('settle.running')}</p>;
  return (
    <div className={props.report ? 'report' : undefined}>
      {props.report ? (
        <div className="report-head">
          <h2>{t('report.title', { round: roundNames[0] ?? '', baseline: props.baselineName })}</h2>
          <button type="button" className="primary no-print" data-testid="print" onClick={() => window.print()}>{t('report.print')}</button>
          <DiffView fromId={props.diff.fromId} toId={props.diff.toId} fromName={props.baselineName} toName={roundNames[0] ?? ''} />
        </div>
      ) : null}
      <HeadlineCards headline={headlineFigures} names={names} />
      <ImpactTable rows={rows} baselineName={props.baselineName} roundNames={roundNames} onOpenHospital={props.onOpenHospital} exportName={props.exportName} />
      <LevelTotals rows={rows} baselineName={props.baselineName} roundNames={roundNames} />
      {props.report ? null : <Charts rows={rows} baselineName={props.baselineName} roundNames={roundNames} baseline={baseline} results={settled} />}
    </div>
  );
}
