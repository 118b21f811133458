import { describe, expect, it } from 'vitest';
import { monthRows, projectionChart } from './projection-chart';

const pool = {
  this_year: { point_value: 10, monthly: Array.from({ length: 12 }, (_, i) => 10 + (i % 2)), fund_balance: 0 },
  projected: { point_value: 9.5, monthly: Array.from({ length: 12 }, (_, i) => 9.5 + (i % 2)), fund_balance: -5 },
};

describe('projection chart', () => {
  it('pairs each month of this year with the projected one', () => {
    const rows = monthRows(pool);
    expect(rows).toHaveLength(12);
    expect(rows[1]).toEqual({ month: 2, thisYear: 11, projected: 10.5 });
  });

  it('draws two monthly lines and each year as a dashed line, the higher year’s figure above its line', () => {
    const chart = projectionChart(pool, { thisYear: '本年', projected: '下年度', month: '月份' }, (m) => `${m}月`);
    expect(chart.data).toHaveLength(4);
    expect(chart.data[0]).toMatchObject({ name: '本年', x: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'] });
    expect(chart.data[1]).toMatchObject({ y: [10, 10], text: ['', '10.0000'], textposition: 'top left', line: { dash: 'dash' } });
    expect(chart.data[3]).toMatchObject({ y: [9.5, 9.5], text: ['', '9.5000'], textposition: 'bottom left' });
    const range = (chart.layout.yaxis as { range: [number, number] }).range;
    expect(range[0]).toBeLessThan(9.5);
    expect(range[1]).toBeGreaterThan(11);
  });

  it('labels the year once when both years have the same point value (zero growth)', () => {
    const flat = { this_year: pool.this_year, projected: { ...pool.projected, point_value: 10 } };
    const chart = projectionChart(flat, { thisYear: '本年', projected: '下年度', month: '月份' }, (m) => `${m}月`);
    expect(chart.data[1]).toMatchObject({ text: ['', '10.0000'] });
    expect(chart.data[3]).toMatchObject({ y: [10, 10], text: ['', ''] });
  });
});
