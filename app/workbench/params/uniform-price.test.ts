import { describe, expect, it } from 'vitest';
import { isUniformPrice, toggleUniformPrice } from './uniform-price';

describe('uniform price DRGs of a round', () => {
  const params = { method: 'points', uniform_price_drgs: ['OR19', 'GB11'] };

  it('adds a code once, keeping the list sorted', () => {
    expect(toggleUniformPrice(params, 'FM19', true)).toEqual(['FM19', 'GB11', 'OR19']);
    expect(toggleUniformPrice(params, 'GB11', true)).toEqual(['GB11', 'OR19']);
  });

  it('removes a code, and the list when it empties', () => {
    expect(toggleUniformPrice(params, 'OR19', false)).toEqual(['GB11']);
    expect(toggleUniformPrice({ uniform_price_drgs: ['OR19'] }, 'OR19', false)).toBeUndefined();
  });

  it('reads membership from a round without the key', () => {
    expect(isUniformPrice({ method: 'rate' }, 'OR19')).toBe(false);
    expect(isUniformPrice(params, 'OR19')).toBe(true);
  });
});
