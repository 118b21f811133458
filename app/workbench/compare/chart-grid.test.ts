import { describe, expect, it } from 'vitest';
import { chartFrame, GRID, gridCells, legendRowHeight, widestTickLabel, Y_TITLE_STANDOFF, type ChartSpec } from './chart-frame';
import { combineCharts, gridLayout, singleFigure } from './chart-grid';
import { estimateTextWidth, type MeasureText } from './chart-text';

/** every character 10 px: the arithmetic of the tests in whole characters */
const mono: MeasureText = (text) => [...text].length * 10;

const bars: ChartSpec = {
  data: [
    { type: 'bar', name: '三级', x: [0, 2], y: [5, 7] },
    { type: 'bar', name: '二级', x: [1], y: [-3] },
  ],
  layout: { title: { text: '变化' }, barmode: 'overlay', xaxis: { showticklabels: false }, yaxis: { title: { text: '万元' } } },
  extents: { yaxis: [-3, 7] },
};
const rounds: ChartSpec = {
  data: [
    { type: 'bar', x: [0, 1], y: [70, 71], showlegend: false },
    { type: 'scatter', x: [0, 1], y: [80, 81], yaxis: 'y2', showlegend: false },
  ],
  layout: {
    title: { text: '各轮' },
    yaxis2: { overlaying: 'y', side: 'right' },
    shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 75, y1: 75 }],
    barmode: 'group',
  },
  xLabels: ['第0轮', '第1轮 权重调整'],
  extents: { yaxis: [0, 71], yaxis2: [79, 82] },
  margin: { r: 80 },
};
const single: ChartSpec = { data: [{ type: 'bar', x: ['三级'], y: [1] }], layout: {}, extents: {} };

describe('chart grid: cells', () => {
  it('lays charts out in two columns when each gets 620 px, else in one; a row as high as its highest chart', () => {
    expect(gridCells([420, 500, 420], 1256)).toEqual({
      cells: [
        { left: 0, top: 0, width: 620, height: 548 },
        { left: 636, top: 0, width: 620, height: 548 },
        { left: 0, top: 564, width: 620, height: 468 },
      ],
      height: 1032,
    });
    expect(gridCells([420, 420], 1255).cells.map((c) => [c.left, c.top, c.width])).toEqual([[0, 0, 1255], [0, 484, 1255]]);
  });
});

describe('chart grid: a chart frame', () => {
  it('makes room above the plot for the title lines and legend rows, under it for the names of the x axis', () => {
    const legend = legendRowHeight(GRID.fontSize);
    const frame = chartFrame(bars, 620, GRID, mono);
    expect(frame.title).toEqual(['变化']);
    expect(frame.legend).toEqual([{ top: 10 + Math.ceil(19 * 1.3) + 6, entries: [{ index: 0, text: '三级' }, { index: 1, text: '二级' }] }]);
    // left: the widest tick label ("−13", the range may grow to 3 × the data's span), its gap, the title's standoff and line, 6 px to the edge
    expect(frame.margin).toEqual({ t: 10 + 25 + 6 + legend + 16, r: 20, b: 60, l: 30 + 8 + Y_TITLE_STANDOFF + 20 + 6 });
    expect(frame.height).toBe(420);
    // no legend for a chart whose traces are all kept out of it; its x names wrapped in their slot, 2 lines
    const roundsFrame = chartFrame(rounds, 200, GRID, mono);
    expect(roundsFrame.legend).toEqual([]);
    expect(roundsFrame.margin.t).toBe(56);
    // slots of (200 − 70 − 80) / 2 = 25 px less 8: one character a line
    expect(roundsFrame.xLabels![0]).toBe('第<br>0<br>轮');
    expect(roundsFrame.margin.b).toBe(8 + Math.ceil(3 * 15 * 1.3) + 12);
  });

  it('grows a chart whose texts leave less than the least plot height', () => {
    const names = Array.from({ length: 5 }, (_, i) => `第${i}轮 一个很长的轮次名称用来测试图例换行`);
    const spec: ChartSpec = { data: names.map((name) => ({ type: 'scatter', name })), layout: { title: { text: names.join(' 与 ') } }, extents: {} };
    const frame = chartFrame(spec, 620, GRID, mono);
    expect(frame.title).toHaveLength(3);
    // 20 characters and the symbol a name: two to a row of 620 − 70 − 16 px
    expect(frame.legend.map((r) => r.entries.length)).toEqual([2, 2, 1]);
    expect(frame.height).toBe(frame.margin.t + GRID.minPlotHeight + frame.margin.b);
    expect(frame.height).toBeGreaterThan(GRID.chartHeight);
  });

  it('never lets texts overlap or leave the cell: 1 to 5 rounds of long names, one or two columns', () => {
    const name = (i: number) => `第${i}轮 上年规则（2023年度）调整方案（未保存）`;
    for (const width of [1216, 1536]) {
      for (let n = 1; n <= 5; n++) {
        const names = Array.from({ length: n }, (_, i) => name(i));
        const specs: ChartSpec[] = [
          { data: names.map((nm) => ({ type: 'scatter', name: nm })), layout: { title: { text: `各医院结算变化：${names.at(-1)} 较 ${names[0]}` } }, extents: {} },
          { data: [{ type: 'bar', name: '结算总额' }, { type: 'scatter', name: '职工 点值' }, { type: 'scatter', name: '居民 点值' }], layout: { title: { text: '各轮点值与结算总额' } }, xLabels: names, margin: { r: 80 }, extents: {} },
        ];
        const { frames, cells, chartHeights } = gridLayout(specs, width, GRID, estimateTextWidth);
        frames.forEach((frame, i) => {
          const cell = cells[i]!;
          const titleBottom = 10 + frame.title.length * GRID.titleSize * 1.3;
          frame.title.forEach((line) => expect(estimateTextWidth(line, GRID.titleSize)).toBeLessThanOrEqual(cell.width - 32));
          let below = titleBottom;
          for (const row of frame.legend) {
            expect(row.top).toBeGreaterThanOrEqual(below);
            below = row.top + legendRowHeight(GRID.fontSize);
            const used = row.entries.reduce((w, e) => w + 40 + estimateTextWidth(e.text, GRID.fontSize) + 5, 5);
            expect(frame.margin.l + used).toBeLessThanOrEqual(cell.width);
          }
          expect(frame.margin.t).toBeGreaterThanOrEqual(below + 16);
          expect(chartHeights[i]! - frame.margin.t - frame.margin.b).toBeGreaterThanOrEqual(GRID.minPlotHeight);
          const slot = (cell.width - frame.margin.l - frame.margin.r) / n;
          for (const label of frame.xLabels ?? []) {
            for (const line of label.split('<br>')) expect(estimateTextWidth(line, GRID.fontSize)).toBeLessThanOrEqual(slot - 8);
          }
        });
        // cells side by side or one under the other, never on each other
        if (cells[1]!.top === cells[0]!.top) expect(cells[1]!.left).toBeGreaterThanOrEqual(cells[0]!.left + cells[0]!.width + GRID.gap);
        else expect(cells[1]!.top).toBeGreaterThanOrEqual(cells[0]!.top + cells[0]!.height + GRID.gap);
      }
    }
  });
});

