import { describe, expect, it } from 'vitest';
import { readWorkbenchState, writeWorkbenchState } from './useWorkbenchUrl';

describe('workbench URL state', () => {
  it('round-trips data set, rounds, baseline, compared rounds, view and level', () => {
    const state = { datasetId: 2, roundId: 7, baselineId: 1, compareIds: [3, 5], view: 'params' as const, level: 2 };
    const query = writeWorkbenchState(state);
    expect(query).toBe('dataset=2&round=7&baseline=1&compare=3%2C5&view=params&level=2');
    expect(readWorkbenchState(new URLSearchParams(query))).toEqual(state);
  });
  it('ignores malformed ids and unknown views', () => {
    const state = readWorkbenchState(new URLSearchParams('dataset=x&round=-1&compare=4,,y&view=nope'));
    expect(state).toEqual({ datasetId: null, roundId: null, baselineId: null, compareIds: [4], view: 'compare', level: null });
  });
});
