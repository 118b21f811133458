/**
 * Data shaping of the comparison charts (pure; rendering lives in Charts.tsx). Each builder returns the plotly
 * traces and the same figures as rows, so that every chart can also be exported as a table.
 */
import { change, shiftByLevel, type ImpactRow, type SettledRound } from './impact';

export const LEVEL_COLORS: Record<number, string> = { 1: '#8e6ac8', 2: '#e38b1b', 3: '#0b5cad' };

export interface ChangeBar {
  code: string;
  name: string;
  level: number;
  yuan: number;
}

/** Change of settlement per hospital vs baseline, sorted from the largest loss to the largest gain. */
export function sortedChanges(rows: ImpactRow[], roundIndex: number): ChangeBar[] {
  return rows
    .map((r) => ({
      code: r.hospital.code,
      name: r.hospital.name,
      level: r.hospital.level,
      yuan: change(r.baseline?.settlement, r.rounds[roundIndex]?.settlement).yuan,
    }))
    .sort((a, b) => a.yuan - b.yuan || a.code.localeCompare(b.code));
}

/**
 * One bar trace per level holding only its own hospitals, at their rank in the sorted order (a numeric axis:
 * no category per hospital, no empty bars for the other levels). Names go to the hover, not onto the bars:
 * bar text makes plotly measure a text box per bar on every redraw.
 */
export function changeBarTraces(bars: ChangeBar[], levelName: (level: number) => string): Record<string, unknown>[] {
  return [3, 2, 1].map((level) => {
    const x: number[] = [];
    const y: number[] = [];
    const hovertext: string[] = [];
    bars.forEach((b, rank) => {
      if (b.level !== level) return;
      x.push(rank);
      y.push(b.yuan / 1e4);
      hovertext.push(`${b.code} ${b.name}`);
    });
    return {
      type: 'bar',
      name: levelName(level),
      x,
      y,
      hovertext,
      hovertemplate: '%{hovertext}<br>%{y:.2f}<extra></extra>',
      marker: { color: LEVEL_COLORS[level] },
    };
  });
}

export interface CmiPoint {
  round: string;
  code: string;
  name: string;
  cmi: number;
  ratio: number;
}

/** One point per hospital and round: CMI against payment-to-cost ratio. */
export function cmiScatter(rows: ImpactRow[], baselineName: string, roundNames: string[]): CmiPoint[] {
  const points: CmiPoint[] = [];
  const add = (round: string, r: ImpactRow, o: ImpactRow['baseline']) => {
    if (o && o.totalCost > 0) points.push({ round, code: r.hospital.code, name: r.hospital.name, cmi: o.cmi, ratio: o.paymentCostRatio });
  };
  for (const r of rows) {
    add(baselineName, r, r.baseline);
    roundNames.forEach((name, i) => add(name, r, r.rounds[i] ?? null));
  }
  return points;
}

export function cmiScatterTraces(points: CmiPoint[], roundOrder: string[]): Record<string, unknown>[] {
  return roundOrder.map((round) => {
    const mine = points.filter((p) => p.round === round);
    return {
      type: 'scatter',
      mode: 'markers',
      name: round,
      x: mine.map((p) => p.cmi),
      y: mine.map((p) => p.ratio),
      hovertext: mine.map((p) => `${p.code} ${p.name}`),
      hovertemplate: '%{hovertext}<br>CMI %{x:.3f} · %{y:.3f}<extra></extra>',
      marker: { size: 9, opacity: 0.75 },
    };
  });
}

export interface RoundFigures {
  round: string;
  employeePointValue: number;
  residentPointValue: number;
  settlement: number;
  budget: number;
}

/** Point value per pool and total settlement across rounds (baseline first). */
export function acrossRounds(names: string[], results: SettledRound[]): RoundFigures[] {
  return results.map((r, i) => {
    const totals = Object.values(r.totals).filter((t) => t !== undefined);
    return {
      round: names[i] ?? String(i),
      employeePointValue: r.point_value.employee ?? 0,
      residentPointValue: r.point_value.resident ?? 0,
      settlement: totals.reduce((s, t) => s + t.settlement, 0),
      budget: totals.reduce((s, t) => s + t.budget, 0),
    };
  });
}

export { shiftByLevel };

/** An axis range, [low, high]. */
export type AxisRange = [number, number];

/** The extent of some values, with 0 included when `withZero` (bars grow from 0); null when there are none. */
export function extentOf(values: Iterable<number>, withZero = false): AxisRange | null {
  let lo = withZero ? 0 : Infinity;
  let hi = withZero ? 0 : -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** `need` widened by `share` of its span at each end (an end at 0 stays at 0: bars start there). */
export function padded(need: AxisRange, share: number): AxisRange {
  const span = need[1] - need[0] || Math.abs(need[1]) * 0.1 || 1;
  return [need[0] === 0 ? 0 : need[0] - span * share, need[1] === 0 ? 0 : need[1] + span * share];
}

/**
 * The range an axis shows for data that need `need`: the range it held (`held`) while the data fit in it and
 * fill at least a third of it, else `need` with room to move (20 % of its span at each end, an end at 0 kept).
 * Axes that hold still while the levers move make the bars' change visible, and let a rerun redraw only the
 * traces (Plotly.animate) instead of the whole chart.
 */
export function holdRange(held: AxisRange | undefined, need: AxisRange): AxisRange {
  if (held && held[0] <= need[0] && held[1] >= need[1] && need[1] - need[0] >= (held[1] - held[0]) / 3) return held;
  return padded(need, 0.2);
}
