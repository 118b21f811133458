import { describe, expect, it } from 'vitest';
import { combineCharts, gridCells, singleFigure, type ChartSpec } from './chart-grid';

const bars: ChartSpec = {
  data: [
    { type: 'bar', name: '三级', x: [0, 2], y: [5, 7] },
    { type: 'bar', name: '二级', x: [1], y: [-3] },
  ],
  layout: { title: { text: '变化' }, barmode: 'overlay', xaxis: { showticklabels: false }, yaxis: { title: { text: '万元' } }, legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom' } },
  extents: { yaxis: [-3, 7] },
};
const rounds: ChartSpec = {
  data: [
    { type: 'bar', x: ['第0轮', '第1轮'], y: [70, 71] },
    { type: 'scatter', x: ['第0轮', '第1轮'], y: [80, 81], yaxis: 'y2' },
  ],
  layout: {
    title: { text: '各轮' },
    yaxis2: { overlaying: 'y', side: 'right' },
    shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 75, y1: 75 }],
    barmode: 'group',
  },
  extents: { yaxis: [0, 71], yaxis2: [79, 82] },
  margin: { r: 80 },
};
const single: ChartSpec = { data: [{ type: 'bar', x: ['三级'], y: [1] }], layout: {}, extents: {} };

describe('chart grid', () => {
  it('lays charts out in two columns when each gets 620 px, else in one', () => {
    expect(gridCells(3, 1256)).toEqual({
      cells: [
        { left: 0, top: 0, width: 620, height: 468 },
        { left: 636, top: 0, width: 620, height: 468 },
        { left: 0, top: 484, width: 620, height: 468 },
      ],
      height: 952,
    });
    expect(gridCells(2, 1255).cells.map((c) => [c.left, c.top, c.width])).toEqual([[0, 0, 1255], [0, 484, 1255]]);
  });

  it('gives each chart axes of its own, placed in its cell less its margins', () => {
    const figure = combineCharts([bars, rounds], 1256);
    expect(figure.height).toBe(468);
    expect(figure.axes).toEqual([{ xaxis: 'xaxis', yaxis: 'yaxis' }, { xaxis: 'xaxis2', yaxis: 'yaxis2', yaxis2: 'yaxis3' }]);
    const axis = (name: string) => figure.layout[name] as Record<string, unknown>;
    // first chart: plot area 70…600 px across, 56…360 px down (margins 56/20/60/70, 420 px high)
    expect(axis('xaxis').domain).toEqual([70 / 1256, 600 / 1256]);
    expect(axis('yaxis').domain).toEqual([1 - 360 / 468, 1 - 56 / 468]);
    expect(axis('xaxis')).toMatchObject({ showticklabels: false, anchor: 'y' });
    // second chart: its cell starts at 636 px, right margin 80
    expect(axis('xaxis2').domain).toEqual([706 / 1256, 1176 / 1256]);
    expect(axis('yaxis2')).toMatchObject({ anchor: 'x2' });
    expect(axis('yaxis3')).toMatchObject({ overlaying: 'y2', side: 'right', anchor: 'x2' });
    expect(figure.data.map((t) => [t.xaxis, t.yaxis])).toEqual([['x', 'y'], ['x', 'y'], ['x2', 'y2'], ['x2', 'y3']]);
    expect(figure.extents).toEqual({ yaxis: [-3, 7], yaxis2: [0, 71], yaxis3: [79, 82] });
    // colours as in figures of their own: each chart's first trace blue, its second orange
    expect(figure.data.map((t) => (t.marker as { color: string }).color)).toEqual(['#1f77b4', '#ff7f0e', '#1f77b4', '#ff7f0e']);
    expect(figure.data[3]!.line).toEqual({ color: '#ff7f0e' });
  });

  it('keeps titles, legends and shapes with their charts', () => {
    const figure = combineCharts([bars, rounds, single], 1256);
    const annotations = figure.layout.annotations as Record<string, unknown>[];
    expect(annotations.map((a) => [a.text, a.x])).toEqual([['变化', 310 / 1256], ['各轮', 946 / 1256]]);
    // each chart with more than one trace has a legend of its own; a single trace shows none, as on its own
    expect(figure.data.map((t) => t.legend ?? t.showlegend)).toEqual(['legend', 'legend', 'legend2', 'legend2', false]);
    // the first chart's legend sits just above its plot area (1.02 of its 304 px), anchored at its bottom
    expect(figure.layout.legend).toMatchObject({ x: 70 / 1256, y: 1 - (360 - 1.02 * 304) / 952, xanchor: 'left', yanchor: 'bottom' });
    // the second chart's legend was plotly's default (vertical, right of the plot, top at 1)
    expect(figure.layout.legend2).toMatchObject({ x: (706 + 1.02 * 470) / 1256, y: 1 - 56 / 952, xanchor: 'left', yanchor: 'top' });
    expect(figure.layout.shapes).toEqual([{ type: 'line', xref: 'x2 domain', yref: 'y2', x0: 0, x1: 1, y0: 75, y1: 75 }]);
    // figure-wide keys: the first chart that sets one decides
    expect(figure.layout.barmode).toBe('overlay');
    expect(figure.layout.margin).toEqual({ t: 0, r: 0, b: 0, l: 0 });
  });

  it('draws a chart alone for its PNG, at the ranges it shows', () => {
    const figure = singleFigure(rounds, { yaxis2: [78, 83] }, 1600, 900);
    expect(figure.data).toBe(rounds.data);
    expect(figure.layout).toMatchObject({ width: 1600, height: 900, margin: { t: 56, r: 80, b: 60, l: 70 }, yaxis2: { overlaying: 'y', range: [78, 83], autorange: false } });
  });
});
