import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '@/worker/recalibration/options';
import { DEFAULT_FIELDS, fieldsOf, optionsOfFields } from './options-form';

const NOT_NUMBER = '须为数字 / must be a number';

describe('the options form', () => {
  it('the default fields make the §C defaults', () => {
    expect(optionsOfFields(DEFAULT_FIELDS, NOT_NUMBER)).toEqual({ ok: true, options: DEFAULT_OPTIONS });
  });

  it('each trim method from its fields', () => {
    expect(optionsOfFields({ ...DEFAULT_FIELDS, trimKind: 'pct', lo: '2.5', hi: '97.5' }, NOT_NUMBER)).toMatchObject({ ok: true, options: { trim: { kind: 'pct', lo: 2.5, hi: 97.5 } } });
    expect(optionsOfFields({ ...DEFAULT_FIELDS, trimKind: 'logsd', k: '2' }, NOT_NUMBER)).toMatchObject({ ok: true, options: { trim: { kind: 'logsd', k: 2 } } });
    expect(optionsOfFields({ ...DEFAULT_FIELDS, trimKind: 'none', k: 'x' }, NOT_NUMBER)).toMatchObject({ ok: true, options: { trim: { kind: 'none' } } });
    expect(optionsOfFields({ ...DEFAULT_FIELDS, capOn: true, cap: '0.2', recentre: 'cmi1' }, NOT_NUMBER)).toMatchObject({ ok: true, options: { cap: 0.2, recentre: 'cmi1' } });
  });

  it('a bad field names why, in Chinese and English; an empty one is not a number', () => {
    expect(optionsOfFields({ ...DEFAULT_FIELDS, blend: '1.2' }, NOT_NUMBER)).toEqual({ ok: false, errors: { blend: '混合比例须在 0–1 之间 / blend must be from 0 to 1' } });
    expect(optionsOfFields({ ...DEFAULT_FIELDS, minCases: '' }, NOT_NUMBER)).toEqual({ ok: false, errors: { minCases: NOT_NUMBER } });
    expect(optionsOfFields({ ...DEFAULT_FIELDS, trimKind: 'pct', lo: '90', hi: '10' }, NOT_NUMBER)).toEqual({ ok: false, errors: { hi: '下百分位须小于上百分位 / LO must be less than HI' } });
    expect(optionsOfFields({ ...DEFAULT_FIELDS, k: '1e3' }, NOT_NUMBER)).toEqual({ ok: false, errors: { k: NOT_NUMBER } });
    expect(optionsOfFields({ ...DEFAULT_FIELDS, capOn: true, cap: '-1' }, NOT_NUMBER)).toMatchObject({ ok: false, errors: { cap: expect.stringMatching(/cap must be from 0 to 10/) } });
  });

  it('fields of options read back as the same options', () => {
    const options = { trim: { kind: 'pct' as const, lo: 1, hi: 99 }, minCases: 30, blend: 0.7, cap: 0.15, recentre: 'none' as const };
    expect(optionsOfFields(fieldsOf(options), NOT_NUMBER)).toEqual({ ok: true, options });
  });
});
