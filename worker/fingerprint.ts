/**
 * The canonical bytes of a settlement result: every typed array of the result in a fixed order, then the §7
 * JSON. Two engines (a browser's Web Worker and Node) agree bit for bit exactly when these bytes do; both
 * sides hash them with SHA-256 (Web Crypto in the browser, node:crypto on the server). Pure: no DOM, no Node.
 */
import { toContractResult, type SettlementResult } from './settlement/result';

function arraysOf(result: SettlementResult): ArrayBufferView[] {
  const groups = [result.rows, result.rounded, result.months, result.drgs, result.hospitalDrgs] as const;
  const arrays: ArrayBufferView[] = [result.hospitalOrder];
  for (const pool of result.pools) arrays.push(pool.monthlyPointValue);
  for (const group of groups) {
    for (const key of Object.keys(group).sort()) arrays.push((group as unknown as Record<string, ArrayBufferView>)[key]!);
  }
  return arrays;
}

export function canonicalBytes(result: SettlementResult): Uint8Array {
  const scalars = result.pools.map((p) => {
    const { monthlyPointValue: _months, ...rest } = p;
    return rest;
  });
  const json = new TextEncoder().encode(JSON.stringify({ scalars, contract: toContractResult(result) }));
  const arrays = arraysOf(result);
  const size = arrays.reduce((s, a) => s + a.byteLength, 0) + json.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += a.byteLength;
  }
  out.set(json, offset);
  return out;
}
