import { describe, expect, it } from 'vitest';
import { estimateTextWidth, legendRows, LEGEND_ITEM_GAP, LEGEND_SYMBOL_WIDTH, wrapText, type MeasureText } from './chart-text';

/** every character 10 px at any size: the arithmetic of the tests in whole characters */
const mono: MeasureText = (text) => [...text].length * 10;

describe('chart text', () => {
  it('takes a CJK character as wide as the font is high, and never less than a Latin one drawn', () => {
    expect(estimateTextWidth('第0轮', 15)).toBe(Math.ceil((1 + 0.6 + 1) * 15));
    expect(estimateTextWidth('结算总额（亿元）', 20)).toBe(160);
    // capitals and wide letters more than lower case, narrow ones less
    expect(estimateTextWidth('MW', 10)).toBeGreaterThan(estimateTextWidth('ab', 10));
    expect(estimateTextWidth('il', 10)).toBeLessThan(estimateTextWidth('ab', 10));
  });

  it('wraps Chinese between any two characters and English at spaces', () => {
    // a number stays whole, an opening bracket stays with what follows it and a closing one with what precedes it
    expect(wrapText('第0轮 上年规则（2023年度）', 60, 15, mono)).toEqual(['第0轮 上年', '规则', '（2023年', '度）']);
    expect(wrapText('Round 1 expert weights', 80, 15, mono)).toEqual(['Round 1', 'expert', 'weights']);
    // a word longer than a line is broken between its letters
    expect(wrapText('Settlement', 40, 15, mono)).toEqual(['Sett', 'leme', 'nt']);
    expect(wrapText('第1轮', 100, 15, mono)).toEqual(['第1轮']);
    // a short phrase in brackets stays whole: an edited round's （未保存） is never cut
    for (const width of [60, 70, 80, 90, 100, 110]) {
      expect(wrapText('第4轮 清算规则 （未保存） 较 第0轮', width, 15, mono).some((line) => line.includes('（未保存）')), `${width} px`).toBe(true);
    }
  });

  it('cuts a text longer than its lines with an ellipsis on the last line', () => {
    expect(wrapText('各医院结算变化第四轮较基线', 50, 15, mono, 2)).toEqual(['各医院结算', '变化第四…']);
  });

  it('packs legend entries into rows of the width, in order, a name wider than a row cut', () => {
    const entry = (chars: number) => LEGEND_SYMBOL_WIDTH + chars * 10 + LEGEND_ITEM_GAP;
    // three entries of 6 characters take 105 px each: two fit in 215 px, the third goes on a second row
    const rows = legendRows(['第0轮 基线', '第1轮 权重', '第2轮 系数'], entry(6) * 2 + LEGEND_ITEM_GAP, 15, mono);
    expect(rows.map((r) => r.map((e) => e.index))).toEqual([[0, 1], [2]]);
    const long = legendRows(['第3轮 预算与基础组调整'], 120, 15, mono);
    expect(long).toEqual([[{ index: 0, text: '第3轮 预算…' }]]);
    expect(LEGEND_SYMBOL_WIDTH + mono(long[0]![0]!.text, 15) + 2 * LEGEND_ITEM_GAP).toBeLessThanOrEqual(120);
  });
});
