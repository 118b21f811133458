import { describe, expect, it } from 'vitest';
import { searchRoot, type SearchProblem } from './root-search';

const problem = (f: (x: number) => number, target: number, extra: Partial<SearchProblem> = {}): SearchProblem => ({
  f,
  target,
  tolerance: 1e-9,
  lo: 0,
  hi: 1e7,
  lowOpen: true,
  start: 1000,
  scale: 1000,
  logarithmic: true,
  ...extra,
});

describe('searchRoot', () => {
  it('a linear figure is hit in a few evaluations', () => {
    const result = searchRoot(problem((x) => 3 * x - 500, 12345));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Math.abs(result.point.y - 12345)).toBeLessThanOrEqual(1e-9);
    expect(result.evaluations).toBeLessThanOrEqual(4);
  });

  it('a curved figure far from the start, on a linear range', () => {
    const result = searchRoot(problem((x) => Math.sqrt(x) * 10 + x * x, 7.5, { hi: 3, start: 0.5, scale: 1, logarithmic: false }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Math.abs(result.point.y - 7.5)).toBeLessThanOrEqual(1e-9);
  });

  it('a target inside a jump: the two sides of the jump, adjacent values', () => {
    const f = (x: number) => (x < 5000 ? x / 10 : x / 10 + 100);
    const result = searchRoot(problem(f, 550));
    expect(result).toMatchObject({ ok: false, reason: 'jump', flat: false });
    if (result.ok) return;
    expect(result.below!.x).toBeLessThan(5000);
    expect(result.above!.x).toBe(5000);
    expect(result.below!.y).toBeCloseTo(500, 6);
    expect(result.above!.y).toBe(600);
  });

  it('out of range: the closest values on the side it has, none on the other', () => {
    const result = searchRoot(problem((x) => Math.min(x, 2e6), 3e6));
    expect(result).toMatchObject({ ok: false, reason: 'out_of_range', above: null, flat: false });
    if (!result.ok) expect(result.below!.y).toBe(2e6);
  });

  it('a figure the lever does not move is flat', () => {
    const result = searchRoot(problem(() => 42, 43));
    expect(result).toMatchObject({ ok: false, reason: 'out_of_range', flat: true, above: null });
  });

  it('a decreasing figure, a start at zero on a closed range', () => {
    const result = searchRoot(problem((x) => 1e9 / (1 + x / 1e8), 2.5e8, { lo: 0, lowOpen: false, hi: 1e12, start: 0, scale: 1e8, tolerance: 0.01 }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Math.abs(result.point.y - 2.5e8)).toBeLessThanOrEqual(0.01);
  });
});
