import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages';
import { paramsFingerprint } from '@/worker/params-fingerprint';
import { MONEY, PERCENT } from './column-format';
import { aboutLines, exportTime } from './export-about';

const t = (key: keyof (typeof messages)['zh']) => messages.zh[key];

describe('the block above an exported table', () => {
  it('names the data set, the baseline, the rounds with their fingerprints, the time and the unit', () => {
    const baseline = { name: '第0轮', params: { method: 'points', base_points: 100 } };
    const edited = { name: '第4轮（未保存）', params: { method: 'points', base_points: 120 } };
    const lines = aboutLines({ dataset: '演示城市', baseline, rounds: [edited, { name: '第2轮', fingerprint: 'abcdef012345' }] }, [MONEY, PERCENT], t, new Date(2026, 11, 7, 9, 5, 3));
    expect(lines.map((l) => l.label)).toEqual(['数据集', '基线', '比较轮次', '参数指纹', '导出时间', '单位']);
    expect(lines[1]!.text).toBe('第0轮');
    expect(lines[2]!.text).toBe('第4轮（未保存）; 第2轮');
    expect(lines[3]!.text).toBe(`第0轮: ${paramsFingerprint(baseline.params)}; 第4轮（未保存）: ${paramsFingerprint(edited.params)}; 第2轮: abcdef012345`);
    expect(lines[4]!.text).toMatch(/^2026-12-07 09:05:03 \(UTC[+-]\d\d:\d\d\)$/);
    expect(lines[5]!.text).toContain('万元');
    expect(lines[5]!.text).toContain('%');
  });

  it('says only the time and the unit without a page subject', () => {
    expect(aboutLines(null, [], t, new Date()).map((l) => l.label)).toEqual(['导出时间', '单位']);
  });

  it('writes the offset from UTC', () => {
    const text = exportTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
    const offset = -new Date(Date.UTC(2026, 0, 2)).getTimezoneOffset();
    if (offset === 0) expect(text).toBe('2026-01-02 03:04:05 (UTC+00:00)');
    else expect(text).toMatch(/\(UTC[+-]\d\d:\d\d\)$/);
  });
});
