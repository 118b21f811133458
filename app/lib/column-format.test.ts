import { describe, expect, it } from 'vitest';
import { COUNT, MONEY, PERCENT, SIGNED_MONEY, decimal, exportFigure, formatCell, numFmtOf, shownFigure, withUnit } from './column-format';

describe('column formats', () => {
  it('show and export the same figure for every format', () => {
    const cases = [
      { format: MONEY, value: 14957054.489999998, text: '1,495.71', figure: 1495.71 },
      { format: MONEY, value: 50, text: '0.01', figure: 0.01 },
      { format: SIGNED_MONEY, value: -40_500, text: '−4.05', figure: -4.05 },
      { format: SIGNED_MONEY, value: 123_000, text: '+12.30', figure: 12.3 },
      { format: PERCENT, value: -0.0512, text: '−5.1%', figure: -5.1 },
      { format: COUNT, value: 360_000, text: '360,000', figure: 360_000 },
      { format: decimal(3), value: 1.23456, text: '1.235', figure: 1.235 },
    ];
    for (const c of cases) {
      expect(formatCell(c.format, c.value, 'zh')).toBe(c.text);
      expect(shownFigure(c.format, c.value)).toBe(c.figure);
      // the CSV carries the number the screen's text reads as
      expect(exportFigure(c.format, c.value, 'csv')).toBe(Number(c.text.replaceAll(',', '').replace('−', '-').replace('%', '')));
    }
  });

  it('rounds money to the fen before it rounds to the 万元 shown', () => {
    // 14,957,054.489999998 yuan → 1,495,705,449 fen → 1,495.705449 万元 → 1,495.71
    expect(shownFigure(MONEY, 14957054.489999998)).toBe(1495.71);
    // 49.995 yuan → 5,000 fen (half a fen rounds away from zero) → 0.005 万元 → 0.01; 49.994 yuan → 4,999 fen → 0.00
    expect(shownFigure(MONEY, 49.995)).toBe(0.01);
    expect(shownFigure(MONEY, 49.994)).toBe(0);
    expect(shownFigure(SIGNED_MONEY, -49.995)).toBe(-0.01);
  });

  it('shows no value as — and exports it as an empty cell', () => {
    expect(formatCell(PERCENT, Number.NaN, 'zh')).toBe('—');
    expect(formatCell(MONEY, null, 'zh')).toBe('—');
    expect(exportFigure(PERCENT, Number.NaN, 'xlsx')).toBeNull();
    expect(exportFigure(MONEY, null, 'csv')).toBeNull();
  });

  it('names the unit in the header and the number format of each kind', () => {
    expect(withUnit('第1轮', MONEY, 'zh')).toBe('第1轮 (万元)');
    expect(withUnit('Round 1', MONEY, 'en')).toBe('Round 1 (10k yuan)');
    expect(withUnit('较基线', PERCENT, 'zh')).toBe('较基线 (%)');
    expect(withUnit('病例数', COUNT, 'zh')).toBe('病例数');
    expect(numFmtOf(MONEY)).toBe('#,##0.00');
    expect(numFmtOf(decimal(4))).toBe('#,##0.0000');
    expect(numFmtOf(undefined)).toBeUndefined();
  });

  it('exports a text column as its text', () => {
    expect(exportFigure(undefined, '二级', 'xlsx')).toBe('二级');
    expect(exportFigure(MONEY, '—', 'xlsx')).toBe('—');
  });
});
