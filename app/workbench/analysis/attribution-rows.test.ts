import { describe, expect, it } from 'vitest';
import type { DecompositionRow } from '@/worker/analysis/decomposition-json';
import type { Pool } from '@/worker/settlement/types';
import { attributionRows, cityTotal, interactionFen, levelRows, mergeDrillLines, partsFen } from './attribution-rows';
import { hospitalLabel, largestChanges, partBars, waterfall } from './attribution-charts';
import { wanOfFen } from '../../lib/format';
import { FAMILIES } from './families';

/** A decomposition row whose settlement parts are `parts` (yuan) and fund payment parts half of them. */
function row(code: string, pool: Pool, from: number, parts: [number, number, number, number, number], alone: [number, number, number, number, number]): DecompositionRow {
  const change = parts.reduce((s, p) => Math.round((s + p) * 100) / 100, 0);
  const record = (values: number[], scale = 1) => Object.fromEntries(FAMILIES.map((f, i) => [f, Math.round(values[i]! * scale * 100) / 100])) as Record<(typeof FAMILIES)[number], number>;
  const halfParts = record(parts, 0.5);
  const halfChange = FAMILIES.reduce((s, f) => Math.round((s + halfParts[f]) * 100) / 100, 0);
  return {
    hospital_code: code,
    pool,
    from: { settlement: from, fund_payment: from / 2 },
    to: { settlement: Math.round((from + change) * 100) / 100, fund_payment: Math.round((from / 2 + halfChange) * 100) / 100 },
    change: { settlement: change, fund_payment: halfChange },
    parts: { settlement: record(parts), fund_payment: halfParts },
    alone: { settlement: record(alone), fund_payment: record(alone, 0.5) },
  };
}

// H001 (三级) in both pools, H002 (二级) in the employee pool only
const decomposition = {
  hospitals: [
    row('H001', 'employee', 1000, [100.01, -20.02, 5, 0, -0.03], [90, -25, 5, 0, 0]),
    row('H002', 'employee', 500, [-10, 0, 2.5, 0.01, 0], [-10, 0, 2.5, 0, 0]),
    row('H001', 'resident', 300, [1.1, 2.2, 0, 0, 0], [1, 2, 0, 0, 0]),
  ],
};
const hospitals = new Map([
  ['H001', { name: '云泽市第一人民医院', level: 3 }],
  ['H002', { name: '东区医院', level: 2 }],
]);
const levels = new Map([...hospitals].map(([code, h]) => [code, h.level]));

describe('attribution rows', () => {
  it('adds a hospital over both pools in whole fen, its parts adding up to its change', () => {
    const rows = attributionRows(decomposition, hospitals, 'all', 'settlement');
    expect(rows.map((r) => r.code)).toEqual(['H001', 'H002']);
    const h001 = rows[0]!;
    // 100.01 + 1.10 = 101.11 yuan of weights; −20.02 + 2.20 = −17.82 of rates
    expect(h001.parts.weights).toBe(10111);
    expect(h001.parts.rates).toBe(-1782);
    expect(h001.from).toBe(130000);
    expect(h001.change).toBe(8496 + 330);
    expect(partsFen(h001)).toBe(h001.change);
    // change − Σ alone: 88.26 − (90 − 25 + 5 + 1 + 2) = 15.26 yuan
    expect(interactionFen(h001)).toBe(8826 - 7300);
    expect(h001.name).toBe('云泽市第一人民医院');
  });

  it('keeps one pool when asked, and the fund payment figure', () => {
    const rows = attributionRows(decomposition, hospitals, 'resident', 'fund_payment');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.parts.weights).toBe(55);
    expect(rows[0]!.parts.rates).toBe(110);
    expect(rows[0]!.change).toBe(165);
  });

  it('totals levels and pools from the rounded rows, the city total leaving out the pool totals', () => {
    const rows = levelRows(decomposition, levels, 'all', 'settlement');
    expect(rows.map((r) => [r.pool, r.level, r.hospitals])).toEqual([
      ['employee', 3, 1],
      ['employee', 2, 1],
      ['employee', null, 2],
      ['resident', 3, 1],
      ['resident', null, 1],
    ]);
    const employee = rows[2]!;
    expect(employee.change).toBe(8496 - 749);
    expect(partsFen(employee)).toBe(employee.change);
    const city = cityTotal(rows);
    expect(city.change).toBe(8496 - 749 + 330);
    expect(city.parts.coefficients).toBe(750);
  });
});

describe('attribution charts', () => {
  const rows = attributionRows(decomposition, hospitals, 'all', 'settlement');

  it('writes 万元 from fen as the tables round them, half away from zero', () => {
    expect(wanOfFen(1_234_567)).toBe(1.23);
    expect(wanOfFen(-1_235_000)).toBe(-1.24);
    expect(wanOfFen(4_999)).toBe(0);
  });

  it('picks the largest changes either way and lists gains first', () => {
    expect(largestChanges(rows, 1).map((r) => r.code)).toEqual(['H001']);
    expect(largestChanges(rows, 5).map((r) => r.code)).toEqual(['H001', 'H002']);
  });

  it('shortens long names on the axis', () => {
    expect(hospitalLabel({ code: 'H001', name: '云泽市第一人民医院' }, 5)).toBe('H001 云泽市第…');
    expect(hospitalLabel({ code: 'H002', name: '东区医院' }, 5)).toBe('H002 东区医院');
  });

  it('stacks one trace per family in its colour, and marks each change with its figure', () => {
    const chart = partBars(rows, (f) => f, 'change', (wan) => wan.toFixed(2));
    expect(chart.data).toHaveLength(7);
    expect(chart.data[0]).toMatchObject({ name: 'weights', marker: { color: '#2b6cb0' }, x: [0.01, 0] });
    // the markers at the change; the figures beyond the end of each bar (H001: Σ positive parts 0.01 万元)
    expect(chart.data[5]).toMatchObject({ mode: 'markers', x: [0.01, 0] });
    expect(chart.data[6]).toMatchObject({ mode: 'text', text: ['0.01', '0.00'], x: [0.01, 0] });
  });

  it('floats each part of the waterfall from the parts before it, and stands the change from 0', () => {
    const h001 = rows[0]!;
    const chart = waterfall({ parts: { weights: 2_000_000, rates: -500_000, coefficients: 0, case_rules: 0, clearing: 10_000 }, change: 1_510_000 }, (f) => f, 'change', String);
    const bars = chart.data[0] as { base: number[]; y: number[]; text: string[] };
    expect(bars.base).toEqual([0, 2, 1.5, 1.5, 1.5, 0]);
    expect(bars.y).toEqual([2, -0.5, 0, 0, 0.01, 1.51]);
    expect(bars.text).toEqual(['2', '-0.5', '0', '0', '0.01', '1.51']);
    expect(h001.code).toBe('H001');
  });
});

describe('weights part by DRG', () => {
  it('adds the pools per DRG in fen and drops lines that cancel', () => {
    const lines = mergeDrillLines([
      [
        { drg_code: 'GB11', name: '胃大部切除', part: 120.5 },
        { drg_code: null, name: 'other', part: -0.5 },
        { drg_code: 'ES31', name: '肺炎', part: 3 },
      ],
      [
        { drg_code: 'ES31', name: '肺炎', part: -3 },
        { drg_code: 'GB11', name: '胃大部切除', part: 0.01 },
      ],
    ]);
    expect(lines).toEqual([
      { code: 'GB11', name: '胃大部切除', fen: 12051 },
      { code: null, name: 'other', fen: -50 },
    ]);
  });
});
