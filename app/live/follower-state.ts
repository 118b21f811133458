/**
 * What a follower's page knows of the session, from its event stream (server/live/protocol.ts), as a pure
 * reducer: the meta, the presenter's parameters (the bureau's side: whole, then patched), a hospital user's own
 * figures, who follows, and the connection's state. A patch of a version the page does not hold asks for a new
 * stream (`resync`): the server starts every stream with the current state.
 */
import { applyParamsPatch, type Params } from '@/worker/settlement/params-patch';
import type { RoundParams } from '@/worker/settlement/round';
import type { BureauStateEvent, EndEvent, FollowersEvent, HospitalFiguresEvent, LiveMeta } from '@/server/live/protocol';

export type Connection = 'connecting' | 'open' | 'reconnecting' | 'ended' | 'missing';

export interface FollowerState {
  connection: Connection;
  meta: LiveMeta | null;
  params: RoundParams | null;
  figures: HospitalFiguresEvent | null;
  followers: FollowersEvent | null;
  end: EndEvent | null;
  /** a patch did not fit the parameters held: open the stream again */
  resync: boolean;
  /** streams opened so far (1 at the first connection) */
  connections: number;
}

export type FollowerAction =
  | { type: 'connect' }
  | { type: 'open' }
  | { type: 'error'; closed: boolean }
  | { type: 'state'; data: BureauStateEvent }
  | { type: 'figures'; data: HospitalFiguresEvent }
  | { type: 'followers'; data: FollowersEvent }
  | { type: 'end'; data: EndEvent };

export const initialFollowerState: FollowerState = { connection: 'connecting', meta: null, params: null, figures: null, followers: null, end: null, resync: false, connections: 0 };

function onState(state: FollowerState, data: BureauStateEvent): FollowerState {
  if (data.params) return { ...state, meta: data.meta, params: data.params, resync: false };
  if (data.patch) {
    if (!state.params || state.meta?.version !== data.base) return { ...state, resync: true };
    return { ...state, meta: data.meta, params: applyParamsPatch(state.params as Params, data.patch) as RoundParams };
  }
  // a change of who presents, or a hospital user's meta: the parameters stay as they are
  return { ...state, meta: data.meta };
}

export function followerReducer(state: FollowerState, action: FollowerAction): FollowerState {
  switch (action.type) {
    case 'connect':
      return { ...state, connection: state.connections === 0 ? 'connecting' : 'reconnecting', resync: false, connections: state.connections + 1 };
    case 'open':
      return state.connection === 'ended' ? state : { ...state, connection: 'open' };
    case 'error':
      if (state.connection === 'ended') return state;
      // closed: the server refused the stream (an unknown session, signed out); else the browser retries
      return { ...state, connection: action.closed ? 'missing' : 'reconnecting' };
    case 'state':
      return onState(state, action.data);
    case 'figures':
      // figures of an older change than those shown never replace them
      return state.figures && state.figures.version > action.data.version ? state : { ...state, figures: action.data };
    case 'followers':
      return { ...state, followers: action.data };
    case 'end':
      return { ...state, connection: 'ended', end: action.data };
  }
}
