/**
 * 变动归因 as the workbench's tables show it (pure): the decomposition's rows (one per hospital and pool, ANALYSIS.md
 * §A.5) added per hospital over the pools chosen, and the totals per level and pool. Every sum is of the rows'
 * rounded figures in whole fen (§A.4: level and pool totals are sums of the hospitals' rounded parts), so the
 * parts of any row or total add up to its change exactly.
 */
import type { Decomposition, DecompositionRow, DrgWeightsPart, Figures } from '@/worker/analysis/decomposition-json';
import { fenOf } from '@/worker/settlement/rounding';
import { POOLS, type Pool } from '@/worker/settlement/types';
import { FAMILIES, type Family } from './families';

/** Both pools added, or one. */
export type PoolChoice = 'all' | Pool;
export type FigureName = keyof Figures;

/** Money of a row in whole fen: from, to, change, the parts and the one-at-a-time effects, by family. */
export interface FenFigures {
  from: number;
  to: number;
  change: number;
  parts: Record<Family, number>;
  alone: Record<Family, number>;
}

export interface AttributionRow extends FenFigures {
  code: string;
  name: string;
  level: number;
}

export interface LevelAttributionRow extends FenFigures {
  pool: Pool;
  /** null: the pool's total over its levels */
  level: number | null;
  hospitals: number;
}

export function emptyFen(): FenFigures {
  const zeros = () => Object.fromEntries(FAMILIES.map((f) => [f, 0])) as Record<Family, number>;
  return { from: 0, to: 0, change: 0, parts: zeros(), alone: zeros() };
}

/** Adds one decomposition row's figure into `into` (fen). */
export function addRow(into: FenFigures, row: Pick<DecompositionRow, 'from' | 'to' | 'change' | 'parts' | 'alone'>, figure: FigureName): void {
  into.from += fenOf(row.from[figure]);
  into.to += fenOf(row.to[figure]);
  into.change += fenOf(row.change[figure]);
  for (const f of FAMILIES) {
    into.parts[f] += fenOf(row.parts[figure][f]);
    into.alone[f] += fenOf(row.alone[figure][f]);
  }
}

function addFen(into: FenFigures, other: FenFigures): void {
  into.from += other.from;
  into.to += other.to;
  into.change += other.change;
  for (const f of FAMILIES) {
    into.parts[f] += other.parts[f];
    into.alone[f] += other.alone[f];
  }
}

/** §A.3: what the families do together beyond one at a time, change − Σ alone (fen). */
export function interactionFen(figures: Pick<FenFigures, 'change' | 'alone'>): number {
  return FAMILIES.reduce((rest, f) => rest - figures.alone[f], figures.change);
}

/** Σ of the parts (fen): equals the change (§A.4). */
export function partsFen(figures: Pick<FenFigures, 'parts'>): number {
  return FAMILIES.reduce((sum, f) => sum + figures.parts[f], 0);
}

export function poolsOf(choice: PoolChoice): readonly Pool[] {
  return choice === 'all' ? POOLS : [choice];
}

/** One row per hospital with rows in the chosen pools, in the decomposition's order (§7: pool, then code). */
export function attributionRows(
  decomposition: Pick<Decomposition, 'hospitals'>,
  hospitals: ReadonlyMap<string, { name: string; level: number }>,
  pool: PoolChoice,
  figure: FigureName,
): AttributionRow[] {
  const pools = poolsOf(pool);
  const byCode = new Map<string, AttributionRow>();
  for (const row of decomposition.hospitals) {
    if (!pools.includes(row.pool)) continue;
    let out = byCode.get(row.hospital_code);
    if (!out) {
      const info = hospitals.get(row.hospital_code);
      out = { code: row.hospital_code, name: info?.name ?? '', level: info?.level ?? 0, ...emptyFen() };
      byCode.set(row.hospital_code, out);
    }
    addRow(out, row, figure);
  }
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Totals per level and pool, highest level first, each pool followed by its total over the levels (level null):
 * sums of the hospitals' rounded rows in fen, as the decomposition's own `by_level` and `totals` are (§A.4).
 */
export function levelRows(
  decomposition: Pick<Decomposition, 'hospitals'>,
  levels: ReadonlyMap<string, number>,
  pool: PoolChoice,
  figure: FigureName,
): LevelAttributionRow[] {
  const out: LevelAttributionRow[] = [];
  for (const p of poolsOf(pool)) {
    const poolTotal: LevelAttributionRow = { pool: p, level: null, hospitals: 0, ...emptyFen() };
    for (const level of [3, 2, 1]) {
      const members = decomposition.hospitals.filter((r) => r.pool === p && levels.get(r.hospital_code) === level);
      if (!members.length) continue;
      const row: LevelAttributionRow = { pool: p, level, hospitals: members.length, ...emptyFen() };
      for (const member of members) addRow(row, member, figure);
      addFen(poolTotal, row);
      poolTotal.hospitals += row.hospitals;
      out.push(row);
    }
    out.push(poolTotal);
  }
  return out;
}

/** The city's total of level rows (the pools' totals left out: they sum the same rows again). */
export function cityTotal(rows: readonly LevelAttributionRow[]): FenFigures {
  const total = emptyFen();
  for (const row of rows) if (row.level !== null) addFen(total, row);
  return total;
}

/** One DRG's line of a hospital's weights part (DrgWeightsPart), in fen; `code` null: the line no DRG carries. */
export interface DrillLine {
  code: string | null;
  name: string;
  fen: number;
}

/** The weights part's lines of the chosen pools added per DRG (fen), largest first, the line no DRG carries last on ties. */
export function mergeDrillLines(perPool: readonly (readonly DrgWeightsPart[])[]): DrillLine[] {
  const byCode = new Map<string | null, DrillLine>();
  for (const lines of perPool) {
    for (const line of lines) {
      const into = byCode.get(line.drg_code) ?? { code: line.drg_code, name: line.name, fen: 0 };
      into.fen += fenOf(line.part);
      byCode.set(line.drg_code, into);
    }
  }
  return [...byCode.values()].filter((l) => l.fen !== 0).sort((a, b) => Math.abs(b.fen) - Math.abs(a.fen) || (a.code ?? '~').localeCompare(b.code ?? '~'));
}
