/**
 * The city's hospitals (医疗机构): names, levels, districts and types from the settings, plus the hidden
 * traits that drive the cases (volume, case-mix profile, cost efficiency, share of employee patients).
 * Depends only on the settings and their structure seed, never on the case seed.
 */
import type { Hospital, Level } from '@/worker/settlement/types';
import { Random } from './random';
import type { CitySettings } from './settings';

/** A hospital and what the generator knows about it beyond the import file. */
export interface HospitalPlan {
  hospitals: Hospital[];
  /** share of the city's cases treated here (sums to 1) */
  volume: Float64Array;
  /** key of `settings.profiles` (general, maternal, oncology …) */
  profile: string[];
  /** 1 in an urban district (区), 0 in a county (县) */
  urban: Uint8Array;
  /** multiplies the level's case-mix exponent: this hospital's severity relative to its peers */
  caseMixJitter: Float64Array;
  /** multiplies the cost of every case: level cost factor × own efficiency */
  costFactor: Float64Array;
  /** probability that a case here is an 职工 (employee fund) case */
  employeeShare: Float64Array;
}

interface Draft {
  name: string;
  level: Level;
  type: string;
  district: string;
  urban: boolean;
  size: number;
  profile: string;
}

/** Builds the hospital list, ordered by level (三级 first) then by the settings' order; codes H001… */
export function planHospitals(settings: CitySettings): HospitalPlan {
  const random = new Random(settings.structureSeed ^ 0x4851);
  const drafts = [...namedDrafts(settings), ...districtDrafts(settings), ...townDrafts(settings, random)];
  const ordered = drafts
    .map((draft, order) => ({ draft, order }))
    .sort((x, y) => y.draft.level - x.draft.level || x.order - y.order)
    .map(({ draft }) => draft);
  return toPlan(settings, ordered, random);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

function namedDrafts(settings: CitySettings): Draft[] {
  const urbanOf = new Map(settings.districts.map((d) => [d.name, d.urban]));
  return settings.hospitals.named.map((h) => ({
    name: fill(h.name, { city: settings.city.name }),
    level: h.level,
    type: h.type,
    district: h.district,
    urban: urbanOf.get(h.district) ?? true,
    size: h.size,
    profile: h.profile ?? 'general',
  }));
}

/** One hospital per template and district (a template with `urban` set only where it matches). */
function districtDrafts(settings: CitySettings): Draft[] {
  const drafts: Draft[] = [];
  for (const template of settings.hospitals.perDistrict) {
    for (const district of settings.districts) {
      if (template.urban !== undefined && template.urban !== district.urban) continue;
      drafts.push({
        name: fill(template.name, { district: district.name, city: settings.city.name }),
        level: template.level,
        type: template.type,
        district: district.name,
        urban: district.urban,
        size: template.size,
        profile: template.profile ?? 'general',
      });
    }
  }
  return drafts;
}

/** 乡镇卫生院 in counties, 社区卫生服务中心 in urban districts; town names composed from two syllables. */
function townDrafts(settings: CitySettings, random: Random): Draft[] {
  const towns = settings.hospitals.towns;
  const names = townNames(settings, random);
  const drafts: Draft[] = [];
  let next = 0;
  for (const district of settings.districts) {
    for (let i = 0; i < district.towns; i++) {
      const town = names[next++]!;
      const template = district.urban ? towns.urbanName : pickRuralName(towns.ruralNames, random.uniform());
      drafts.push({
        name: fill(template, { town, district: district.name }),
        level: towns.level,
        type: towns.type,
        district: district.name,
        urban: district.urban,
        size: random.meanOneLognormal(towns.sizeSigma) * (district.urban ? towns.urbanSize : 1),
        profile: 'general',
      });
    }
  }
  return drafts;
}

function pickRuralName(options: { name: string; share: number }[], u: number): string {
  const total = options.reduce((sum, o) => sum + o.share, 0);
  let running = 0;
  for (const option of options) {
    running += option.share / total;
    if (u < running) return option.name;
  }
  return options[options.length - 1]!.name;
}

function townNames(settings: CitySettings, random: Random): string[] {
  const { first, second } = settings.hospitals.townParts;
  const combos = first.flatMap((a) => second.map((b) => a + b));
  const needed = settings.districts.reduce((sum, d) => sum + d.towns, 0);
  if (combos.length < needed) throw new Error(`townParts give ${combos.length} names, ${needed} needed`);
  return random.shuffled(combos).slice(0, needed);
}

function toPlan(settings: CitySettings, drafts: Draft[], random: Random): HospitalPlan {
  const s = settings.hospitals;
  const count = drafts.length;
  const plan: HospitalPlan = {
    hospitals: [],
    volume: new Float64Array(count),
    profile: [],
    urban: new Uint8Array(count),
    caseMixJitter: new Float64Array(count),
    costFactor: new Float64Array(count),
    employeeShare: new Float64Array(count),
  };
  const sizeByLevel = { 1: 0, 2: 0, 3: 0 };
  for (const d of drafts) sizeByLevel[d.level] += d.size;
  const width = Math.max(3, String(count).length);
  drafts.forEach((d, i) => {
    const fileCoefficient = s.fileCoefficients.find((f) => f.type === d.type && f.level === d.level);
    plan.hospitals.push({
      code: `H${String(i + 1).padStart(width, '0')}`,
      name: d.name,
      level: d.level,
      coefficient: fileCoefficient?.coefficient ?? null,
      evaluationScore: evaluationScore(settings, random),
      district: d.district,
      type: d.type,
    });
    plan.volume[i] = (s.levelShares[d.level] * d.size) / sizeByLevel[d.level];
    plan.profile.push(d.profile);
    plan.urban[i] = d.urban ? 1 : 0;
    plan.caseMixJitter[i] = s.caseMixJitterSigma * random.normal();
    plan.costFactor[i] = s.costFactorByLevel[d.level] * random.meanOneLognormal(s.efficiencySigma);
    const urbanFactor = d.urban ? s.employeeUrbanFactor : s.employeeRuralFactor;
    plan.employeeShare[i] = Math.min(0.9, s.employeeShare[d.level] * urbanFactor);
  });
  normalise(plan.volume);
  return plan;
}

/** 考核得分: roughly normal around the settings' mean, one decimal; a few hospitals without a score. */
function evaluationScore(settings: CitySettings, random: Random): number | null {
  const e = settings.hospitals.evaluation;
  const score = Math.min(e.max, Math.max(e.min, e.mean + e.sd * random.normal()));
  const missing = random.uniform() < e.missingShare;
  return missing ? null : Math.round(score * 10) / 10;
}

function normalise(values: Float64Array): void {
  let total = 0;
  for (const v of values) total += v;
  for (let i = 0; i < values.length; i++) values[i] = values[i]! / total;
}
