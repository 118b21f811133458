import { describe, expect, it } from 'vitest';
import { histogramFigure, type HistogramTexts } from './histogram-figure';

const texts: HistogramTexts = {
  kept: '保留',
  trimmed: '截去',
  lower: (x) => `下限 ${x}`,
  upper: (x) => `上限 ${x}`,
  trimmedMean: (x) => `截尾均值 ${x}`,
  xTitle: '费用',
  yTitle: '病例数',
  yuan: (x) => String(Math.round(x)),
};

const histogram = { drgCode: 'A', cases: 12, lower: 450, upper: 2650, from: 1000, width: 100, kept: [2, 3, 0], trimmed: [0, 0, 1], beyond: 1, max: 9000 };

describe('the cost histogram figure', () => {
  it('stacks kept and trimmed bars at the bins’ centres', () => {
    const { data } = histogramFigure(histogram, 1500, texts);
    expect(data).toMatchObject([
      { type: 'bar', x: [1050, 1150, 1250], y: [2, 3, 0], width: 100, name: '保留' },
      { type: 'bar', x: [1050, 1150, 1250], y: [0, 0, 1], name: '截去' },
    ]);
  });

  it('draws the bounds inside the bins and the trimmed mean, with their values', () => {
    // the lower bound 450 lies left of the first bin (1000): not drawn; the upper 2650 beyond the last (1300): not drawn
    expect((histogramFigure(histogram, 1500, texts).layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(['截尾均值 1500']);
    const inside = { ...histogram, lower: 1050, upper: 1280 };
    const { layout } = histogramFigure(inside, null, texts);
    expect((layout.shapes as { x0: number }[]).map((s) => s.x0)).toEqual([1050, 1280]);
    expect((layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(['下限 1050', '上限 1280']);
  });
});
