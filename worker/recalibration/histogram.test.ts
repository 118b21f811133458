import { describe, expect, it } from 'vitest';
import { costHistogram } from './histogram';
import { trimBounds } from './trim';

const histogramOf = (costs: number[], bins: number) => {
  const sorted = Float64Array.from(costs).sort();
  return costHistogram(sorted, 0, sorted.length, trimBounds({ kind: 'iqr', k: 1.5 }, sorted, 0, sorted.length), bins);
};

describe('a DRG’s cost histogram', () => {
  it('counts every used cost once, split into kept and trimmed', () => {
    // A of the hand example: 1000 … 2000 and 9000 (cut by IQR, far beyond the rest: counted apart)
    const h = histogramOf([1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 9000], 10);
    expect(h.beyond).toBe(1);
    expect(h.max).toBe(9000);
    expect(h.kept.reduce((a, b) => a + b, 0)).toBe(11);
    expect(h.from).toBe(1000);
    // the bins end a tenth beyond the upper bound 2650
    expect(h.from + h.width * 10).toBeCloseTo(2915, 9);
  });

  it('draws the highest cost within the bins when it is not far beyond the rest', () => {
    const h = histogramOf([10, 11, 12, 13, 14], 4);
    expect(h.beyond).toBe(0);
    expect([h.from, h.width]).toEqual([10, 1]);
    expect(h.kept).toEqual([1, 1, 1, 2]);
  });

  it('one cost, or all equal: one bar', () => {
    const h = histogramOf([500, 500, 500], 5);
    expect(h.kept.reduce((a, b) => a + b, 0)).toBe(3);
    expect(h.beyond).toBe(0);
  });

  it('trimmed costs within the drawn range are counted as trimmed', () => {
    const h = histogramOf([100, 1000, 1010, 1020, 1030, 1040, 1050, 1060], 8);
    expect(h.trimmed.reduce((a, b) => a + b, 0)).toBe(1);
    expect(h.trimmed[0]).toBe(1);
  });
});
