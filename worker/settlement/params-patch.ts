/**
 * A change of round parameters as a patch of leaf paths ("level_coefficients.2", "budget.employee", "high_bands"):
 * what a save sends, and what the server applies onto the saved parameters. Objects are walked to their leaves;
 * arrays (bands, code lists) and numbers are leaves. A null value removes the leaf (its default applies), and an
 * object left empty goes with it. Two editors who changed different leaves of one parameter both keep theirs.
 */
export type Params = Record<string, unknown>;

function isPlainObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf of `params` by its dotted path. */
export function leaves(params: Params, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(params)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) for (const [p, v] of leaves(value, path)) out.set(p, v);
    else out.set(path, value);
  }
  return out;
}

/** The leaves that differ from `from` to `to`: their new values, null where `to` has none. */
export function paramsPatch(from: Params, to: Params): Params {
  const before = leaves(from);
  const after = leaves(to);
  const patch: Params = {};
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    if (JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path))) patch[path] = after.has(path) ? after.get(path) : null;
  }
  return patch;
}

/** `params` with `patch` applied (a copy). */
export function applyParamsPatch(params: Params, patch: Params): Params {
  const next = structuredClone(params);
  for (const [path, value] of Object.entries(patch)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parents: Params[] = [next];
    let node: Params = next;
    for (const key of keys) {
      if (!isPlainObject(node[key])) {
        if (value === null) break;
        node[key] = {};
      }
      node = node[key] as Params;
      parents.push(node);
    }
    if (parents.length !== keys.length + 1) continue;
    if (value === null) delete node[last];
    else node[last] = value;
    // objects a removal left empty go too, innermost first
    for (let i = keys.length - 1; i >= 0; i--) {
      const parent = parents[i]!;
      const child = parent[keys[i]!];
      if (isPlainObject(child) && Object.keys(child).length === 0) delete parent[keys[i]!];
    }
  }
  return next;
}

/** The top-level parameters a patch touches ("level_coefficients.2" → level_coefficients). */
export function patchedParams(patch: Params): string[] {
  return [...new Set(Object.keys(patch).map((path) => path.split('.')[0]!))].sort();
}
