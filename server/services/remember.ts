/**
 * The server's small caches (a hospital's settled rounds, its 变动归因, 权重测算's gathered costs): a Map kept to
 * `size` entries, the least recently used dropped first. A Map iterates in insertion order, so a hit is moved to
 * the end and the first key is the oldest.
 */
export function remember<V>(map: Map<string, V>, key: string, size: number, make: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined) {
    map.delete(key);
    map.set(key, hit);
    return hit;
  }
  const value = make();
  map.set(key, value);
  while (map.size > size) map.delete(map.keys().next().value!);
  return value;
}
