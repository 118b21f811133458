/**
 * The undo history of a round being edited, as a pure reducer: every change the panel makes is one entry with
 * a human label ("二级系数 0.9 → 0.85"), so staff can step back through a negotiating session.
 */

/** One change: the state before it and what it did. */
export interface UndoEntry<T> {
  before: T;
  label: string;
}

export interface UndoState<T> {
  present: T;
  past: readonly UndoEntry<T>[];
  /** undone changes, the next one to redo last */
  future: readonly UndoEntry<T>[];
}

export type UndoAction<T> =
  | { type: 'apply'; next: T; label: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; present: T };

/** Oldest changes are forgotten beyond this; a session rarely makes more. */
export const HISTORY_LIMIT = 200;

export function initialUndoState<T>(present: T): UndoState<T> {
  return { present, past: [], future: [] };
}

export function undoReducer<T>(state: UndoState<T>, action: UndoAction<T>): UndoState<T> {
  switch (action.type) {
    case 'apply': {
      if (Object.is(action.next, state.present)) return state;
      const past = [...state.past, { before: state.present, label: action.label }].slice(-HISTORY_LIMIT);
      return { present: action.next, past, future: [] };
    }
    case 'undo': {
      const last = state.past[state.past.length - 1];
      if (!last) return state;
      return {
        present: last.before,
        past: state.past.slice(0, -1),
        future: [...state.future, { before: state.present, label: last.label }],
      };
    }
    case 'redo': {
      const next = state.future[state.future.length - 1];
      if (!next) return state;
      return {
        present: next.before,
        past: [...state.past, { before: state.present, label: next.label }],
        future: state.future.slice(0, -1),
      };
    }
    case 'reset':
      return initialUndoState(action.present);
  }
}

/** Labels of the changes that can be undone, oldest first. */
export function historyLabels<T>(state: UndoState<T>): string[] {
  return state.past.map((entry) => entry.label);
}
