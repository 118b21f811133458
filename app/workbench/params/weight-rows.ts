/**
 * The rows of the weight table: each catalog DRG with what the round makes of it. Recomputed when the round
 * changes, so sorting and export see the effective values while the table's columns stay the same.
 */
import { getIn } from './paths';
import { uniformPriceDrgs } from './uniform-price';

interface CatalogDrg {
  code: string;
  weight: number | null;
  benchmarkCost: number | null;
  uniformPrice: boolean;
}

export interface WeightRow<Drg extends CatalogDrg> {
  drg: Drg;
  /** 相对权重 the round settles with: its override, else the catalog's */
  weight: number | null;
  weightOverride: number | undefined;
  /** 次均费用 the round settles with */
  benchmarkCost: number | null;
  benchmarkOverride: number | undefined;
  /** the round names this DRG 同病同价 */
  uniformInRound: boolean;
  /** 同病同价 by the catalog or the round */
  uniformPrice: boolean;
}

type Overrides = Readonly<Record<string, number>> | undefined;

export function weightRows<Drg extends CatalogDrg>(drgs: readonly Drg[], params: unknown): WeightRow<Drg>[] {
  const weights = getIn(params, ['weights']) as Overrides;
  const benchmarks = getIn(params, ['benchmark_costs']) as Overrides;
  const uniform = new Set(uniformPriceDrgs(params));
  return drgs.map((drg) => {
    const weightOverride = weights?.[drg.code];
    const benchmarkOverride = benchmarks?.[drg.code];
    const uniformInRound = uniform.has(drg.code);
    return {
      drg,
      weight: weightOverride ?? drg.weight,
      weightOverride,
      benchmarkCost: benchmarkOverride ?? drg.benchmarkCost,
      benchmarkOverride,
      uniformInRound,
      uniformPrice: drg.uniformPrice || uniformInRound,
    };
  });
}
