import { describe, expect, it } from 'vitest';
import { Random, pickCumulative, writeCumulative } from './random';

describe('Random', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniforms strictly inside (0, 1) and normals with mean 0 and sd 1', () => {
    const random = new Random(7);
    let sum = 0;
    let squares = 0;
    let outside = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = random.uniform();
      if (!(u > 0 && u < 1)) outside++;
      const z = random.normal();
      sum += z;
      squares += z * z;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.sqrt(squares / n)).toBeCloseTo(1, 1);
  });

  it('mean-one lognormal has mean 1', () => {
    const random = new Random(3);
    let sum = 0;
    for (let i = 0; i < 200_000; i++) sum += random.meanOneLognormal(0.5);
    expect(sum / 200_000).toBeCloseTo(1, 1);
  });
});

describe('cumulative sampling', () => {
  it('picks each index in proportion to its weight and never a zero-weight one', () => {
    const cumulative = new Float64Array(4);
    writeCumulative([1, 0, 3, 0], cumulative);
    const random = new Random(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[pickCumulative(cumulative, 0, 4, random.uniform())]!++;
    expect(counts[1]).toBe(0);
    expect(counts[3]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeCloseTo(3, 0);
  });
});
