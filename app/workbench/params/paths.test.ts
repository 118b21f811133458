import { describe, expect, it } from 'vitest';
import { getIn, numberAt, setIn } from './paths';

describe('parameter paths', () => {
  const params = { method: 'points', level_coefficients: { '1': 0.7, '2': 0.85 }, high_bands: [{ rw_max: 1, multiple: 3 }] };

  it('reads nested keys and array rows', () => {
    expect(getIn(params, ['level_coefficients', '2'])).toBe(0.85);
    expect(getIn(params, ['high_bands', 0, 'multiple'])).toBe(3);
    expect(getIn(params, ['weights', 'FM19'])).toBeUndefined();
    expect(numberAt(params, ['method'])).toBeNull();
  });

  it('sets a value without touching the original', () => {
    const next = setIn(params, ['level_coefficients', '2'], 0.8);
    expect(next.level_coefficients['2']).toBe(0.8);
    expect(params.level_coefficients['2']).toBe(0.85);
    expect(next.high_bands).toBe(params.high_bands);
  });

  it('creates missing objects on the way', () => {
    expect(setIn(params, ['rate_by_level', 'employee', '3'], 9000)).toMatchObject({ rate_by_level: { employee: { '3': 9000 } } });
  });

  it('removing the last override removes the emptied map', () => {
    const withWeight = setIn(params, ['weights', 'FM19'], 3.4);
    const cleared = setIn(withWeight, ['weights', 'FM19'], undefined);
    expect(cleared).toEqual(params);
    expect('weights' in cleared).toBe(false);
  });

  it('keeps null (a blank that means "computed" or "none")', () => {
    expect(setIn(params, ['surplus_cap'], null)).toHaveProperty('surplus_cap', null);
  });

  it('sets one cell of a band row', () => {
    const next = setIn(params, ['high_bands', 0, 'multiple'], 2.5);
    expect(next.high_bands[0]).toEqual({ rw_max: 1, multiple: 2.5 });
  });
});
