/**
 * What the presenter just did, read from two renders of the workbench: an edit (its undo label), an undo, a redo,
 * a save (into the round, or as a new child round), or another choice of rounds. The followers are told it.
 */
import type { ChangeKind } from '@/server/live/protocol';

/** The workbench as the live session sees it at one render. */
export interface Observed {
  roundId: number;
  /** the round's last save */
  roundUpdatedAt: string;
  baselineId: number;
  compareIds: readonly number[];
  /** the undo history's labels, oldest first */
  history: readonly string[];
  params: unknown;
}

export interface RoundInfo {
  id: number;
  name: string;
  parentId: number | null;
}

export interface ClassifiedChange {
  change: { kind: ChangeKind; label: string | null };
  /** labels undone and not redone, the next redo's last: a redo brings back the top one */
  undone: string[];
}

export function classifyChange(prev: Observed, next: Observed, undone: readonly string[], rounds: readonly RoundInfo[], roundsBefore: ReadonlySet<number>): ClassifiedChange | null {
  const round = rounds.find((r) => r.id === next.roundId);
  if (next.roundId !== prev.roundId) {
    // 另存为新轮次: a child of the round presented, which did not exist a moment ago
    const savedAs = round?.parentId === prev.roundId && !roundsBefore.has(next.roundId);
    return { change: { kind: savedAs ? 'saved' : 'rounds', label: round?.name ?? null }, undone: [] };
  }
  if (next.roundUpdatedAt !== prev.roundUpdatedAt) return { change: { kind: 'saved', label: round?.name ?? null }, undone: [] };
  if (next.params !== prev.params) {
    const before = prev.history.length;
    const after = next.history.length;
    if (after < before) return { change: { kind: 'undo', label: prev.history[before - 1] ?? null }, undone: [...undone, prev.history[before - 1] ?? ''] };
    const label = next.history[after - 1] ?? null;
    if (after > before && undone.length > 0 && undone[undone.length - 1] === label) return { change: { kind: 'redo', label }, undone: undone.slice(0, -1) };
    return { change: { kind: 'edit', label }, undone: [] };
  }
  if (next.baselineId !== prev.baselineId || next.compareIds.join() !== prev.compareIds.join()) return { change: { kind: 'rounds', label: null }, undone: [...undone] };
  return null;
}
