import { describe, expect, it } from 'vitest';
import { sumFen, sumYuan } from './money';

describe('sums of money in whole fen', () => {
  it('adds 0.1 + 0.2 yuan as 30 fen, not 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumFen([0.1, 0.2], (x) => x)).toBe(30);
    expect(sumYuan([0.1, 0.2], (x) => x)).toBe(0.3);
  });

  it('rounds each figure to the fen first, half away from zero, and skips what is missing', () => {
    // 14,957,054.489999998 → 1,495,705,449 fen; −0.005 → −1 fen; 0.004 → 0 fen
    const figures = [14957054.489999998, -0.005, 0.004, null, undefined, Number.NaN];
    expect(sumFen(figures, (x) => x)).toBe(1495705449 - 1);
    expect(sumYuan(figures, (x) => x)).toBe(14957054.48);
  });

  it('matches the sum of the rounded rows for a column of thousands of figures', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 100003) / 100 + 0.1);
    const fen = rows.reduce((s, y) => s + Math.round(y * 100), 0);
    expect(sumFen(rows, (y) => y)).toBe(fen);
  });
});
