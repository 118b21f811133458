import { describe, expect, it } from 'vitest';
import { newestRunMs } from './useSettlement';

describe('the settle status time', () => {
  it('is the time of the run that finished last, not the slowest', () => {
    // the baseline settled once at load (152 ms, finished at t = 2000); the edited round reran at t = 9000 in 8 ms
    const baseline = { ms: 152, finishedAt: 2000 };
    const edited = { ms: 8, finishedAt: 9008 };
    expect(newestRunMs([baseline, edited])).toBe(8);
    expect(newestRunMs([edited, baseline])).toBe(8);
  });

  it('is null before any run finished, and skips workers that have not run', () => {
    expect(newestRunMs([])).toBeNull();
    expect(newestRunMs([{ ms: null, finishedAt: null }])).toBeNull();
    expect(newestRunMs([{ ms: null, finishedAt: null }, { ms: 40, finishedAt: 100 }])).toBe(40);
  });
});
