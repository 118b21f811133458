'use client';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { RoundParams } from '@/worker/settlement/round';
import { historyLabels, initialUndoState, undoReducer, type UndoAction, type UndoState } from './undo-stack';

export interface UndoableParams {
  /** the edited round's parameters; null until a round is loaded */
  params: RoundParams | null;
  apply: (next: RoundParams, label: string) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** labels of the changes that can be undone, oldest first */
  history: readonly string[];
  /** start over from these parameters with an empty history */
  reset: (params: RoundParams | null) => void;
}

type State = UndoState<RoundParams | null>;
type Action = UndoAction<RoundParams | null>;
const reducer = (state: State, action: Action): State => undoReducer(state, action);

/**
 * The draft parameters of a round with undo/redo (Ctrl/⌘+Z; Ctrl+Shift+Z or Ctrl+Y). `onChange` is called with
 * the parameters an edit, undo or redo brings, in its event, before they are set as state: the workbench starts
 * their settlement there, so the worker runs while React renders the change.
 */
export function useUndoableParams(initial: RoundParams | null, onChange?: (next: RoundParams) => void): UndoableParams {
  const [state, dispatch] = useReducer(reducer, initial, initialUndoState);
  const latest = useRef({ state, onChange });
  useLayoutEffect(() => {
    latest.current = { state, onChange };
  });
  const act = useCallback((action: Action) => {
    const { state, onChange } = latest.current;
    const next = reducer(state, action).present;
    if (onChange && next !== null && next !== state.present) onChange(next);
    dispatch(action);
  }, []);
  const apply = useCallback((next: RoundParams, label: string) => act({ type: 'apply', next, label }), [act]);
  const undo = useCallback(() => act({ type: 'undo' }), [act]);
  const redo = useCallback(() => act({ type: 'redo' }), [act]);
  const reset = useCallback((params: RoundParams | null) => dispatch({ type: 'reset', present: params }), []);
  useUndoShortcuts(undo, redo);
  return {
    params: state.present,
    apply,
    undo,
    redo,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    history: historyLabels(state),
    reset,
  };
}

/** Text fields keep their own undo: the shortcuts act on the round only outside them. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

function useUndoShortcuts(undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);
}
