/**
 * One year of inpatient cases (病例), generated straight into typed columns: month by seasonality, hospital
 * by volume, fund pool by the hospital's share of 职工 patients, DRG by the hospital's case mix, cost as a
 * mixture (lognormal body, a short-stay low tail, a high-cost tail) around the group's expected cost,
 * stay, patient payment, 特例单议, 审核扣减, and a few cases the grouper could not place (未入组).
 */
import { NO_DRG, POOL_INDEX, allocateCaseColumns, type CaseTable } from '@/worker/settlement/types';
import type { CatalogPlan } from './catalog';
import type { CaseMix } from './casemix';
import { highCostMultiple } from './default-rules';
import type { HospitalPlan } from './hospitals';
import { toFen } from './money';
import { Random, pickCumulative } from './random';
import type { CitySettings } from './settings';

/** Per-DRG constants of the cost and stay model, looked up by index in the hot loop. */
interface DrgModel {
  bodySigma: Float64Array;
  /** high-cost tail multiple (relative to the expected cost, before normalisation) */
  tailMultiple: Float64Array;
  /** 1 / mean of the cost mixture: keeps each group's expected cost at drgCostBase */
  mixtureScale: Float64Array;
  meanStay: Float64Array;
  perDiem: Uint8Array;
}

const EMPLOYEE = POOL_INDEX.employee;
const RESIDENT = POOL_INDEX.resident;

function drgModel(settings: CitySettings, catalog: CatalogPlan): DrgModel {
  const count = catalog.entries.length;
  const { lowTail, highTail, sigmaByRw } = settings.costs;
  const model: DrgModel = {
    bodySigma: new Float64Array(count),
    tailMultiple: new Float64Array(count),
    mixtureScale: new Float64Array(count),
    meanStay: new Float64Array(count),
    perDiem: new Uint8Array(count),
  };
  catalog.entries.forEach((entry, d) => {
    const weight = entry.weight ?? catalog.fairWeight[d]!;
    const band = sigmaByRw.find((b) => b.rw_max === null || weight <= b.rw_max) ?? sigmaByRw[sigmaByRw.length - 1]!;
    const tail = highCostMultiple(weight) * highTail.median;
    const tailMean = tail * Math.exp((highTail.sigma * highTail.sigma) / 2);
    const lowMean = (lowTail.min + lowTail.max) / 2;
    const mixtureMean = 1 - lowTail.share - highTail.share + lowTail.share * lowMean + highTail.share * tailMean;
    model.bodySigma[d] = band.sigma;
    model.tailMultiple[d] = tail;
    model.mixtureScale[d] = 1 / mixtureMean;
    model.meanStay[d] = settings.stay.base * catalog.fairWeight[d]! ** settings.stay.rwExponent;
    model.perDiem[d] = entry.perDiem ? 1 : 0;
  });
  return model;
}

/** Splits `total` cases over the months in proportion to the seasonality (largest remainder). */
export function monthCounts(total: number, seasonality: readonly number[]): number[] {
  const sum = seasonality.reduce((a, b) => a + b, 0);
  const exact = seasonality.map((s) => (total * s) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, m) => ({ m, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.m - b.m);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (const { m } of order) {
    if (missing-- <= 0) break;
    counts[m] = counts[m]! + 1;
  }
  return counts;
}

export function generateCases(
  settings: CitySettings,
  hospitals: HospitalPlan,
  catalog: CatalogPlan,
  mix: CaseMix,
  count: number,
  seed: number,
): CaseTable {
  const random = new Random(seed);
  const model = drgModel(settings, catalog);
  const columns = allocateCaseColumns(count);
  const table: CaseTable = { ...columns, caseId: new Array<string>(count), drgCode: new Array<string>(count) };
  const idWidth = Math.max(7, String(count).length);
  let i = 0;
  monthCounts(count, settings.seasonality).forEach((n, m) => {
    for (let k = 0; k < n; k++, i++) {
      table.month[i] = m + 1;
      table.caseId[i] = `C${String(i + 1).padStart(idWidth, '0')}`;
      drawCase(settings, hospitals, catalog, mix, model, random, table, i);
    }
  });
  return table;
}

const BODY = 0;
const LOW = 1;
const HIGH = 2;

function drawCase(
  settings: CitySettings,
  hospitals: HospitalPlan,
  catalog: CatalogPlan,
  mix: CaseMix,
  model: DrgModel,
  random: Random,
  table: CaseTable,
  i: number,
): void {
  const drgCount = catalog.entries.length;
  const h = pickCumulative(mix.hospitalCumulative, 0, hospitals.volume.length, random.uniform());
  const level = hospitals.hospitals[h]!.level;
  const pool = random.uniform() < hospitals.employeeShare[h]! ? EMPLOYEE : RESIDENT;
  const d = pickCumulative(mix.drgCumulative, h * drgCount, drgCount, random.uniform());
  const { costs, stay } = settings;

  const u = random.uniform();
  const component = u < costs.lowTail.share ? LOW : u < costs.lowTail.share + costs.highTail.share ? HIGH : BODY;
  let multiplier: number;
  if (component === LOW) multiplier = random.between(costs.lowTail.min, costs.lowTail.max);
  else if (component === HIGH) multiplier = model.tailMultiple[d]! * Math.exp(costs.highTail.sigma * random.normal());
  else multiplier = random.meanOneLognormal(model.bodySigma[d]!);
  multiplier *= model.mixtureScale[d]!;
  const totalCost = Math.max(costs.minCost, toFen(mix.drgCostBase[d]! * hospitals.costFactor[h]! * multiplier));

  const days = model.perDiem[d]
    ? stay.perDiemMedian * Math.exp(stay.perDiemSigma * random.normal())
    : model.meanStay[d]! * stay.levelFactor[level] * multiplier ** stay.costExponent * random.meanOneLognormal(stay.sigma);
  const ungrouped = model.perDiem[d] === 0 && random.uniform() < costs.ungroupedShare;
  const special = component === HIGH && !ungrouped && random.uniform() < costs.specialReviewShare / costs.highTail.share;

  table.hospital[i] = h;
  table.pool[i] = pool;
  table.drg[i] = ungrouped ? NO_DRG : d;
  table.drgCode[i] = ungrouped ? '' : catalog.entries[d]!.code;
  table.totalCost[i] = totalCost;
  table.los[i] = Math.min(stay.max, Math.max(1, Math.round(days)));
  table.specialReview[i] = special ? 1 : 0;
  table.patientPay[i] = patientPay(settings, random, pool, level, totalCost);
  table.deduction[i] = deduction(settings, random, totalCost);
}

/** 个人负担: the level's and pool's share of cost (lower at lower levels: the fund pays more there). */
function patientPay(settings: CitySettings, random: Random, pool: number, level: 1 | 2 | 3, totalCost: number): number {
  const p = settings.patientShare;
  const base = (pool === EMPLOYEE ? p.employee : p.resident)[level];
  const share = Math.min(p.max, Math.max(p.min, base * random.meanOneLognormal(p.sigma)));
  return toFen(totalCost * share);
}

/** 审核扣减: a few % of cases lose a few hundred yuan, never more than a share of their cost. */
function deduction(settings: CitySettings, random: Random, totalCost: number): number {
  const rule = settings.deductions;
  if (random.uniform() >= rule.share) return 0;
  const amount = rule.median * Math.exp(rule.sigma * random.normal());
  return toFen(Math.min(amount, totalCost * rule.maxShareOfCost));
}
