/**
 * Reading and writing one location of the round parameters (SETTLEMENT.md §6) without mutating them:
 * every edit of the editor is "this path gets this value", so one validator and one undo label serve all.
 */

/** A location in the §6 object: ['level_coefficients', '2'], ['weights', 'FM19'], ['budget', 'employee']. */
export type ParamPath = readonly (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing. */
export function getIn(root: unknown, path: ParamPath): unknown {
  let node: unknown = root;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (isRecord(node)) node = node[String(step)];
    else return undefined;
  }
  return node;
}

/** The value at `path` when it is a finite number, else null. */
export function numberAt(root: unknown, path: ParamPath): number | null {
  const value = getIn(root, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A copy of `root` with `value` at `path`. `undefined` removes the key, and an object left empty by the
 * removal is removed too, so clearing the last override leaves the round as it was before (no `"weights": {}`).
 */
export function setIn<T>(root: T, path: ParamPath, value: unknown): T {
  return setStep(root, path, 0, value) as T;
}

function setStep(node: unknown, path: ParamPath, depth: number, value: unknown): unknown {
  const step = path[depth];
  if (step === undefined) return value;
  if (Array.isArray(node) && typeof step === 'number') {
    const copy = node.slice();
    copy[step] = setStep(node[step], path, depth + 1, value);
    return copy;
  }
  const copy: Record<string, unknown> = isRecord(node) ? { ...node } : {};
  const key = String(step);
  const child = setStep(copy[key], path, depth + 1, value);
  if (child === undefined || (isRecord(child) && Object.keys(child).length === 0 && value === undefined)) {
    delete copy[key];
  } else {
    copy[key] = child;
  }
  return copy;
}
