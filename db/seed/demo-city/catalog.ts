/**
 * The DRG catalog (DRG 目录) of the demo city: CHS-DRG-style codes (MDC letter, ADRG type letter — A–J
 * surgical, K–Q non-OR procedure, R–Z medical —, serial digit, severity digit 1/3/5/9), composed Chinese
 * names, fair relative weights drawn around per-MDC medians, a case-volume prior, and a deliberate drift
 * of some catalog weights away from the fair ones (what the example negotiation rounds repair).
 * Depends only on the settings and their structure seed; benchmark costs are filled in from the cases.
 */
import { DRG_TYPES, type DrgEntry, type DrgType } from '@/worker/settlement/types';
import { composeAdrgNames, drgName } from './adrg-names';
import { Random } from './random';
import {
  SPLIT_PATTERNS,
  SPLIT_SEVERITIES,
  type CitySettings,
  type MdcSettings,
  type NamedAdrg,
  type SplitPattern,
} from './settings';

export interface CatalogPlan {
  /** the catalog rows; `benchmarkCost` is null until the cases are generated */
  entries: DrgEntry[];
  /** the weight the group's costs justify (4 decimals); the catalog weight differs where drifted */
  fairWeight: Float64Array;
  /** 1 where the catalog weight was left behind by history (weight ≠ fair weight) */
  drifted: Uint8Array;
  /** prior share of the city's cases in each DRG (sums to 1) */
  volume: Float64Array;
  /** MDC letter of each entry ('F') */
  mdcLetter: string[];
}

