import { describe, expect, it } from 'vitest';
import { remember } from './remember';

describe('remember: a least-recently-used cache on a Map', () => {
  it('makes a value once, keeps `size` entries and drops the one used longest ago', () => {
    const map = new Map<string, number>();
    let made = 0;
    const get = (key: string) => remember(map, key, 2, () => ++made);
    expect([get('a'), get('b'), get('a')]).toEqual([1, 2, 1]);
    expect(made).toBe(2);
    get('c'); // b is the least recently used: a was read after it
    expect([...map.keys()]).toEqual(['a', 'c']);
    expect(get('b')).toBe(4);
    expect([...map.keys()]).toEqual(['c', 'b']);
  });
});
