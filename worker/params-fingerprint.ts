/**
 * 参数指纹 — a round's parameters in a few characters: the SHA-256 of their canonical JSON (object keys sorted at
 * every depth, so the order keys were written in does not count). Equal fingerprints = the same parameters, so a
 * table exported today can be matched with the round it came from. Pure: the browser and Node agree.
 */
import { sha256Hex } from './sha256';

/** JSON with every object's keys sorted (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The first 12 hex digits of the parameters' SHA-256 (48 bits: no two rounds of a city collide). */
export function paramsFingerprint(params: unknown): string {
  return sha256Hex(new TextEncoder().encode(canonicalJson(params))).slice(0, 12);
}
