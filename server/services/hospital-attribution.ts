/**
 * 本院变动归因 — a hospital's change between two rounds it may see, split over the five lever families (ANALYSIS.md
 * §A), computed on the server with the same engine as the workbench's (a hospital user never holds the city's
 * cases nor a round's parameters) and cut to that hospital before it leaves: its own rows and its weights part by
 * DRG, no other hospital's code, name or figure. Rounds from 'proposed' on for a hospital user (openRound).
 *
 * The city's decomposition is computed once per pair of round versions and kept (a few); one engine per data set
 * version keeps its prepared cases between them.
 */
import type { Db } from '@/db/client';
import type { SettlementEngine } from '@/worker/settlement';
import { changedFamilies, decompose, FAMILIES, weightsByDrg, type Decomposition, type DecompositionRow, type DrgWeightsPart, type Family } from '@/worker/analysis';
import type { AnalysisTables } from '@/worker/analysis';
import type { Pool } from '@/worker/settlement/types';
import { DomainError } from './errors';
import { openRound } from './hospital-view';
import type { Round } from './rounds';
import { keptEngine } from './kept-engine';
import { settlementData } from './settlement-data';
import { remember } from './remember';

export interface HospitalAttribution {
  hospital: { code: string; name: string; level: number };
  baseline: { id: number; name: string };
  round: { id: number; name: string };
  /** the lever families whose parameters differ between the two rounds (none: nothing to attribute) */
  changed: Family[];
  /** the hospital's rows of the decomposition (§A.5), one per pool it has cases in */
  rows: DecompositionRow[];
  /** its weights part of `settlement` by DRG, per pool (lines add up to the row's weights part) */
  drgs: { pool: Pool; lines: DrgWeightsPart[] }[];
}

interface Cached {
  decompositions: Map<string, Decomposition>;
  drgs: Map<string, DrgWeightsPart[]>;
}

// on globalThis: Next bundles each route with its own copy of this module (see settlement-data.ts)
const holder = globalThis as typeof globalThis & { __drgHospitalAttribution?: Cached };
const cached = (holder.__drgHospitalAttribution ??= { decompositions: new Map(), drgs: new Map() });
/** decompositions kept (each a few hundred rows), and DRG lines (one hospital and pool each) */
const DECOMPOSITIONS = 8;
const DRG_LINES = 64;

/** The data set's kept engine (kept-engine.ts, shared with the hospital view), its tables, and its version's key. */
function engineOf(db: Db, datasetId: number): { key: string; engine: SettlementEngine; tables: AnalysisTables } {
  const { version, data } = settlementData(db, datasetId);
  return { key: `${datasetId}:${version}`, engine: keptEngine(db, datasetId), tables: { hospitals: data.hospitals, catalog: data.catalog } };
}

const versionOf = (round: Round) => `${round.id}@${round.updatedAt}`;

export function hospitalAttribution(
  db: Db,
  input: { datasetId: number; baselineId: number; roundId: number; hospitalCode: string; hospitalUser: boolean },
): HospitalAttribution {
  const { key, engine, tables } = engineOf(db, input.datasetId);
  const hospital = tables.hospitals.find((h) => h.code === input.hospitalCode);
  if (!hospital) throw new DomainError('NOT_FOUND', `hospital ${input.hospitalCode} is not in data set ${input.datasetId}`);
  const from = openRound(db, input.baselineId, input.datasetId, input.hospitalUser);
  const to = openRound(db, input.roundId, input.datasetId, input.hospitalUser);
  const pair = `${key}:${versionOf(from)}:${versionOf(to)}`;
  const decomposition = remember(cached.decompositions, pair, DECOMPOSITIONS, () => decompose(engine, tables, from.params, to.params));
  const rows = decomposition.hospitals.filter((r) => r.hospital_code === hospital.code);
  const drgs = rows.map((row) => ({
    pool: row.pool,
    lines: remember(cached.drgs, `${pair}:${hospital.code}:${row.pool}`, DRG_LINES, () => weightsByDrg(engine, tables, from.params, to.params, hospital.code, row.pool)),
  }));
  const mask = changedFamilies(from.params, to.params);
  const changed = FAMILIES.filter((_, i) => (mask & (1 << i)) !== 0);
  return { hospital: { code: hospital.code, name: hospital.name, level: hospital.level }, baseline: { id: from.id, name: from.name }, round: { id: to.id, name: to.name }, changed, rows, drgs };
}
