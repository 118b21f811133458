/**
 * The engine's tables as the analyses read them (levels, codes, names), built from the page's lists: the page
 * knows the hospitals from datasets.hospitals, the engine's results order them by `hospitalCodes`.
 */
import type { AnalysisTables } from '@/worker/analysis/tables';
import type { Hospital } from '@/worker/settlement/types';
import type { HospitalInfo } from '../compare/impact';

/** The hospitals in the order of `codes` (a result's `hospitalCodes`), or of the page's list without them. */
export function engineHospitals(hospitals: readonly HospitalInfo[], codes?: readonly string[]): Hospital[] {
  const byCode = new Map(hospitals.map((h) => [h.code, h]));
  return (codes ?? hospitals.map((h) => h.code)).map((code) => {
    const info = byCode.get(code);
    return { code, name: info?.name ?? '', level: (info?.level ?? 1) as Hospital['level'], coefficient: null, evaluationScore: null, district: info?.district ?? null, type: info?.type ?? null };
  });
}

/** Tables enough to parse and list levers (hospital codes and names); no catalog: weights_scale is written by the worker. */
export function leverTables(hospitals: readonly HospitalInfo[]): AnalysisTables {
  return { hospitals: engineHospitals(hospitals), catalog: [] };
}
