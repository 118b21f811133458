import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import { canonicalBytes } from '@/worker/fingerprint';
import { settle } from '@/worker/settlement';
import { getRound } from './rounds';
import { settlementData } from './settlement-data';

export interface EngineFingerprint {
  /** SHA-256 of the canonical result bytes (hex) */
  sha256: string;
  bytes: number;
  ms: number;
}

/** Settles a saved round in Node and fingerprints the result, for comparison with the browser's worker. */
export function serverFingerprint(db: Db, roundId: number): EngineFingerprint {
  const round = getRound(db, roundId);
  const { data } = settlementData(db, round.datasetId);
  const started = performance.now();
  const result = settle(data, round.params);
  const ms = performance.now() - started;
  const bytes = canonicalBytes(result);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength, ms };
}
