'use client';
import { useEffect, useReducer, useState } from 'react';
import { followerReducer, initialFollowerState, type FollowerAction, type FollowerState } from './follower-state';

/** The session's event stream URL. */
export const liveEventsUrl = (id: string) => `/api/live/${encodeURIComponent(id)}/events`;

const EVENTS = ['state', 'figures', 'followers', 'end'] as const;

/**
 * Follows a live session: one EventSource (the browser reconnects it after a drop, and the server starts the new
 * stream with the presenter's current state); a new one when a patch does not fit (`resync`); closed at the end.
 */
export function useLiveFollow(id: string | null): FollowerState {
  const [state, dispatch] = useReducer(followerReducer, initialFollowerState);
  // a patch that does not fit: a new stream (the server starts it with the current state)
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (state.resync) setGeneration((g) => g + 1);
  }, [state.resync]);
  useEffect(() => {
    if (!id) return;
    dispatch({ type: 'connect' });
    const source = new EventSource(liveEventsUrl(id));
    source.onopen = () => dispatch({ type: 'open' });
    source.onerror = () => {
      dispatch({ type: 'error', closed: source.readyState === EventSource.CLOSED });
      if (source.readyState !== EventSource.CLOSED) dispatch({ type: 'connect' });
    };
    const listeners = EVENTS.map((name) => {
      const listener = (event: MessageEvent<string>) => {
        dispatch({ type: name, data: JSON.parse(event.data) } as FollowerAction);
        if (name === 'end') source.close();
      };
      source.addEventListener(name, listener);
      return [name, listener] as const;
    });
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener);
      source.close();
    };
  }, [id, generation]);
  return state;
}
