/**
 * The options of a weight recalibration (权重测算, ANALYSIS.md §C), their defaults, and the trim method as the
 * command line writes it (`iqr`, `iqr:K`, `pct:LO:HI`, `logsd:K`, `none`). Bad values are refused with the
 * option, the value and why, in Chinese and English; nothing is computed with them.
 */
import { z } from 'zod';

/** 截尾方法: how each DRG's outlying costs are left out before its mean is taken (§C.2). */
export type TrimMethod =
  | { kind: 'iqr'; k: number }
  | { kind: 'pct'; lo: number; hi: number }
  | { kind: 'logsd'; k: number }
  | { kind: 'none' };

export const RECENTRE_MODES = ['total_points', 'cmi1', 'none'] as const;
/** 重新定标: the one factor s applied to every DRG (§C.5). */
export type Recentre = (typeof RECENTRE_MODES)[number];

export interface RecalibrationOptions {
  trim: TrimMethod;
  /** 最少病例数: a DRG keeping fewer cases keeps its current weight (§C.3) */
  minCases: number;
  /** 新旧权重混合比例 A: 1 = the data alone, 0 = the current weights (§C.4) */
  blend: number;
  /** 调整幅度上限 X: the new weight stays within current × (1 ± X); null = no cap (§C.4) */
  cap: number | null;
  recentre: Recentre;
}

/** §C defaults: `--trim iqr` (K = 1.5), `--min-cases 10`, `--blend 1`, no cap, `--recentre total_points`. */
export const DEFAULT_IQR_K = 1.5;
export const DEFAULT_OPTIONS: Readonly<RecalibrationOptions> = Object.freeze({
  trim: { kind: 'iqr' as const, k: DEFAULT_IQR_K },
  minCases: 10,
  blend: 1,
  cap: null,
  recentre: 'total_points',
});

/** Limits of the options (the page's inputs and the schema read them from here). */
export const OPTION_LIMITS = {
  /** K of iqr and logsd */
  k: { min: 0, max: 100 },
  minCases: { min: 1, max: 1_000_000 },
  /** a cap beyond ±1000 % is no cap: say "no cap" instead */
  cap: { min: 0, max: 10 },
} as const;

const bilingual = (zh: string, en: string) => `${zh} / ${en}`;

const kSchema = z
  .number()
  .finite()
  .min(OPTION_LIMITS.k.min, bilingual(`K 须在 ${OPTION_LIMITS.k.min}–${OPTION_LIMITS.k.max} 之间`, `K must be from ${OPTION_LIMITS.k.min} to ${OPTION_LIMITS.k.max}`))
  .max(OPTION_LIMITS.k.max, bilingual(`K 须在 ${OPTION_LIMITS.k.min}–${OPTION_LIMITS.k.max} 之间`, `K must be from ${OPTION_LIMITS.k.min} to ${OPTION_LIMITS.k.max}`));
const percentile = z
  .number()
  .finite()
  .min(0, bilingual('百分位须在 0–100 之间', 'a percentile must be from 0 to 100'))
  .max(100, bilingual('百分位须在 0–100 之间', 'a percentile must be from 0 to 100'));

export const trimMethodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('iqr'), k: kSchema }),
  z
    .strictObject({ kind: z.literal('pct'), lo: percentile, hi: percentile })
    .refine((t) => t.lo < t.hi, { message: bilingual('下百分位须小于上百分位', 'LO must be less than HI'), path: ['hi'] }),
  z.strictObject({ kind: z.literal('logsd'), k: kSchema.refine((k) => k > 0, bilingual('K 须大于 0', 'K must be greater than 0')) }),
  z.strictObject({ kind: z.literal('none') }),
]);

/** The options at an edge (tRPC input, the CLI after parsing): every field required, limits checked. */
export const recalibrationOptionsSchema = z.strictObject({
  trim: trimMethodSchema,
  minCases: z
    .number()
    .int(bilingual('最少病例数须为整数', 'min cases must be a whole number'))
    .min(OPTION_LIMITS.minCases.min, bilingual('最少病例数至少为 1', 'min cases must be at least 1'))
    .max(OPTION_LIMITS.minCases.max, bilingual(`最少病例数至多为 ${OPTION_LIMITS.minCases.max}`, `min cases must be at most ${OPTION_LIMITS.minCases.max}`)),
  blend: z
    .number()
    .finite()
    .min(0, bilingual('混合比例须在 0–1 之间', 'blend must be from 0 to 1'))
    .max(1, bilingual('混合比例须在 0–1 之间', 'blend must be from 0 to 1')),
  cap: z
    .number()
    .finite()
    .min(OPTION_LIMITS.cap.min, bilingual(`封顶幅度须在 ${OPTION_LIMITS.cap.min}–${OPTION_LIMITS.cap.max} 之间`, `cap must be from ${OPTION_LIMITS.cap.min} to ${OPTION_LIMITS.cap.max}`))
    .max(OPTION_LIMITS.cap.max, bilingual(`封顶幅度须在 ${OPTION_LIMITS.cap.min}–${OPTION_LIMITS.cap.max} 之间`, `cap must be from ${OPTION_LIMITS.cap.min} to ${OPTION_LIMITS.cap.max}`))
    .nullable(),
  recentre: z.enum(RECENTRE_MODES),
});

export type ParsedOption<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A number as the command line writes it: digits, an optional sign and decimals (no hex, no "1e3", no blanks). */
function numberOf(text: string | undefined): number | null {
  return text !== undefined && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

const TRIM_USAGE = 'iqr | iqr:K | pct:LO:HI | logsd:K | none';

/** The trim method as `--trim` writes it, or why it is not one. */
export function parseTrimMethod(text: string): ParsedOption<TrimMethod> {
  const [kind, ...rest] = text.trim().split(':');
  const numbers = rest.map(numberOf);
  let method: unknown = null;
  if (kind === 'none' && rest.length === 0) method = { kind: 'none' };
  else if (kind === 'iqr' && rest.length === 0) method = { kind: 'iqr', k: DEFAULT_IQR_K };
  else if ((kind === 'iqr' || kind === 'logsd') && rest.length === 1 && numbers[0] !== null) method = { kind, k: numbers[0] };
  else if (kind === 'pct' && rest.length === 2 && numbers[0] !== null && numbers[1] !== null) method = { kind, lo: numbers[0], hi: numbers[1] };
  if (method === null) return { ok: false, reason: bilingual(`截尾方法“${text}”无法识别，应为 ${TRIM_USAGE}`, `trim method "${text}" is not one of ${TRIM_USAGE}`) };
  const parsed = trimMethodSchema.safeParse(method);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `${text}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
}

/** The trim method as `--trim` writes it (the inverse of parseTrimMethod). */
export function trimMethodText(trim: TrimMethod): string {
  switch (trim.kind) {
    case 'iqr':
      return `iqr:${trim.k}`;
    case 'pct':
      return `pct:${trim.lo}:${trim.hi}`;
    case 'logsd':
      return `logsd:${trim.k}`;
    case 'none':
      return 'none';
  }
}

/** The options as the command line would write them: what a round's reason and the audit log record. */
export function optionsText(options: RecalibrationOptions): string {
  return [
    `--trim ${trimMethodText(options.trim)}`,
    `--min-cases ${options.minCases}`,
    `--blend ${options.blend}`,
    options.cap === null ? null : `--cap ${options.cap}`,
    `--recentre ${options.recentre}`,
  ]
    .filter((part) => part !== null)
    .join(' ');
}
