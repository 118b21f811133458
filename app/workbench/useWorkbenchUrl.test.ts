import { describe, expect, it } from 'vitest';
import { readWorkbenchState, writeWorkbenchState } from './useWorkbenchUrl';

describe('workbench URL state', () => {
  it('round-trips data set, rounds, baseline, compared rounds, view and hospital', () => {
    const state = { datasetId: 2, roundId: 7, baselineId: 1, compareIds: [3, 5], view: 'hospital' as const, hospital: 'H001' };
    const query = writeWorkbenchState(state);
    expect(query).toBe('dataset=2&round=7&baseline=1&compare=3%2C5&view=hospital&hospital=H001');
    expect(readWorkbenchState(new URLSearchParams(query))).toEqual(state);
  });
  it('ignores malformed ids and unknown views', () => {
    const state = readWorkbenchState(new URLSearchParams('dataset=x&round=-1&compare=4,,y&view=nope'));
    expect(state).toEqual({ datasetId: null, roundId: null, baselineId: null, compareIds: [4], view: 'compare', hospital: null });
  });
});
