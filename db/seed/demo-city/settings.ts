/**
 * The demo city's generator settings (scenarios/demo-city/city.json) as a zod schema: the one place the
 * JSON is checked, and the source of the `CitySettings` type every generator step reads.
 */
import { z } from 'zod';
import cityJson from '@/scenarios/demo-city/city.json';

const share = z.number().min(0).max(1);
const positive = z.number().positive();
const byLevel = <T extends z.ZodType>(value: T) => z.object({ '1': value, '2': value, '3': value });
const byType = <T extends z.ZodType>(value: T) =>
  z.object({ surgical: value.optional(), procedure: value.optional(), medical: value.optional() });

export const SPLIT_PATTERNS = ['9', '135', '35', '15'] as const;
export type SplitPattern = (typeof SPLIT_PATTERNS)[number];
/** The severity digits of each split pattern (CHS-DRG: 1 伴严重, 3 伴一般, 5 不伴, 9 不分组). */
export const SPLIT_SEVERITIES: Readonly<Record<SplitPattern, readonly number[]>> = {
  '9': [9],
  '135': [1, 3, 5],
  '35': [3, 5],
  '15': [1, 5],
};

const hospitalTemplate = z.object({
  name: z.string().min(1),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  type: z.string().min(1),
  size: positive,
  profile: z.string().optional(),
});

/** Every organ of a group combines with every word of it: 肾 × 切除术 → 肾切除术. */
const nameGroup = z.object({ organs: z.array(z.string()).min(1), words: z.array(z.string()).min(1) });

const mdcSchema = z.object({
  letter: z.string().regex(/^[A-Z]$/),
  name: z.string().min(1),
  adrgs: byType(z.number().int().min(0)),
  rwMedian: byType(positive),
  caseShare: share,
  /** word groups whose organ × word combinations make plausible ADRG names, per type */
  names: byType(z.array(nameGroup)),
});

const namedAdrgSchema = z.object({
  mdc: z.string().regex(/^[A-Z]$/),
  type: z.enum(['surgical', 'procedure', 'medical']),
  name: z.string().min(1),
  split: z.enum(SPLIT_PATTERNS),
  /** RW of the lowest severity (5, or 9 when not split) */
  rw: positive,
  /** share of all the city's cases */
  volume: share,
  /** 同病同价 for every severity of the ADRG */
  uniform: z.boolean().optional(),
  /** 同病同价 for these severities only */
  uniformSeverities: z.array(z.number().int()).optional(),
  /** 床日付费 */
  perDiem: z.boolean().optional(),
  /** catalog weight ÷ fair weight: a weight that history left behind (e.g. after 集采 price cuts) */
  drift: positive.optional(),
});

export const citySettingsSchema = z.object({
  structureSeed: z.number().int(),
  seed: z.number().int(),
  city: z.object({ name: z.string(), population: positive, admissionRate: share, year: z.number().int() }),
  districts: z.array(z.object({ name: z.string(), urban: z.boolean(), towns: z.number().int().min(0) })).min(1),
  hospitals: z.object({
    named: z.array(hospitalTemplate.extend({ district: z.string() })),
    perDistrict: z.array(hospitalTemplate.extend({ urban: z.boolean().optional() })),
    towns: z.object({
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      type: z.string(),
      urbanName: z.string(),
      urbanSize: positive,
      ruralNames: z.array(z.object({ name: z.string(), share })).min(1),
      sizeSigma: z.number().min(0),
    }),
    townParts: z.object({ first: z.array(z.string()).min(1), second: z.array(z.string()).min(1) }),
    levelShares: byLevel(share),
    evaluation: z.object({ mean: positive, sd: positive, min: z.number(), max: z.number(), missingShare: share }),
    fileCoefficients: z.array(z.object({ type: z.string(), level: z.number().int(), coefficient: positive })),
    employeeShare: byLevel(share),
    employeeUrbanFactor: positive,
    employeeRuralFactor: positive,
    costFactorByLevel: byLevel(positive),
    efficiencySigma: z.number().min(0),
    caseMixJitterSigma: z.number().min(0),
  }),
  /** hospital profile → MDC letter → volume multiplier ('*' = every other MDC) */
  profiles: z.record(z.string(), z.record(z.string(), z.number().min(0))),
  levelAccess: byLevel(z.object({ surgical: positive, procedure: positive, medical: positive })),
  targetCmi: byLevel(positive),
  catalog: z.object({
    splitShares: z.object({ '9': share, '135': share, '35': share, '15': share }),
    severityFactor: z.object({ '1': positive, '3': positive }),
    severityJitter: z.number().min(0),
    severityMix: z.object({
      '9': z.array(share),
      '135': z.array(share),
      '35': z.array(share),
      '15': z.array(share),
    }),
    rwSigma: z.object({ surgical: positive, procedure: positive, medical: positive }),
    rwClamp: z.tuple([positive, positive]),
    typeShare: z.object({ surgical: share, procedure: share, medical: share }),
    volumeSigma: z.number().min(0),
    volumeRwExponent: z.number(),
    drift: z.object({ share, down: z.tuple([positive, positive]), up: z.tuple([positive, positive]) }),
    suffix: z.record(z.string(), z.record(z.string(), z.string())),
    typeLetters: z.object({ surgical: z.string().min(1), procedure: z.string().min(1), medical: z.string().min(1) }),
  }),
  costs: z.object({
    cityMeanCost: positive,
    sigmaByRw: z.array(z.object({ rw_max: z.number().positive().nullable(), sigma: positive })).min(1),
    lowTail: z.object({ share, min: positive, max: positive }),
    highTail: z.object({ share, median: positive, sigma: z.number().min(0) }),
    minCost: positive,
    ungroupedShare: share,
    specialReviewShare: share,
  }),
  stay: z.object({
    base: positive,
    rwExponent: z.number(),
    costExponent: z.number(),
    sigma: z.number().min(0),
    levelFactor: byLevel(positive),
    perDiemMedian: positive,
    perDiemSigma: z.number().min(0),
    max: z.number().int().positive(),
  }),
  patientShare: z.object({
    employee: byLevel(share),
    resident: byLevel(share),
    sigma: z.number().min(0),
    min: share,
    max: share,
  }),
  deductions: z.object({ share, median: positive, sigma: z.number().min(0), maxShareOfCost: share }),
  seasonality: z.array(positive).length(12),
  mdcs: z.array(mdcSchema).min(1),
  namedAdrgs: z.array(namedAdrgSchema),
});

export type CitySettings = z.infer<typeof citySettingsSchema>;
export type MdcSettings = z.infer<typeof mdcSchema>;
export type NamedAdrg = z.infer<typeof namedAdrgSchema>;

/** The committed settings, checked once. */
export function loadCitySettings(): CitySettings {
  return citySettingsSchema.parse(cityJson);
}
