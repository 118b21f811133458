import { describe, expect, it } from 'vitest';
import { parseUnicodeRange } from './png-export';

describe('unicode ranges of the font files', () => {
  it('reads single points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+4e00-4e3f, U+ff01,U+30??')).toEqual([
      [0x4e00, 0x4e3f],
      [0xff01, 0xff01],
      [0x3000, 0x30ff],
    ]);
  });
});
