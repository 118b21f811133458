/**
 * Bit-for-bit comparison of engine results, for tests: typed arrays byte by byte, numbers by `Object.is`
 * (so −0 ≠ 0 and NaN = NaN), plain objects and arrays key by key. Returns the paths that differ (at most
 * `limit`), empty when the two are the same bit for bit.
 */
export function bitDifferences(a: unknown, b: unknown, limit = 10, path = '$', out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor || a.byteLength !== b.byteLength) {
      out.push(`${path}: not the same kind or length of array`);
      return out;
    }
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== y[i]) {
        const size = 'BYTES_PER_ELEMENT' in a ? Number(a.BYTES_PER_ELEMENT) : 1;
        out.push(`${path}[${Math.floor(i / size)}]`);
        return out;
      }
    }
    return out;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (!Object.is(a, b)) out.push(`${path}: ${String(a)} ≠ ${String(b)}`);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) bitDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], limit, `${path}.${key}`, out);
  return out;
}