describe('chart grid: room for the y axes', () => {
  it('takes the widest tick label an axis may show while its range is held', () => {
    // money in 万元 from −57.8 to 964.4: the range may reach about −1080…1986
    expect(widestTickLabel([-57.8, 964.4])).toBe('−1080');
    // point values 78.9 to 84.1: whole numbers on a range of about 74…89
    expect(widestTickLabel([78.9, 84.1])).toBe('74');
    // ratios 0.7 to 1.2: tenths; bars from 0 to 3,646; 10,000 and more as plotly writes them
    expect(widestTickLabel([0.7, 1.2])).toBe('0.2');
    expect(widestTickLabel([0, 3646])).toBe('7292');
    expect(widestTickLabel([0, 30000])).toBe('60k');
    // no change anywhere (a round against itself): all at 0
    expect(widestTickLabel([0, 0])).toBe('0.0');
  });

  it('widens a margin for long tick labels and a title, left and on the right', () => {
    const spec: ChartSpec = {
      data: [{ type: 'bar', y: [1] }, { type: 'scatter', y: [1], yaxis: 'y2' }],
      layout: { yaxis: { title: { text: '万元' } }, yaxis2: { title: { text: '点值' }, overlaying: 'y', side: 'right' } },
      extents: { yaxis: [-40000, 5000], yaxis2: [78, 84] },
      margin: { r: 20 },
    };
    const { l, r } = chartFrame(spec, 620, GRID, mono).margin;
    // "−85k": 4 characters, 40 px
    expect(l).toBe(40 + 8 + Y_TITLE_STANDOFF + 20 + 6);
    expect(r).toBe(mono(widestTickLabel([78, 84]), 15) + 8 + Y_TITLE_STANDOFF + 20 + 6);
  });
});

describe('chart grid: charts with nothing to show', () => {
  it('lays out charts without data, with all figures at 0 or without a title', () => {
    const specs: ChartSpec[] = [
      { data: [], layout: {}, extents: {} },
      { data: [{ type: 'bar', y: [0, 0] }], layout: { yaxis: { title: { text: '万元' } } }, extents: { yaxis: [0, 0] } },
      { data: [{ type: 'bar', y: [] }], layout: { title: { text: '' } }, xLabels: [], extents: { yaxis: null } },
    ];
    for (const width of [120, 300, 1256]) {
      const figure = combineCharts(specs, width);
      expect(figure.cells).toHaveLength(3);
      for (const [name, axis] of Object.entries(figure.layout).filter(([k]) => /^[xy]axis/.test(k))) {
        const [from, to] = (axis as { domain: [number, number] }).domain;
        expect(Number.isFinite(from) && Number.isFinite(to) && from >= 0 && to <= 1 && from < to, `${name} at ${width} px`).toBe(true);
      }
    }
  });
});

