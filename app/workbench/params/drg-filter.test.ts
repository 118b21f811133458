import { describe, expect, it } from 'vitest';
import { drgTypesOf, filterDrgs, isFiltered, mdcsOf, NO_FILTER } from './drg-filter';

const catalog = [
  { code: 'FM19', name: '经皮心脏介入', mdc: 'F', drgType: 'surgical' },
  { code: 'FR13', name: '心力衰竭', mdc: 'F', drgType: 'medical' },
  { code: 'GB11', name: '食管胃手术', mdc: 'G', drgType: 'surgical' },
  { code: 'ZZ19', name: 'Other', mdc: 'Z', drgType: null },
];

describe('DRG filter of the weight table', () => {
  it('no filter keeps every DRG', () => {
    expect(filterDrgs(catalog, NO_FILTER)).toHaveLength(4);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('combines MDC, type and text', () => {
    expect(filterDrgs(catalog, { mdc: 'F', drgType: null, text: '' }).map((d) => d.code)).toEqual(['FM19', 'FR13']);
    expect(filterDrgs(catalog, { mdc: 'F', drgType: 'surgical', text: '' }).map((d) => d.code)).toEqual(['FM19']);
    expect(filterDrgs(catalog, { mdc: null, drgType: null, text: '心' }).map((d) => d.code)).toEqual(['FM19', 'FR13']);
  });

  it('matches codes and names case-insensitively', () => {
    expect(filterDrgs(catalog, { mdc: null, drgType: null, text: ' gb1 ' }).map((d) => d.code)).toEqual(['GB11']);
    expect(filterDrgs(catalog, { mdc: null, drgType: null, text: 'other' }).map((d) => d.code)).toEqual(['ZZ19']);
  });

  it('lists the MDCs and types present', () => {
    expect(mdcsOf(catalog)).toEqual(['F', 'G', 'Z']);
    expect(drgTypesOf(catalog)).toEqual(['surgical', 'medical']);
  });
});
