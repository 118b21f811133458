import { describe, expect, it } from 'vitest';
import { CELL_PADDING_EM, columnEm, headerUnit, partWidths, splitColumns, textEm } from './print-parts';

describe('print parts of a wide table', () => {
  it('measures CJK characters at 1 em and digits and signs at 0.6 em', () => {
    expect(textEm('医院')).toBe(2);
    expect(textEm('1,495.71')).toBeCloseTo(8 * 0.6, 12);
    expect(textEm('（万元）')).toBe(4);
  });

  it('gives a column its widest figure on one line, its header over up to three lines', () => {
    // cells: "−1,234.56" = 9 × 0.6 = 5.4 em; header "较基线 (万元)": 3 + 0.6 × 2 + 2 = 6.2 em → 2.07 em a line
    expect(columnEm('较基线 (万元)', ['+12.30', '−1,234.56'], false)).toBeCloseTo(5.4 + CELL_PADDING_EM, 12);
    // a long round name wraps: "第4轮 清算规则（2023年度） (万元)" is 21 CJK + 4 × 0.6 … over three lines
    const header = '第4轮 清算规则（2023年度） (万元)';
    expect(columnEm(header, ['1.00'], false)).toBeCloseTo(textEm(header) / 3 + CELL_PADDING_EM, 12);
  });

  it('keeps a header’s unit on one line', () => {
    expect(headerUnit('第1轮 权重调整 (万元)')).toEqual({ label: '第1轮 权重调整', unit: '(万元)' });
    expect(headerUnit('高倍率')).toEqual({ label: '高倍率', unit: null });
    // "(10k yuan)" is 10 × 0.6 = 6 em wide: the column is never narrower
    expect(columnEm('Change (10k yuan)', ['+1.00'], false)).toBeCloseTo(6 + CELL_PADDING_EM, 12);
  });

  it('keeps a short header on one line', () => {
    expect(columnEm('特例单议', ['12'], false)).toBeCloseTo(4 + CELL_PADDING_EM, 12);
    expect(columnEm('CMI', ['0.991'], false)).toBeCloseTo(3 + CELL_PADDING_EM, 12);
  });

  it('lets a wrapping column (a name) take two lines, but not break a Latin word', () => {
    expect(columnEm('机构名称', ['云泽市第一人民医院'], true)).toBeCloseTo(9 / 2 + CELL_PADDING_EM, 12);
    expect(columnEm('Name', ['Yunze No.1 People’s Hospital'], true)).toBeCloseTo(textEm('Yunze No.1 People’s Hospital') / 2 + CELL_PADDING_EM, 12);
    expect(columnEm('Name', ['Hospital'], true)).toBeCloseTo(0.6 * 8 + CELL_PADDING_EM, 12);
  });

  it('fits the whole table in one part when it fits the page', () => {
    expect(splitColumns([5, 10, 6, 6, 6], 2, 40)).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('cuts a wide table into parts that each repeat the key columns and fit the page', () => {
    const widths = [5, 10, 8, 8, 8, 8, 8, 8, 8];
    const parts = splitColumns(widths, 2, 40);
    expect(parts).toEqual([
      [0, 1, 2, 3, 4],
      [0, 1, 5, 6, 7],
      [0, 1, 8],
    ]);
    for (const part of parts) expect(part.reduce((s, i) => s + widths[i]!, 0)).toBeLessThanOrEqual(40);
    // every column is printed, the keys in every part
    expect(new Set(parts.flat())).toEqual(new Set(widths.map((_, i) => i)));
  });

  it('keeps the columns of a group (a round’s figures) in one part when they fit one', () => {
    // without groups the cut falls inside round 1's columns; with them round 1 starts the second part
    const widths = [5, 10, 8, 8, 8, 8, 8, 8];
    const groups = ['', '', 'r0', 'r0', 'r1', 'r1', 'r1', ''];
    expect(splitColumns(widths, 2, 40)).toEqual([[0, 1, 2, 3, 4], [0, 1, 5, 6, 7]]);
    expect(splitColumns(widths, 2, 40, groups)).toEqual([[0, 1, 2, 3], [0, 1, 4, 5, 6], [0, 1, 7]]);
    expect(splitColumns([5, 10, 8, 8, 8, 8], 2, 40, ['', '', '', 'r0', 'r0', 'r0'])).toEqual([[0, 1, 2], [0, 1, 3, 4, 5]]);
    // a group wider than any part is cut where it must be
    expect(splitColumns([5, 10, 8, 8, 8, 8], 2, 40, ['', '', 'r0', 'r0', 'r0', 'r0'])).toEqual([[0, 1, 2, 3, 4], [0, 1, 5]]);
  });

  it('gives a column too wide for any part a part of its own', () => {
    expect(splitColumns([5, 10, 30, 8], 2, 40)).toEqual([[0, 1, 2], [0, 1, 3]]);
  });

  it('gives the room a part leaves to a wrapping column, up to its one-line width', () => {
    // least: code 5, name 7 (two lines), figures 8; the name on one line would take 13
    expect(partWidths([0, 1, 2], [5, 7, 8], [5, 13, 8], 40)).toEqual([5, 13, 8]);
    expect(partWidths([0, 1, 2], [5, 7, 8], [5, 13, 8], 23)).toEqual([5, 10, 8]);
    expect(partWidths([0, 1, 2], [5, 7, 8], [5, 13, 8], 20)).toEqual([5, 7, 8]);
  });
});