/** One ADRG before it is split into DRGs. */
interface AdrgDraft {
  code: string;
  name: string;
  mdc: MdcSettings;
  type: DrgType;
  split: SplitPattern;
  /** fair RW of the lowest severity */
  rw: number;
  volume: number;
  named: NamedAdrg | null;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function planCatalog(settings: CitySettings): CatalogPlan {
  const random = new Random(settings.structureSeed ^ 0x4452);
  const adrgs = settings.mdcs.flatMap((mdc) => DRG_TYPES.flatMap((type) => draftAdrgs(settings, mdc, type, random)));
  scaleGenericVolumes(adrgs);
  const plan: CatalogPlan = { entries: [], fairWeight: new Float64Array(0), drifted: new Uint8Array(0), volume: new Float64Array(0), mdcLetter: [] };
  const fair: number[] = [];
  const drifted: number[] = [];
  const volume: number[] = [];
  for (const adrg of adrgs) {
    const severities = SPLIT_SEVERITIES[adrg.split];
    const mix = settings.catalog.severityMix[adrg.split];
    severities.forEach((severity, i) => {
      const fairWeight = round4(severityWeight(settings, adrg, severity, random));
      const drift = driftFactor(settings, adrg, random);
      plan.entries.push({
        code: `${adrg.code}${severity}`,
        name: drgName(settings, adrg.name, adrg.split, severity),
        mdc: `MDC${adrg.mdc.letter}`,
        adrg: adrg.code,
        drgType: adrg.type,
        weight: drift === 1 ? fairWeight : round4(fairWeight * drift),
        benchmarkCost: null,
        uniformPrice: isUniform(adrg.named, severity),
        perDiem: adrg.named?.perDiem === true,
      });
      plan.mdcLetter.push(adrg.mdc.letter);
      fair.push(fairWeight);
      drifted.push(drift === 1 ? 0 : 1);
      volume.push(adrg.volume * (mix[i] ?? 0));
    });
  }
  plan.fairWeight = Float64Array.from(fair);
  plan.drifted = Uint8Array.from(drifted);
  plan.volume = Float64Array.from(volume);
  return plan;
}

/** The ADRGs of one MDC and type: the settings' named ones first, then composed ones. */
function draftAdrgs(settings: CitySettings, mdc: MdcSettings, type: DrgType, random: Random): AdrgDraft[] {
  const count = mdc.adrgs[type] ?? 0;
  const named = settings.namedAdrgs.filter((n) => n.mdc === mdc.letter && n.type === type);
  if (named.length > count) throw new Error(`MDC ${mdc.letter} ${type}: ${named.length} named ADRGs but only ${count} in all`);
  const taken = new Set(named.map((n) => n.name));
  const composed = composeAdrgNames(mdc, type, count - named.length, taken, random);
  const codes = adrgCodes(settings, mdc.letter, type, count);
  const median = mdc.rwMedian[type] ?? 1;
  const [minRw, maxRw] = settings.catalog.rwClamp;
  const drafts: AdrgDraft[] = [];
  for (let k = 0; k < count; k++) {
    const n = named[k] ?? null;
    const rw = n ? n.rw : clamp(median * Math.exp(settings.catalog.rwSigma[type] * random.normal()), minRw, maxRw);
    const generic = Math.exp(settings.catalog.volumeSigma * random.normal()) * rw ** settings.catalog.volumeRwExponent;
    drafts.push({
      code: codes[k]!,
      name: n ? n.name : composed[k - named.length]!,
      mdc,
      type,
      split: n ? n.split : randomSplit(settings, random.uniform()),
      rw,
      // named: an absolute share of all cases; composed: relative, scaled in scaleGenericVolumes
      volume: n ? n.volume : generic,
      named: n,
    });
  }
  normaliseGeneric(drafts, mdc.caseShare * typeShare(settings, mdc, type));
  return drafts;
}

/** Letter = position in the type's letter range, serial 1… within the letter (≥ 2 serials per letter). */
function adrgCodes(settings: CitySettings, mdcLetter: string, type: DrgType, count: number): string[] {
  const letters = settings.catalog.typeLetters[type];
  const perLetter = Math.max(2, Math.ceil(count / letters.length));
  if (perLetter > 9) throw new Error(`MDC ${mdcLetter} ${type}: ${count} ADRGs do not fit the letter range`);
  return Array.from({ length: count }, (_, k) => `${mdcLetter}${letters[Math.floor(k / perLetter)]}${(k % perLetter) + 1}`);
}

/** The MDC's share for one type, renormalised over the types the MDC has composed ADRGs of. */
function typeShare(settings: CitySettings, mdc: MdcSettings, type: DrgType): number {
  const named = (t: DrgType) => settings.namedAdrgs.filter((n) => n.mdc === mdc.letter && n.type === t).length;
  const present = DRG_TYPES.filter((t) => (mdc.adrgs[t] ?? 0) > named(t));
  const total = present.reduce((sum, t) => sum + settings.catalog.typeShare[t], 0);
  return present.includes(type) && total > 0 ? settings.catalog.typeShare[type] / total : 0;
}

function normaliseGeneric(drafts: AdrgDraft[], share: number): void {
  const generic = drafts.filter((d) => !d.named);
  const total = generic.reduce((sum, d) => sum + d.volume, 0);
  for (const d of generic) d.volume = total > 0 ? (d.volume / total) * share : 0;
}

/** Composed ADRGs share what the named ones leave of the city's cases. */
function scaleGenericVolumes(adrgs: AdrgDraft[]): void {
  const namedTotal = adrgs.reduce((sum, d) => sum + (d.named ? d.volume : 0), 0);
  const genericTotal = adrgs.reduce((sum, d) => sum + (d.named ? 0 : d.volume), 0);
  if (namedTotal >= 1) throw new Error('named ADRG volumes add up to 100 % or more');
  for (const d of adrgs) if (!d.named) d.volume *= (1 - namedTotal) / genericTotal;
}

function randomSplit(settings: CitySettings, u: number): SplitPattern {
  const shares = settings.catalog.splitShares;
  const total = SPLIT_PATTERNS.reduce((sum, p) => sum + shares[p], 0);
  let running = 0;
  for (const pattern of SPLIT_PATTERNS) {
    running += shares[pattern] / total;
    if (u < running) return pattern;
  }
  return '9';
}

/** CHS-DRG severity ladder: 伴严重 ≈ 1.64×, 伴一般 ≈ 1.36× the 不伴 group (medians over real ADRGs). */
function severityWeight(settings: CitySettings, adrg: AdrgDraft, severity: number, random: Random): number {
  if (severity === 5 || severity === 9) return adrg.rw;
  const factor = settings.catalog.severityFactor[severity === 1 ? '1' : '3'];
  const jitter = Math.exp(settings.catalog.severityJitter * random.normal());
  return clamp(adrg.rw * factor * jitter, adrg.rw * 1.05, settings.catalog.rwClamp[1]);
}

/** Named ADRGs drift as the settings say; a random few composed ones drift up or down. */
function driftFactor(settings: CitySettings, adrg: AdrgDraft, random: Random): number {
  if (adrg.named) return adrg.named.drift ?? 1;
  const drift = settings.catalog.drift;
  const u = random.uniform();
  const range = random.uniform() < 0.5 ? drift.down : drift.up;
  const factor = random.between(range[0], range[1]);
  return u < drift.share ? factor : 1;
}

function isUniform(named: NamedAdrg | null, severity: number): boolean {
  if (!named) return false;
  return named.uniform === true || (named.uniformSeverities?.includes(severity) ?? false);
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