describe('chart grid: one figure', () => {
  it('gives each chart axes of its own, placed in its cell less its margins', () => {
    const figure = combineCharts([bars, rounds], 1256, GRID, mono);
    const t = chartFrame(bars, 620, GRID, mono).margin.t;
    const height = figure.chartHeights[0]!;
    expect(figure.height).toBe(height + GRID.footer);
    expect(figure.axes).toEqual([{ xaxis: 'xaxis', yaxis: 'yaxis' }, { xaxis: 'xaxis2', yaxis: 'yaxis2', yaxis2: 'yaxis3' }]);
    const axis = (name: string) => figure.layout[name] as Record<string, unknown>;
    // first chart: plot area 76…600 px across, from its top margin to 60 px above the bottom of its area
    expect(axis('xaxis').domain).toEqual([76 / 1256, 600 / 1256]);
    expect(axis('yaxis').domain).toEqual([1 - (height - 60) / figure.height, 1 - t / figure.height]);
    expect(axis('xaxis')).toMatchObject({ showticklabels: false, anchor: 'y' });
    // second chart: its cell starts at 636 px, right margin 80; the round names at 0, 1 …, level
    expect(axis('xaxis2').domain).toEqual([706 / 1256, 1176 / 1256]);
    expect(axis('xaxis2')).toMatchObject({ tickmode: 'array', tickvals: [0, 1], ticktext: ['第0轮', '第1轮 权重调整'], tickangle: 0, range: [-0.5, 1.5] });
    expect(axis('yaxis2')).toMatchObject({ anchor: 'x2' });
    expect(axis('yaxis3')).toMatchObject({ overlaying: 'y2', side: 'right', anchor: 'x2' });
    expect(figure.data.map((tr) => [tr.xaxis, tr.yaxis])).toEqual([['x', 'y'], ['x', 'y'], ['x2', 'y2'], ['x2', 'y3']]);
    expect(figure.extents).toEqual({ yaxis: [-3, 7], yaxis2: [0, 71], yaxis3: [79, 82] });
    // colours as in figures of their own: each chart's first trace blue, its second orange
    expect(figure.data.map((tr) => (tr.marker as { color: string }).color)).toEqual(['#1f77b4', '#ff7f0e', '#1f77b4', '#ff7f0e']);
    expect(figure.data[3]!.line).toEqual({ color: '#ff7f0e' });
  });

  it('keeps titles, legend rows and shapes with their charts', () => {
    const names = ['第0轮 上年规则（2023年度）', '第1轮 权重调整（专家组）', '第2轮 机构系数', '第3轮 预算'];
    const many: ChartSpec = { data: names.map((name) => ({ type: 'scatter', name })), layout: { title: { text: 'CMI' } }, extents: {} };
    const figure = combineCharts([bars, rounds, many], 1256, GRID, mono);
    const annotations = figure.layout.annotations as Record<string, unknown>[];
    expect(annotations.map((a) => [a.text, a.x, a.y])).toEqual([['变化', 310 / 1256, 1 - 10 / figure.height], ['各轮', 946 / 1256, 1 - 10 / figure.height], ['CMI', 310 / 1256, 1 - (figure.cells[2]!.top + 10) / figure.height]]);
    // the bars' legend one row; the rounds chart none; names of 16, 14, 8 and 6 characters (each 45 px more for its symbol and gaps) in 620 − 70 − 16 px: three, then one
    const frame = chartFrame(many, 620, GRID, mono);
    expect(frame.legend.map((r) => r.entries.map((e) => e.index))).toEqual([[0, 1, 2], [3]]);
    expect(figure.data.map((tr) => tr.legend ?? tr.showlegend)).toEqual(['legend', 'legend', false, false, 'legend2', 'legend2', 'legend2', 'legend3']);
    // each legend row at its frame's place, left at the plot area, hanging from its top
    expect(figure.layout.legend).toMatchObject({ orientation: 'h', x: 76 / 1256, y: 1 - chartFrame(bars, 620, GRID, mono).legend[0]!.top / figure.height, xanchor: 'left', yanchor: 'top' });
    expect(figure.layout.legend3).toMatchObject({ y: 1 - (figure.cells[2]!.top + frame.legend[1]!.top) / figure.height });
    expect(figure.layout.shapes).toEqual([{ type: 'line', xref: 'x2 domain', yref: 'y2', x0: 0, x1: 1, y0: 75, y1: 75 }]);
    // figure-wide keys: the first chart that sets one decides
    expect(figure.layout.barmode).toBe('overlay');
    expect(figure.layout.margin).toEqual({ t: 0, r: 0, b: 0, l: 0 });
  });

  it('draws a chart alone for its PNG, laid out as in the grid, at the ranges it shows', () => {
    const figure = singleFigure(rounds, { yaxis2: [78, 83] }, 1600, 900);
    expect(figure.layout).toMatchObject({ width: 1600, height: 900, margin: { t: 0, r: 0, b: 0, l: 0 }, yaxis2: { overlaying: 'y', range: [78, 83], autorange: false } });
    expect(figure.layout.xaxis).toMatchObject({ domain: [70 / 1600, 1520 / 1600], ticktext: ['第0轮', '第1轮 权重调整'] });
  });
});
