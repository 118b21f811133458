import { describe, expect, it } from 'vitest';
import { bandTexts, describeBands, parseBandTexts, withNewBand, withoutBand } from './band-rows';
import { checkBands } from './validate';

const resolved = {
  high_bands: [
    { rw_max: 1, multiple: 3 },
    { rw_max: 3, multiple: 2 },
    { rw_max: null, multiple: 1.5 },
  ],
  eval_bands: [
    { min_score: 90, coef: 1 },
    { min_score: 80, coef: 0.9 },
  ],
  sharing_bands: [{ over_max: 0.1, fund_share: 0.7 }],
};

describe('band rows of the editor', () => {
  it('reads the round bands as text, the open bound blank', () => {
    expect(bandTexts('high_bands', resolved)).toEqual([
      { bound: '1', value: '3' },
      { bound: '3', value: '2' },
      { bound: '', value: '1.5' },
    ]);
    expect(bandTexts('sharing_bands', {})).toEqual([]);
  });

  it('a new high band goes before the open band and keeps the table valid', () => {
    const rows = withNewBand('high_bands', bandTexts('high_bands', resolved));
    expect(rows.map((r) => r.bound)).toEqual(['1', '3', '4', '']);
    expect(checkBands('high_bands', parseBandTexts(rows))).toEqual([]);
  });

  it('a new evaluation band goes last, ten points lower', () => {
    const rows = withNewBand('eval_bands', bandTexts('eval_bands', resolved));
    expect(rows[2]).toEqual({ bound: '70', value: '0.9' });
    expect(checkBands('eval_bands', parseBandTexts(rows))).toEqual([]);
  });

  it('a new sharing band steps the overspend rate by 10 points', () => {
    const rows = withNewBand('sharing_bands', bandTexts('sharing_bands', resolved));
    expect(rows[1]).toEqual({ bound: '0.2', value: '0.7' });
  });

  it('removes a band by position', () => {
    expect(withoutBand(bandTexts('eval_bands', resolved), 0)).toEqual([{ bound: '80', value: '0.9' }]);
  });

  it('describes a table in one line for the undo history', () => {
    expect(describeBands('high_bands', bandTexts('high_bands', resolved), '以上')).toBe('≤1: 3 / ≤3: 2 / 以上: 1.5');
    expect(describeBands('eval_bands', bandTexts('eval_bands', resolved), '')).toBe('≥90: 1 / ≥80: 0.9');
  });
});
