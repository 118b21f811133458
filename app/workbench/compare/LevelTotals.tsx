'use client';
import { memo, useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { formatCount, formatPercent, formatSignedWan, formatWan, wanUnit } from '../../lib/format';
import type { ImpactRow } from './impact';

interface LevelRow {
  level: number;
  hospitals: number;
  baseline: number;
  rounds: number[];
}

function byLevel(rows: ImpactRow[], roundCount: number): LevelRow[] {
  const map = new Map<number, LevelRow>();
  for (const r of rows) {
    const acc = map.get(r.hospital.level) ?? { level: r.hospital.level, hospitals: 0, baseline: 0, rounds: new Array<number>(roundCount).fill(0) };
    acc.hospitals++;
    acc.baseline += r.baseline?.settlement ?? 0;
    r.rounds.forEach((o, i) => (acc.rounds[i] = (acc.rounds[i] ?? 0) + (o?.settlement ?? 0)));
    map.set(r.hospital.level, acc);
  }
  return [...map.values()].sort((a, b) => b.level - a.level);
}

/** 分等级合计: settlement by hospital level in each round, and the money that moved between levels. */
export const LevelTotals = memo(function LevelTotals({ rows, baselineName, roundNames }: { rows: ImpactRow[]; baselineName: string; roundNames: string[] }) {
  const { t, locale } = useLocale();
  const levels = useMemo(() => byLevel(rows, roundNames.length), [rows, roundNames.length]);
  const unit = wanUnit(locale);
  const columns = useMemo<TableColumn<LevelRow>[]>(
    () => [
      { id: 'level', header: t('hospitals.level'), value: (r) => r.level, render: (r) => t(`level.${r.level as 1 | 2 | 3}`) },
      { id: 'hospitals', header: t('levels.hospitals'), value: (r) => r.hospitals, numeric: true, render: (r) => formatCount(r.hospitals, locale) },
      { id: 'baseline', header: `${baselineName} (${unit})`, value: (r) => r.baseline, numeric: true, render: (r) => formatWan(r.baseline, locale) },
      ...roundNames.flatMap((name, i): TableColumn<LevelRow>[] => [
        { id: `s${i}`, header: `${name} (${unit})`, value: (r) => r.rounds[i] ?? 0, numeric: true, render: (r) => formatWan(r.rounds[i] ?? 0, locale) },
        {
          id: `d${i}`, header: `${t('impact.vsBaseline')} (${unit})`, value: (r) => (r.rounds[i] ?? 0) - r.baseline, numeric: true,
          render: (r) => formatSignedWan((r.rounds[i] ?? 0) - r.baseline, locale),
        },
        {
          id: `p${i}`, header: t('impact.vsBaselinePct'), value: (r) => (r.baseline ? ((r.rounds[i] ?? 0) - r.baseline) / r.baseline : null), numeric: true,
          render: (r) => (r.baseline ? formatPercent(((r.rounds[i] ?? 0) - r.baseline) / r.baseline, locale) : '—'),
        },
      ]),
    ],
    [t, locale, unit, baselineName, roundNames],
  );
  return (
    <DataTable caption={t('levels.title')} rows={levels} columns={columns} rowKey={(r) => String(r.level)} exportName="settlement-by-level" testId="level-totals" />
  );
});
