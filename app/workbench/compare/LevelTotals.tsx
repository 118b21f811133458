'use client';
import { memo, useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { COUNT, MONEY, PERCENT, SIGNED_MONEY, withUnit } from '../../lib/column-format';
import { sumYuan } from '../../lib/money';
import { fenOf } from '@/worker/settlement/rounding';
import type { ImpactRow } from './impact';

interface LevelRow {
  level: number;
  hospitals: number;
  /** settlement under the baseline, yuan (added in whole fen) */
  baseline: number;
  /** settlement under each compared round, yuan (added in whole fen) */
  rounds: number[];
}

/** Settlement by level, every sum in whole fen: the figures add up to the impact table's totals to the fen. */
export function byLevel(rows: readonly ImpactRow[], roundCount: number): LevelRow[] {
  const groups = new Map<number, ImpactRow[]>();
  for (const r of rows) groups.set(r.hospital.level, [...(groups.get(r.hospital.level) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => b - a)
    .map(([level, members]) => ({
      level,
      hospitals: members.length,
      baseline: sumYuan(members, (r) => r.baseline?.settlement),
      rounds: Array.from({ length: roundCount }, (_, i) => sumYuan(members, (r) => r.rounds[i]?.settlement)),
    }));
}

/** Change of a level's settlement against the baseline, in yuan from whole fen, and as a ratio (null: no baseline). */
function changeOf(r: LevelRow, i: number): { yuan: number; ratio: number | null } {
  const fen = fenOf(r.rounds[i] ?? 0) - fenOf(r.baseline);
  return { yuan: fen / 100, ratio: r.baseline ? fen / 100 / Math.abs(r.baseline) : null };
}

/** The totals row: the whole city, the same sums over the levels. */
function cityOf(levels: readonly LevelRow[], roundCount: number): LevelRow {
  return {
    level: 0,
    hospitals: levels.reduce((s, l) => s + l.hospitals, 0),
    baseline: sumYuan(levels, (l) => l.baseline),
    rounds: Array.from({ length: roundCount }, (_, i) => sumYuan(levels, (l) => l.rounds[i])),
  };
}

/** 分等级合计: settlement by hospital level in each round, and the money that moved between levels. */
export const LevelTotals = memo(function LevelTotals({ rows, baselineName, roundNames }: { rows: ImpactRow[]; baselineName: string; roundNames: string[] }) {
  const { t, locale } = useLocale();
  const levels = useMemo(() => byLevel(rows, roundNames.length), [rows, roundNames.length]);
  const columns = useMemo<TableColumn<LevelRow>[]>(() => {
    const city = (ls: readonly LevelRow[]) => cityOf(ls, roundNames.length);
    return [
      { id: 'level', header: t('hospitals.level'), value: (r) => r.level, text: (r) => t(`level.${r.level as 1 | 2 | 3}`), total: () => t('hospitals.total') },
      { id: 'hospitals', header: t('levels.hospitals'), value: (r) => r.hospitals, numeric: true, format: COUNT, total: (ls) => city(ls).hospitals },
      { id: 'baseline', header: withUnit(baselineName, MONEY, locale), value: (r) => r.baseline, numeric: true, format: MONEY, total: (ls) => city(ls).baseline },
      ...roundNames.flatMap((name, i): TableColumn<LevelRow>[] => [
        { id: `s${i}`, header: withUnit(name, MONEY, locale), value: (r) => r.rounds[i] ?? 0, numeric: true, format: MONEY, total: (ls) => city(ls).rounds[i] ?? 0 },
        {
          id: `d${i}`, header: withUnit(t('impact.vsBaseline'), SIGNED_MONEY, locale), value: (r) => changeOf(r, i).yuan, numeric: true, format: SIGNED_MONEY,
          total: (ls) => changeOf(city(ls), i).yuan,
        },
        {
          id: `p${i}`, header: withUnit(t('impact.vsBaseline'), PERCENT, locale), value: (r) => changeOf(r, i).ratio, numeric: true, format: PERCENT,
          total: (ls) => changeOf(city(ls), i).ratio,
        },
      ]),
    ];
  }, [t, locale, baselineName, roundNames]);
  return (
    <DataTable caption={t('levels.title')} rows={levels} columns={columns} rowKey={(r) => String(r.level)} exportName="settlement-by-level" testId="level-totals" />
  );
});
