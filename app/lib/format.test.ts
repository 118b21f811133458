import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, formatSignedWan, formatWan, localTime } from './format';

describe('money formatting', () => {
  it('uses 亿元 from 100 million yuan and 万元 from 10 thousand', () => {
    expect(formatMoney(321_000_000, 'zh')).toBe('3.21亿元');
    expect(formatMoney(456_700, 'zh')).toBe('45.67万元');
    expect(formatMoney(980, 'zh')).toBe('980元');
    expect(formatMoney(-12_345_678, 'zh')).toBe('-1,234.57万元');
  });
  it('switches to ¥ with M and bn in English', () => {
    expect(formatMoney(3_210_000_000, 'en')).toBe('¥3.21 bn');
    expect(formatMoney(4_567_000, 'en')).toBe('¥4.57 M');
  });
  it('keeps one unit of 万元 per column and signs changes', () => {
    expect(formatWan(1_234_500, 'zh')).toBe('123.45');
    expect(formatSignedWan(-40_500, 'zh')).toBe('−4.05');
    expect(formatSignedWan(123_000, 'zh')).toBe('+12.30');
    expect(formatPercent(-0.0512, 'zh')).toBe('−5.1%');
  });
  it('shows no sign on a change that rounds to zero', () => {
    expect(formatSignedWan(49.99, 'zh')).toBe('0.00');
    expect(formatSignedWan(-49.99, 'zh')).toBe('0.00');
    expect(formatPercent(-0.0004, 'zh')).toBe('0.0%');
  });
  it('rounds 万元 from the fen, not from float noise', () => {
    expect(formatWan(14957054.489999998, 'zh')).toBe('1,495.71');
    expect(formatWan(0.1 + 0.2, 'zh')).toBe('0.00');
  });
});

describe('times as the viewer reads them', () => {
  it('shows a stored UTC instant in the local time zone (here China time), with seconds when asked', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      expect(localTime('2026-03-05T06:07:09.000Z')).toBe('2026-03-05 14:07');
      expect(localTime('2026-03-05T20:07:09.000Z', true)).toBe('2026-03-06 04:07:09');
      expect(localTime('not a time')).toBe('not a time');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
