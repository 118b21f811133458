/**
 * A round copied to another data set keeps its rules, but its overrides of the hospital and catalog files
 * (SETTLEMENT.md §6: weights, benchmark costs, hospital coefficients, evaluation scores, uniform-price DRGs) name
 * codes: those the new data set does not have are dropped, and each drop is reported, so nobody takes a silent
 * change for the copied round.
 */
import type { RoundParams } from '@/worker/settlement/round';

/** §6 maps keyed by DRG code */
const DRG_MAPS = ['weights', 'benchmark_costs'] as const;
/** §6 maps keyed by hospital code */
const HOSPITAL_MAPS = ['hospital_coefficients', 'evaluation_scores'] as const;

export type OverrideKey = (typeof DRG_MAPS)[number] | (typeof HOSPITAL_MAPS)[number] | 'uniform_price_drgs';

/** One override left out: the §6 key and the hospital or DRG code the data set does not have. */
export interface DroppedOverride {
  key: OverrideKey;
  code: string;
}

/** The codes of the data set a round is fitted to. */
export interface DatasetCodes {
  hospitals: ReadonlySet<string>;
  drgs: ReadonlySet<string>;
}

export interface FittedRound {
  params: RoundParams;
  dropped: DroppedOverride[];
}

function fitMap(map: Record<string, number> | undefined, known: ReadonlySet<string>, key: OverrideKey, dropped: DroppedOverride[]) {
  if (!map) return undefined;
  const kept: Record<string, number> = {};
  for (const [code, value] of Object.entries(map)) {
    if (known.has(code)) kept[code] = value;
    else dropped.push({ key, code });
  }
  // an override map left empty is no override at all (the files apply), as the editor leaves it
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** `params` with every override of a hospital or DRG that `codes` lacks removed, and the list of what was removed. */
export function fitRoundToDataset(params: RoundParams, codes: DatasetCodes): FittedRound {
  const dropped: DroppedOverride[] = [];
  const fitted: Record<string, unknown> = { ...params };
  const set = (key: OverrideKey, value: unknown) => {
    if (value === undefined) delete fitted[key];
    else fitted[key] = value;
  };
  for (const key of DRG_MAPS) set(key, fitMap(params[key], codes.drgs, key, dropped));
  for (const key of HOSPITAL_MAPS) set(key, fitMap(params[key], codes.hospitals, key, dropped));
  if (params.uniform_price_drgs) {
    const kept = params.uniform_price_drgs.filter((code) => codes.drgs.has(code));
    for (const code of params.uniform_price_drgs) if (!codes.drgs.has(code)) dropped.push({ key: 'uniform_price_drgs', code });
    set('uniform_price_drgs', kept.length > 0 ? kept : undefined);
  }
  return { params: fitted as RoundParams, dropped };
}
