/**
 * A synthetic city generated from known weights, to check that the recalibration finds them again: each used
 * case of DRG d costs weight_d × M × noise, the noise lognormal (σ = `noise`, the same law in every DRG), plus
 * cases §C.1 must leave out (LOS-excluded, special review) and a few wild costs the trim must cut. The
 * catalog's (current) weights are the known ones perturbed, rescaled so that the used cases' total weight is
 * the known one (what `--recentre total_points` keeps).
 */
import { seededRandom } from '@/worker/settlement/testing/synthetic';
import { allocateCaseColumns, type DrgEntry, type SettlementData } from '@/worker/settlement/types';

export interface KnownWeightsCity {
  data: SettlementData;
  /** the weights the costs were generated from, by catalog index */
  known: Float64Array;
  /** used cases generated per DRG */
  usedCases: Int32Array;
}

export interface KnownWeightsOptions {
  weights: readonly number[];
  /** used cases per DRG: one number for all, or one per DRG */
  casesPerDrg: number | readonly number[];
  /** σ of ln(noise) */
  noise: number;
  /** share of used cases with a wild cost (× 8–12) */
  wildShare?: number;
  /** ± spread of the current weights around the known ones (0.3: × 0.7 … 1.3) */
  perturbation?: number;
  seed?: number;
  /** M: yuan per unit of weight */
  yuanPerWeight?: number;
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const toFen = (yuan: number) => Math.max(1, Math.round(yuan * 100)) / 100;

export function knownWeightsCity(options: KnownWeightsOptions): KnownWeightsCity {
  const random = seededRandom(options.seed ?? 7);
  const known = Float64Array.from(options.weights);
  const perDrg = (d: number) => (typeof options.casesPerDrg === 'number' ? options.casesPerDrg : options.casesPerDrg[d]!);
  const usedCases = Int32Array.from(known, (_, d) => perDrg(d));
  const wild = options.wildShare ?? 0.02;
  // every DRG also gets 5 % LOS-excluded and 1 % special-review cases, both at wild costs
  const extra = Int32Array.from(usedCases, (n) => Math.ceil(n * 0.06));
  const total = usedCases.reduce((a, b) => a + b, 0) + extra.reduce((a, b) => a + b, 0);
  const cases = allocateCaseColumns(total);
  const m = options.yuanPerWeight ?? 10_000;
  let i = 0;
  const add = (d: number, cost: number, los: number, special: number) => {
    cases.hospital[i] = Math.floor(random() * 3);
    cases.drg[i] = d;
    cases.month[i] = 1 + Math.floor(random() * 12);
    cases.pool[i] = random() < 0.5 ? 0 : 1;
    cases.totalCost[i] = toFen(cost);
    cases.patientPay[i] = toFen(cost * 0.3);
    cases.los[i] = los;
    cases.specialReview[i] = special;
    i++;
  };
  known.forEach((weight, d) => {
    for (let c = 0; c < usedCases[d]!; c++) {
      const scale = random() < wild ? 8 + 4 * random() : 1;
      add(d, weight * m * Math.exp(options.noise * normal(random)) * scale, 3 + Math.floor(random() * 20), 0);
    }
    for (let c = 0; c < extra[d]!; c++) {
      const special = c % 6 === 0 ? 1 : 0;
      add(d, weight * m * (5 + 10 * random()), special ? 10 : random() < 0.5 ? 1 : 80, special);
    }
  });
  const spread = options.perturbation ?? 0.3;
  const perturbed = known.map((w) => w * (1 - spread + 2 * spread * random()));
  let knownTotal = 0;
  let perturbedTotal = 0;
  known.forEach((w, d) => {
    knownTotal += usedCases[d]! * w;
    perturbedTotal += usedCases[d]! * perturbed[d]!;
  });
  const catalog: DrgEntry[] = Array.from(known, (_, d) => ({
    code: `K${String(d).padStart(3, '0')}`,
    name: `DRG ${d}`,
    mdc: 'MDCK',
    adrg: null,
    drgType: null,
    weight: (perturbed[d]! * knownTotal) / perturbedTotal,
    benchmarkCost: Math.round(known[d]! * m),
    uniformPrice: false,
    perDiem: false,
  }));
  const hospitals = ['H1', 'H2', 'H3'].map((code, h) => ({ code, name: code, level: ((h % 3) + 1) as 1 | 2 | 3, coefficient: null, evaluationScore: null, district: null, type: null }));
  return { data: { hospitals, catalog, cases }, known, usedCases };
}
