import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, optionsText, parseTrimMethod, recalibrationOptionsSchema, trimMethodText } from './options';

describe('--trim as the command line writes it', () => {
  it.each([
    ['iqr', { kind: 'iqr', k: 1.5 }],
    ['iqr:3', { kind: 'iqr', k: 3 }],
    ['pct:5:95', { kind: 'pct', lo: 5, hi: 95 }],
    ['pct:2.5:97.5', { kind: 'pct', lo: 2.5, hi: 97.5 }],
    ['logsd:2', { kind: 'logsd', k: 2 }],
    ['none', { kind: 'none' }],
  ])('%s', (text, method) => {
    expect(parseTrimMethod(text)).toEqual({ ok: true, value: method });
    expect(parseTrimMethod(trimMethodText(method as never))).toEqual({ ok: true, value: method });
  });

  it.each([
    ['iqr:', /无法识别.*not one of/],
    ['iqr:abc', /not one of/],
    ['iqr:-1', /K 须在 0–100 之间 \/ K must be from 0 to 100/],
    ['pct:95:5', /LO must be less than HI/],
    ['pct:5:101', /a percentile must be from 0 to 100/],
    ['pct:5', /not one of/],
    ['logsd', /not one of/],
    ['logsd:0', /K must be greater than 0/],
    ['mad:3', /trim method "mad:3" is not one of iqr \| iqr:K \| pct:LO:HI \| logsd:K \| none/],
    ['iqr:1e3', /not one of/],
  ])('%s is refused, saying why', (text, reason) => {
    const parsed = parseTrimMethod(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('options', () => {
  it('the defaults of §C pass the schema and read as the command line writes them', () => {
    expect(recalibrationOptionsSchema.parse(DEFAULT_OPTIONS)).toEqual(DEFAULT_OPTIONS);
    expect(optionsText(DEFAULT_OPTIONS)).toBe('--trim iqr:1.5 --min-cases 10 --blend 1 --recentre total_points');
    expect(optionsText({ ...DEFAULT_OPTIONS, cap: 0.1 })).toBe('--trim iqr:1.5 --min-cases 10 --blend 1 --cap 0.1 --recentre total_points');
  });

  it.each([
    [{ minCases: 0 }, 'minCases'],
    [{ minCases: 2.5 }, 'minCases'],
    [{ blend: 1.5 }, 'blend'],
    [{ cap: -0.1 }, 'cap'],
    [{ recentre: 'cmi' }, 'recentre'],
  ])('%o is refused', (patch, key) => {
    const parsed = recalibrationOptionsSchema.safeParse({ ...DEFAULT_OPTIONS, ...patch });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([key]);
  });
});
