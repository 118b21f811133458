/**
 * 轮次顺序 — the order rounds are shown in everywhere (selects, compared columns, charts, 较上一轮): by lineage
 * and creation. A walk of the rounds' family tree, parent before child, siblings (and roots) by creation time,
 * then id. A round whose parent is not in the list (deleted, or another data set's) is a root.
 */
export interface RoundInLineage {
  id: number;
  parentId: number | null;
  createdAt: string;
}

function byCreation(a: RoundInLineage, b: RoundInLineage): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;
}

/** The rounds in lineage order (a new array; the rounds themselves are kept). */
export function inLineageOrder<R extends RoundInLineage>(rounds: readonly R[]): R[] {
  const ids = new Set(rounds.map((r) => r.id));
  const children = new Map<number | null, R[]>();
  for (const r of rounds) {
    const parent = r.parentId !== null && ids.has(r.parentId) && r.parentId !== r.id ? r.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(r);
    else children.set(parent, [r]);
  }
  for (const siblings of children.values()) siblings.sort(byCreation);
  const ordered: R[] = [];
  const seen = new Set<number>();
  // an explicit stack, not recursion: a long chain of rounds must not exhaust the call stack
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length) {
    const r = stack.pop()!;
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    ordered.push(r);
    for (const child of [...(children.get(r.id) ?? [])].reverse()) stack.push(child);
  }
  // rounds caught in a cycle of parents (the database forbids none) still show, by creation
  if (ordered.length < rounds.length) ordered.push(...rounds.filter((r) => !seen.has(r.id)).sort(byCreation));
  return ordered;
}

/**
 * Rounds compared beside a baseline, in lineage order: the items (each with its round's id) sorted by where
 * their round stands in `order`; an item whose round is not in `order` goes last, in its given place.
 */
export function sortByRoundOrder<T extends { id: number }>(items: readonly T[], order: readonly { id: number }[]): T[] {
  const rank = new Map(order.map((r, i) => [r.id, i]));
  return items
    .map((item, given) => ({ item, given, rank: rank.get(item.id) ?? order.length }))
    .sort((a, b) => a.rank - b.rank || a.given - b.given)
    .map((x) => x.item);
}
