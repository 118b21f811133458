'use client';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '@/db/schema';
import type { RoundParams } from '@/worker/settlement/round';
import type { FollowersEvent, LiveError } from '@/server/live/protocol';
import { useLiveFollow } from '../../live/useLiveFollow';
import type { UndoableParams } from '../params/useUndoable';
import type { RoundSummary } from '../rounds/types';
import type { WorkbenchState } from '../useWorkbenchUrl';
import { classifyChange, type Observed } from './change-kind';
import { LivePusher, type PostAnswer, type PresenterState } from './live-pusher';

/** The session this tab presents, kept over a reload (the tab's sessionStorage) and given by a take-over link (?live=). */
const STORAGE_KEY = 'drg-live-presenting';

export interface LivePresenting {
  /** the user may present (panel, policy staff) */
  canPresent: boolean;
  /** the session this workbench presents or presented */
  session: { id: string; url: string } | null;
  /** this user presents it now */
  presenting: boolean;
  presenter: string | null;
  followers: FollowersEvent | null;
  ended: boolean;
  error: LiveError['error'] | null;
  busy: boolean;
  start: () => void;
  end: () => void;
  handover: (to: string) => void;
  /** forget an ended or handed-over session */
  dismiss: () => void;
}

export interface LivePresenterInput {
  datasetId: number;
  round: RoundSummary;
  baseline: RoundSummary;
  extras: RoundSummary[];
  rounds: RoundSummary[];
  draft: UndoableParams;
  dirty: boolean;
  onRounds: (patch: Partial<WorkbenchState>) => void;
}

async function postJson(url: string, body: unknown): Promise<PostAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

