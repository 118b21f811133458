import { describe, expect, it } from 'vitest';
import { readWorkbenchState, writeWorkbenchState, type WorkbenchState } from './useWorkbenchUrl';

describe('workbench URL state', () => {
  it('round-trips data set, rounds, baseline, compared rounds, view, hospital and the open lever drawer', () => {
    const state: WorkbenchState = { datasetId: 2, roundId: 7, baselineId: 1, compareIds: [3, 5], view: 'hospital', hospital: 'H001', levers: 'rates' };
    const query = writeWorkbenchState(state);
    expect(query).toBe('dataset=2&round=7&baseline=1&compare=3%2C5&view=hospital&hospital=H001&levers=rates');
    expect(readWorkbenchState(new URLSearchParams(query))).toEqual(state);
  });
  it('ignores malformed ids, unknown views and unknown lever tabs', () => {
    const state = readWorkbenchState(new URLSearchParams('dataset=x&round=-1&compare=4,,y&view=nope&levers=budget'));
    expect(state).toEqual({ datasetId: null, roundId: null, baselineId: null, compareIds: [4], view: 'compare', hospital: null, levers: null });
  });
  it('keeps the drawer closed unless a tab is named, and each tab of the drawer survives a reload', () => {
    const closed: WorkbenchState = { datasetId: 1, roundId: null, baselineId: null, compareIds: [], view: 'compare', hospital: null, levers: null };
    expect(writeWorkbenchState(closed)).toBe('dataset=1');
    for (const levers of ['weights', 'rates', 'coefficients', 'rules'] as const) {
      expect(readWorkbenchState(new URLSearchParams(writeWorkbenchState({ ...closed, levers }))).levers).toBe(levers);
    }
  });
});
