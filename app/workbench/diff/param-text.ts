/**
 * A parameter change as the panel reads it: the parameter's name in the UI's language with its unit, the DRG or
 * hospital it names, and its values in that unit (budgets in 万元, ratios in %, words for choices and flags,
 * band tables as rows). Pure: the diff table, its export and its tests use the same texts.
 */
import type { Locale, MessageKey } from '../../i18n/messages';
import { formatNumber, formatWan } from '../../lib/format';
import { BAND_SPECS, type BandKey } from '../params/validate';
import type { Band, ParamChange, ParamName, ParamValue } from '@/server/services/round-diff';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The label of each parameter (the params editor's where it names the unit the diff shows). */
const PARAM_LABELS: Readonly<Record<ParamName, MessageKey>> = {
  method: 'params.field.method',
  base_points: 'params.field.basePoints',
  point_value_basis: 'params.field.pointValueBasis',
  budget: 'paramDiff.budget',
  rate: 'paramDiff.rate',
  rate_by_level: 'paramDiff.rateByLevel',
  monthly_point_value: 'paramDiff.monthlyPointValue',
  prepay_ratio: 'params.field.prepayRatio',
  weights: 'params.drg.weight',
  benchmark_costs: 'paramDiff.benchmarkCost',
  level_coefficients: 'params.field.levelCoefficient',
  hospital_coefficients: 'paramDiff.hospitalCoefficient',
  uniform_price_drgs: 'params.uniform.title',
  uniform_coefficient: 'params.field.uniformCoefficient',
  high_bands: 'params.field.highBands',
  high_extra_ratio: 'params.field.highExtraRatio',
  high_extra_times_coef: 'params.field.highExtraTimesCoef',
  low_multiple: 'params.field.lowMultiple',
  low_times_coef: 'params.field.lowTimesCoef',
  ungrouped_ratio: 'params.field.ungroupedRatio',
  exclude_los_max: 'params.field.excludeLosMax',
  exclude_los_min: 'params.field.excludeLosMin',
  reserve_ratio: 'params.field.reserveRatio',
  sharing_bands: 'params.field.sharingBands',
  surplus_cap: 'params.field.surplusCap',
  eval_bands: 'params.field.evalBands',
  evaluation_scores: 'params.hospital.score',
};

/** What a parameter left unset (null) means: its rule without a figure. */
const NULL_TEXTS: Partial<Readonly<Record<ParamName, MessageKey>>> = {
  monthly_point_value: 'params.monthly.computed',
  rate_by_level: 'params.rateByLevel.inherit',
  surplus_cap: 'params.surplus.none',
  // SETTLEMENT.md §4.3: a hospital with no score gets the coefficient 1
  evaluation_scores: 'paramDiff.notEvaluated',
};

/** The headers of a band table: its bound and what the band gives. */
const BAND_LABELS: Readonly<Record<BandKey, { bound: MessageKey; value: MessageKey }>> = {
  high_bands: { bound: 'params.band.rwMax', value: 'params.band.multiple' },
  sharing_bands: { bound: 'params.band.overMax', value: 'params.band.fundShare' },
  eval_bands: { bound: 'params.band.minScore', value: 'params.band.coef' },
};

/** Band fields that are ratios, shown in % (超支率, 基金分担比例). */
const RATIO_BAND_FIELDS = new Set(['over_max', 'fund_share']);

export function isBandKey(param: ParamName): param is BandKey {
  return param === 'high_bands' || param === 'sharing_bands' || param === 'eval_bands';
}

/** The parameter's name with its fund or level and its unit: "职工统筹基金预算（万元）", "二级系数", "调剂金比例（%）". */
export function paramLabel(change: ParamChange, t: Translate): string {
  const level = change.level ? t(`level.${change.level}`) : '';
  let label = t(PARAM_LABELS[change.param], { level });
  if (change.kind === 'ratio') label = t('paramDiff.ratioSuffix', { label });
  return change.pool ? t('params.label.pool', { pool: t(`pool.${change.pool}`), field: label }) : label;
}

/** A top-level parameter's name alone ("机构系数", "统筹基金预算（万元）"), or the key itself when it has none. */
export function topLevelLabel(key: string, t: Translate): string {
  const label = (PARAM_LABELS as Record<string, Parameters<Translate>[0] | undefined>)[key];
  return label ? t(label, { level: '' }) : key;
}

/** The DRG or hospital a change names: "FM19 经皮冠状动脉支架植入", or empty. */
export function subjectText(change: ParamChange): string {
  if (!change.code) return '';
  return change.label ? `${change.code} ${change.label}` : change.code;
}

/** The decimals a figure needs to show as entered, up to `max` (0.85 → 2, 100 → 0). */
function digitsOf(value: number, max: number): number {
  for (let digits = 0; digits < max; digits++) if (Math.abs(Math.round(value * 10 ** digits) - value * 10 ** digits) < 1e-9) return digits;
  return max;
}

function plain(value: number, locale: Locale, max = 4): string {
  return formatNumber(value, locale, digitsOf(value, max));
}

function percentText(ratio: number, locale: Locale): string {
  const percent = ratio * 100;
  return `${formatNumber(percent, locale, Math.max(1, digitsOf(percent, 2)))}%`;
}

/** A figure in the unit its parameter is shown in. */
function figureText(change: ParamChange, value: number, locale: Locale): string {
  switch (change.kind) {
    case 'money':
      return formatWan(value, locale);
    case 'ratio':
      return percentText(value, locale);
    case 'ratePerRw':
    case 'cost':
      return plain(value, locale, 2);
    default:
      return plain(value, locale);
  }
}

function codesText(codes: readonly string[], locale: Locale, t: Translate): string {
  return codes.length ? codes.join(locale === 'zh' ? '、' : ', ') : t('paramDiff.empty');
}

/** A band's bound or value as shown: ratios in %, the open last band as 以上. */
export function bandFigure(field: string, value: number | null, locale: Locale, t: Translate): string {
  if (value === null) return t('params.band.open');
  return RATIO_BAND_FIELDS.has(field) ? percentText(value, locale) : plain(value, locale);
}

/** A band table as rows of [bound, value] texts under its two headers. */
export function bandTable(param: BandKey, bands: readonly Band[], locale: Locale, t: Translate): { headers: [string, string]; rows: [string, string][] } {
  const spec = BAND_SPECS[param];
  const labels = BAND_LABELS[param];
  return {
    headers: [t(labels.bound), t(labels.value)],
    rows: bands.map((band) => [bandFigure(spec.bound, band[spec.bound] ?? null, locale, t), bandFigure(spec.value, band[spec.value] ?? null, locale, t)]),
  };
}

/** A band table in one line for exports and search: "超支率 ≤ 10%: 基金分担比例 70%；其余: 基金分担比例 50%". */
function bandsText(param: BandKey, bands: readonly Band[], locale: Locale, t: Translate): string {
  const spec = BAND_SPECS[param];
  const labels = BAND_LABELS[param];
  return bands
    .map((band) => {
      const bound = band[spec.bound] ?? null;
      const when = bound === null ? t('paramDiff.otherBands') : `${t(labels.bound)} ${bandFigure(spec.bound, bound, locale, t)}`;
      return `${when}: ${t(labels.value)} ${bandFigure(spec.value, band[spec.value] ?? null, locale, t)}`;
    })
    .join(locale === 'zh' ? '；' : '; ');
}

/** One side of a change (old or new) as text, in the parameter's unit; never raw JSON. */
export function valueText(change: ParamChange, value: ParamValue, locale: Locale, t: Translate): string {
  if (value === null) {
    const none = NULL_TEXTS[change.param];
    return none ? t(none) : '—';
  }
  if (typeof value === 'number') return figureText(change, value, locale);
  if (typeof value === 'boolean') return t(value ? 'params.yes' : 'params.no');
  if (typeof value === 'string') {
    if (change.param === 'method' && (value === 'points' || value === 'rate')) return t(`params.method.${value}`);
    if (change.param === 'point_value_basis' && (value === 'total' || value === 'fund')) return t(`params.basis.${value}`);
    return value;
  }
  if (isBandKey(change.param)) return bandsText(change.param, value as readonly Band[], locale, t);
  return codesText(value as readonly string[], locale, t);
}

/** For a list of codes, what the new list adds and removes ("新增 FM19；移除 ES35"); empty for other kinds. */
export function codesChangeText(change: ParamChange, locale: Locale, t: Translate): string {
  if (change.kind !== 'codes') return '';
  const from = new Set((change.from ?? []) as readonly string[]);
  const to = new Set((change.to ?? []) as readonly string[]);
  const added = [...to].filter((c) => !from.has(c));
  const removed = [...from].filter((c) => !to.has(c));
  const parts = [];
  if (added.length) parts.push(t('paramDiff.added', { codes: codesText(added, locale, t) }));
  if (removed.length) parts.push(t('paramDiff.removed', { codes: codesText(removed, locale, t) }));
  return parts.join(locale === 'zh' ? '；' : '; ');
}