function useMe(): { username: string; role: Role } | null {
  const [me, setMe] = useState<{ username: string; role: Role } | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/auth/me')
      .then((res) => (res.ok ? (res.json() as Promise<{ username: string; role: Role }>) : null))
      .then((user) => live && setMe(user), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return me;
}

/** The session id given to this tab: a take-over link's ?live=, else the one it presented before a reload. */
function initialSession(): string | null {
  if (typeof window === 'undefined') return null;
  const fromUrl = new URLSearchParams(window.location.search).get('live');
  if (fromUrl && /^[\w-]{1,64}$/.test(fromUrl)) window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
  return window.sessionStorage.getItem(STORAGE_KEY);
}

/**
 * 现场谈判, the presenter's side: starts a session from the workbench as it is, posts every change (an edit, an
 * undo or redo, a save, another choice of rounds) to the followers, hands over and ends. A tab given a session
 * (a take-over, a reload) first takes the session's rounds and parameters, then presents from there.
 */
export function useLivePresenter(input: LivePresenterInput): LivePresenting {
  const me = useMe();
  const [sessionId, setSessionId] = useState<string | null>(null);
  // a tab given a session takes the session's rounds first, then (once its draft has reset to them) its parameters
  const [resume, setResume] = useState<'no' | 'rounds' | 'params'>('no');
  const resuming = resume !== 'no';
  const [error, setError] = useState<LiveError['error'] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const id = initialSession();
    if (id) {
      setSessionId(id);
      setResume('rounds');
    }
  }, []);
  // the session this tab started: it presents from the answer on, before its event stream says so
  const [started, setStarted] = useState<{ id: string; version: number; params: RoundParams; at: Observed; rounds: Set<number> } | null>(null);
  const stream = useLiveFollow(sessionId);
  const meta = stream.meta;
  const presenting = !!me && stream.connection !== 'ended' && (meta ? meta.presenter === me.username && !meta.ended : started !== null && started.id === sessionId);

  const pusher = useRef<LivePusher | null>(null);
  const observed = useRef<{ at: Observed; undone: string[]; rounds: Set<number>; pending: PresenterState['change'] | null } | null>(null);
  const { draft, round, baseline, extras, rounds, dirty, onRounds } = input;
  const now: Observed = { roundId: round.id, roundUpdatedAt: round.updatedAt, baselineId: baseline.id, compareIds: extras.map((r) => r.id), history: draft.history, params: draft.params };

  useEffect(() => {
    if (!resuming || !meta || !stream.params) return;
    if (!presenting) {
      // handed over or ended meanwhile: nothing to take
      if (me && meta.presenter !== me.username) setResume('no');
      return;
    }
    if (resume === 'rounds') {
      const ids = { roundId: meta.round.id, baselineId: meta.baseline.id, compareIds: meta.compared.map((r) => r.id) };
      if (round.id !== ids.roundId || baseline.id !== ids.baselineId || now.compareIds.join() !== ids.compareIds.join()) onRounds(ids);
      else setResume('params');
      return;
    }
    if (!draft.params) return;
    if (JSON.stringify(draft.params) !== JSON.stringify(stream.params)) draft.apply(stream.params, meta.change.label ?? meta.presenter);
    setResume('no');
  });

  // the presenter's pusher, from the version it started, or the version its stream holds (a take-over, a reload);
  // a layout effect like the posts' below, so that edits made meanwhile go out in the same commit
  useLayoutEffect(() => {
    if (!presenting || resuming || !sessionId) {
      if (!presenting) pusher.current = null;
      return;
    }
    if (pusher.current) return;
    const from =
      started?.id === sessionId
        ? started
        : meta && stream.params
          ? { version: meta.version, params: stream.params, at: { ...now, params: stream.params }, rounds: new Set(rounds.map((r) => r.id)) }
          : null;
    if (!from) return;
    pusher.current = new LivePusher((body) => postJson(`/api/live/${encodeURIComponent(sessionId)}`, body), (e) => setError(e), { version: from.version, params: from.params });
    // edits made since that version go out at once
    const behind = JSON.stringify(from.params) !== JSON.stringify(draft.params);
    observed.current = { at: behind ? from.at : now, undone: [], rounds: from.rounds, pending: null };
  });

  // every change of what the workbench shows, to the followers: before the browser paints the change here (a
  // layout effect), so that the post is not held back by this page's own frame
  useLayoutEffect(() => {
    const seen = observed.current;
    if (!pusher.current || !seen || !draft.params) return;
    const classified = classifyChange(seen.at, now, seen.undone, rounds, seen.rounds);
    // the rounds known at the last change: a round saved as new appears in the list a render before it is opened
    observed.current = { at: now, undone: classified?.undone ?? seen.undone, rounds: classified ? new Set(rounds.map((r) => r.id)) : seen.rounds, pending: seen.pending };
    if (!classified) return;
    // another round: its draft resets in the render after this one, and is posted then, as this change
    if (now.roundId !== seen.at.roundId || (classified.change.kind === 'saved' && now.params === seen.at.params)) {
      observed.current.pending = classified.change;
      return;
    }
    const change = seen.pending ?? classified.change;
    observed.current.pending = null;
    void pusher.current.push({ params: draft.params as RoundParams, roundId: now.roundId, baselineId: now.baselineId, compareIds: [...now.compareIds], dirty, canUndo: draft.canUndo, canRedo: draft.canRedo, change });
  });

  const forget = useCallback(() => {
    window.sessionStorage.removeItem(STORAGE_KEY);
    pusher.current = null;
    observed.current = null;
    setSessionId(null);
    setStarted(null);
    setResume('no');
    setError(null);
  }, []);

  const start = useCallback(() => {
    if (!draft.params) return;
    setBusy(true);
    setError(null);
    const params = draft.params;
    const at: Observed = { roundId: round.id, roundUpdatedAt: round.updatedAt, baselineId: baseline.id, compareIds: extras.map((r) => r.id), history: draft.history, params };
    const body = { datasetId: input.datasetId, roundId: round.id, baselineId: baseline.id, compareIds: at.compareIds, params, dirty };
    void postJson('/api/live', body)
      .then((answer) => {
        if (answer.status !== 201) return setError((answer.body as LiveError | null)?.error ?? { zh: `开始失败（${answer.status}）`, en: `could not start (${answer.status})` });
        const { id, meta: first } = answer.body as { id: string; meta: { version: number } };
        window.sessionStorage.setItem(STORAGE_KEY, id);
        setStarted({ id, version: first.version, params, at, rounds: new Set(rounds.map((r) => r.id)) });
        setSessionId(id);
      })
      .finally(() => setBusy(false));
  }, [draft.params, draft.history, input.datasetId, round.id, round.updatedAt, baseline.id, extras, rounds, dirty]);

  const act = useCallback(
    (body: Record<string, unknown>) => {
      if (!sessionId) return;
      setBusy(true);
      void postJson(`/api/live/${encodeURIComponent(sessionId)}`, body)
        .then((answer) => {
          if (answer.status !== 200) setError((answer.body as LiveError | null)?.error ?? { zh: `操作失败（${answer.status}）`, en: `failed (${answer.status})` });
          else if (body.type === 'end') forget();
          else setError(null);
        })
        .finally(() => setBusy(false));
    },
    [sessionId, forget],
  );

  const url = useMemo(() => (sessionId && typeof window !== 'undefined' ? `${window.location.origin}/live/${sessionId}` : null), [sessionId]);
  return {
    canPresent: me?.role === 'panel' || me?.role === 'policy',
    session: sessionId && url ? { id: sessionId, url } : null,
    presenting,
    presenter: meta?.presenter ?? null,
    followers: stream.followers,
    ended: stream.connection === 'ended' || stream.connection === 'missing',
    error,
    busy,
    start,
    end: () => act({ type: 'end' }),
    handover: (to: string) => act({ type: 'handover', to }),
    dismiss: forget,
  };
}
