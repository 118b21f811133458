import { describe, expect, it } from 'vitest';
import type { LiveMeta } from '@/server/live/protocol';
import type { RoundParams } from '@/worker/settlement/round';
import { followerReducer, initialFollowerState, type FollowerAction, type FollowerState } from './follower-state';

const meta = (version: number): LiveMeta => ({
  id: 's1',
  version,
  presenter: 'panel-a',
  datasetId: 1,
  round: { id: 2, name: '第1轮', status: 'draft' },
  baseline: { id: 1, name: '第0轮' },
  compared: [],
  dirty: true,
  canUndo: true,
  canRedo: false,
  change: { kind: 'edit', label: null },
  startedAt: '2026-12-07T00:00:00.000Z',
  ended: false,
});
const params: RoundParams = { method: 'points', level_coefficients: { 2: 0.9 } } as RoundParams;
const run = (actions: FollowerAction[], from: FollowerState = initialFollowerState) => actions.reduce(followerReducer, from);

describe('a follower page: the session from its event stream', () => {
  it('takes the parameters whole, then each patch of the version it holds', () => {
    const state = run([
      { type: 'connect' },
      { type: 'open' },
      { type: 'state', data: { meta: meta(3), params } },
      { type: 'state', data: { meta: meta(4), base: 3, patch: { 'level_coefficients.2': 0.85 } } },
      { type: 'state', data: { meta: meta(5), base: 4, patch: { 'level_coefficients.1': 1.1, 'level_coefficients.2': null } } },
    ]);
    expect(state.connection).toBe('open');
    expect(state.meta?.version).toBe(5);
    expect(state.params).toEqual({ method: 'points', level_coefficients: { 1: 1.1 } });
    expect(state.resync).toBe(false);
  });

  it('asks for a new stream when a patch is of a version it does not hold, and keeps what it shows', () => {
    const state = run([
      { type: 'state', data: { meta: meta(3), params } },
      { type: 'state', data: { meta: meta(6), base: 5, patch: { 'level_coefficients.2': 0.7 } } },
    ]);
    expect(state.resync).toBe(true);
    expect(state.params).toBe(params);
    expect(state.meta?.version).toBe(3);
    // the new stream starts with the current state, whole
    const again = run([{ type: 'connect' }, { type: 'state', data: { meta: meta(6), params: { method: 'points' } as RoundParams } }], state);
    expect(again.resync).toBe(false);
    expect(again.params).toEqual({ method: 'points' });
  });

  it('keeps the parameters through a change of presenter (a state without them)', () => {
    const state = run([
      { type: 'state', data: { meta: meta(3), params } },
      { type: 'state', data: { meta: { ...meta(4), presenter: 'panel-b' } } },
    ]);
    expect(state.params).toBe(params);
    expect(state.meta?.presenter).toBe('panel-b');
  });

  it('never shows older figures over newer ones', () => {
    const newer = { version: 5, figures: null, error: null };
    const state = run([{ type: 'figures', data: newer }, { type: 'figures', data: { version: 4, figures: null, error: null } }]);
    expect(state.figures).toBe(newer);
  });

  it('reconnects after a drop, and stays ended once the session ends', () => {
    const dropped = run([{ type: 'connect' }, { type: 'open' }, { type: 'error', closed: false }]);
    expect(dropped.connection).toBe('reconnecting');
    expect(run([{ type: 'connect' }], dropped).connection).toBe('reconnecting');
    const ended = run([{ type: 'end', data: { reason: 'ended' } }, { type: 'error', closed: true }, { type: 'open' }], dropped);
    expect(ended.connection).toBe('ended');
    expect(run([{ type: 'error', closed: true }]).connection).toBe('missing');
  });
});
