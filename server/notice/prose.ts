/**
 * The notice's text: its title, its basis and the round's main parameters in sentences (结算方式, 预算与点值,
 * 机构系数, 病例分类, 清算规则, 清算结果), then the list of appendices. The DOCX and the printed notice write the
 * same paragraphs. Money in 万元 (app/lib/format.ts), ratios in %.
 */
import type { Locale } from '@/app/i18n/messages';
import { translator, type Translate } from '@/app/i18n/translate';
import { formatNumber, formatWan } from '@/app/lib/format';
import { valueText } from '@/app/workbench/diff/param-text';
import type { ParamChange, ParamName } from '../services/round-diff';
import { figureText, type NoticeSheet } from './formats';
import type { NoticeData } from './notice-data';

export interface NoticeSection {
  heading: string;
  paragraphs: string[];
}

export interface NoticeProse {
  title: string;
  subtitle: string;
  /** the mark of a round not locked (草稿 / 征求意见稿 / 送审稿) and what it means; null for a locked round */
  mark: { word: string; note: string } | null;
  basis: string;
  sections: NoticeSection[];
  /** 附件1 … : the appendices' titles, in order */
  appendices: string[];
  signature: string;
  date: string;
}

/** A §6 rule as the diff writes it (band tables in one line): the same words in the notice and on screen. */
function ruleText(param: ParamName, value: ParamChange['from'], locale: Locale, t: Translate): string {
  const change = { param, kind: 'bands', group: 'rules', key: param, pool: null, level: null, code: null, label: null, from: null, to: null, relativeChange: null } as const satisfies ParamChange;
  return valueText(change, value, locale, t);
}

function percent(ratio: number, locale: Locale): string {
  return figureText(ratio, 'percent', locale);
}

function budgetParagraphs(data: NoticeData, locale: Locale, t: Translate): string[] {
  const { params } = data;
  const lines = data.pools.map((pool) => {
    const vars = {
      pool: t(`pool.${pool.pool}`),
      budget: formatWan(pool.budgetFen / 100, locale),
      reserve: formatWan(pool.reserveFen / 100, locale),
      reserveRatio: percent(params.reserve_ratio, locale),
    };
    if (pool.method === 'points') {
      return t('notice.prose.points', { ...vars, points: formatNumber(pool.points, locale, 0), pointValue: figureText(pool.pointValue, 'pointValue', locale) });
    }
    const rate = (level: 1 | 2 | 3) => formatNumber(pool.rateByLevel?.[level] ?? 0, locale, 2);
    return t('notice.prose.rate', { ...vars, rate1: rate(1), rate2: rate(2), rate3: rate(3) });
  });
  return [...lines, t('notice.prose.monthly', { prepay: percent(params.prepay_ratio, locale) })];
}

function coefficientParagraphs(data: NoticeData, locale: Locale, t: Translate): string[] {
  const { params } = data;
  const level = (l: '1' | '2' | '3') => figureText(params.level_coefficients[l], 'coefficient', locale);
  const own = data.hospitals.filter((h) => h.source !== 'level').length;
  const uniform = data.drgs.filter((d) => d.uniformPrice).length;
  return [
    t('notice.prose.levels', { level1: level('1'), level2: level('2'), level3: level('3'), count: own }),
    uniform > 0 ? t('notice.prose.uniform', { count: uniform, coefficient: figureText(params.uniform_coefficient, 'coefficient', locale) }) : t('notice.prose.noUniform'),
  ];
}

function resultParagraphs(data: NoticeData, locale: Locale, t: Translate): string[] {
  return data.pools.map((pool) => {
    const totals = data.totals[pool.pool] ?? {};
    return t('notice.prose.result', {
      pool: t(`pool.${pool.pool}`),
      hospitals: pool.hospitals,
      settlement: formatWan(pool.settlementFen / 100, locale),
      fundPayment: formatWan(pool.fundPaymentFen / 100, locale),
      prepaid: formatWan(pool.prepaidFen / 100, locale),
      clearing: formatWan((totals.clearing ?? 0) / 100, locale),
    });
  });
}

/** The date under the signature: the day the notice was generated, as a notice writes it. */
function noticeDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return locale === 'zh' ? `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日` : date.toISOString().slice(0, 10);
}

export function noticeProse(data: NoticeData, sheets: readonly NoticeSheet[], locale: Locale): NoticeProse {
  const t = translator(locale);
  const { params } = data;
  const word = data.mark ? t(`notice.mark.${data.mark}`) : null;
  return {
    title: t('notice.title', { year: data.dataset.year }),
    subtitle: t('notice.subtitle', { dataset: data.dataset.name, round: data.round.name }),
    mark: word ? { word, note: t('notice.markNote', { mark: word }) } : null,
    basis: t('notice.basis', { round: data.round.name, year: data.dataset.year }),
    sections: [
      {
        heading: t('notice.section.method'),
        paragraphs: [t('notice.prose.method', { method: t(`params.method.${params.method}`), basePoints: params.base_points, basis: t(`notice.prose.basis.${params.point_value_basis}`) })],
      },
      { heading: t('notice.section.budget'), paragraphs: budgetParagraphs(data, locale, t) },
      { heading: t('notice.section.coefficients'), paragraphs: coefficientParagraphs(data, locale, t) },
      {
        heading: t('notice.section.cases'),
        paragraphs: [
          t('notice.prose.cases', {
            losMax: params.exclude_los_max,
            losMin: params.exclude_los_min,
            highBands: ruleText('high_bands', params.high_bands, locale, t),
            lowMultiple: formatNumber(params.low_multiple, locale, 2),
            ungroupedRatio: percent(params.ungrouped_ratio, locale),
          }),
        ],
      },
      {
        heading: t('notice.section.clearing'),
        paragraphs: [
          t('notice.prose.clearing', {
            sharing: ruleText('sharing_bands', params.sharing_bands, locale, t),
            surplus: params.surplus_cap === null ? t('notice.prose.surplusKept') : t('notice.prose.surplusCap', { cap: percent(params.surplus_cap, locale) }),
            evalBands: ruleText('eval_bands', params.eval_bands, locale, t),
          }),
        ],
      },
      { heading: t('notice.section.results'), paragraphs: [...resultParagraphs(data, locale, t), t('notice.prose.fullStatement')] },
    ],
    appendices: sheets.filter((s) => s.id !== 'about').map((s, i) => t('notice.prose.appendix', { n: i + 1, title: s.name })),
    signature: t('notice.signature'),
    date: noticeDate(data.generatedAt, locale),
  };
}
