/**
 * The notice's tables in the reader's language, from its data: 说明, DRG权重, 机构系数, 点值与费率 (with the
 * monthly values), 医院结算 and 参数变动. The XLSX writes every column of them, the DOCX and the printed notice
 * the columns marked `brief`.
 */
import type { Locale } from '@/app/i18n/messages';
import { translator, type Translate } from '@/app/i18n/translate';
import { exportTime } from '@/app/lib/export-about';
import { paramLabel, subjectText, valueText } from '@/app/workbench/diff/param-text';
import type { ParamChange, ParamValue } from '../services/round-diff';
import { column, type NoticeCell, type NoticeSheet, type NoticeTable } from './formats';
import type { NoticeData } from './notice-data';
import { ratesTables, statementsTable } from './settlement-tables';

/** A figure of a parameter change as a number in its unit (budgets in 万元 as the label says), else its text. */
function changeCell(change: ParamChange, value: ParamValue, locale: Locale, t: Translate): NoticeCell {
  if (typeof value !== 'number') return valueText(change, value, locale, t);
  switch (change.kind) {
    case 'money':
      return { value: value / 1e4, format: 'wan' };
    case 'ratio':
      return { value, format: 'percent' };
    case 'weight':
      return { value, format: 'weight' };
    case 'coefficient':
      return { value, format: 'coefficient' };
    case 'ratePerRw':
    case 'cost':
      return { value, format: 'yuan' };
    case 'pointValue':
      return { value, format: 'pointValue' };
    default:
      return { value, format: 'plain' };
  }
}

function aboutTable(data: NoticeData, sheetNames: readonly string[], t: Translate): NoticeTable {
  const mark = data.mark ? t(`notice.mark.${data.mark}`) : null;
  const lines: [string, string][] = [
    [t('notice.about.dataset'), data.dataset.name],
    [t('notice.about.year'), String(data.dataset.year)],
    [t('notice.about.cases'), data.dataset.caseCount.toLocaleString('en-US')],
    [t('notice.about.round'), data.round.name],
    [t('notice.about.status'), t(`status.${data.round.status}`)],
    [t('notice.about.text'), mark ? t('notice.markNote', { mark }) : t('notice.official')],
    [t('notice.about.lineage'), data.lineage.map((r) => r.name).join(' → ')],
    [t('notice.about.parent'), data.parent ? data.parent.name : t('notice.about.noParent')],
    [t('notice.about.reason'), data.round.reason ?? '—'],
    [t('notice.about.fingerprint'), data.round.fingerprint],
    [t('notice.about.updated'), t('notice.about.updatedText', { user: data.round.updatedBy, time: exportTime(new Date(data.round.updatedAt)), version: data.round.version })],
    [t('notice.about.generatedAt'), exportTime(new Date(data.generatedAt))],
    [t('notice.about.engine'), data.engineVersion],
    [t('notice.about.method'), `${t(`params.method.${data.params.method}`)} · ${t(`params.basis.${data.params.point_value_basis}`)}`],
    [t('notice.about.units'), t('notice.about.unitsText')],
    [t('notice.about.sheets'), sheetNames.join('、')],
  ];
  return {
    title: t('notice.sheet.about'),
    note: null,
    columns: [column(t('notice.about.item'), 'text'), column(t('notice.about.value'), 'text')],
    rows: lines.map((cells) => ({ cells })),
  };
}

function drgsTable(data: NoticeData, t: Translate): NoticeTable {
  return {
    title: t('notice.sheet.drgs'),
    note: null,
    columns: [
      column(t('notice.drg.code'), 'text'),
      column(t('notice.drg.name'), 'text'),
      column(t('notice.drg.mdc'), 'text'),
      column(t('notice.drg.weight'), 'weight'),
      column(t('notice.drg.benchmarkCost'), 'yuan'),
      column(t('notice.drg.uniformPrice'), 'text'),
    ],
    rows: data.drgs.map((d) => ({ cells: [d.code, d.name, d.mdc, d.weight, d.benchmarkCost, t(d.uniformPrice ? 'params.yes' : 'params.no')] })),
  };
}

function coefficientsTable(data: NoticeData, t: Translate): NoticeTable {
  return {
    title: t('notice.sheet.coefficients'),
    note: null,
    columns: [
      column(t('notice.hospital.code'), 'text'),
      column(t('notice.hospital.name'), 'text'),
      column(t('notice.hospital.level'), 'text'),
      column(t('notice.hospital.coefficient'), 'coefficient'),
      column(t('notice.hospital.source'), 'text'),
    ],
    rows: data.hospitals.map((h) => ({ cells: [h.code, h.name, t(`level.${h.level}`), h.coefficient, t(`notice.source.${h.source}`)] })),
  };
}

function changesTable(data: NoticeData, locale: Locale, t: Translate): NoticeTable {
  const note = !data.parent
    ? t('notice.changes.firstRound')
    : data.changes.length === 0
      ? `${t('notice.changes.against', { parent: data.parent.name })} ${t('notice.changes.none')}`
      : t('notice.changes.against', { parent: data.parent.name });
  return {
    title: t('notice.sheet.changes'),
    note,
    columns: [
      column(t('diff.group'), 'text'),
      column(t('paramDiff.param'), 'text'),
      column(t('paramDiff.subject'), 'text'),
      column(t('diff.from'), 'plain'),
      column(t('diff.to'), 'plain'),
      column(t('paramDiff.change'), 'signedPercent'),
    ],
    rows: data.changes.map((c) => ({
      cells: [t(`diffGroup.${c.group}`), paramLabel(c, t), subjectText(c), changeCell(c, c.from, locale, t), changeCell(c, c.to, locale, t), c.relativeChange],
    })),
  };
}

/** Every sheet of the notice, in the order of the XLSX and of the appendices. */
export function noticeSheets(data: NoticeData, locale: Locale): NoticeSheet[] {
  const t = translator(locale);
  const sheets: Omit<NoticeSheet, 'tables'>[] = (['about', 'drgs', 'coefficients', 'rates', 'statements', 'changes'] as const).map((id) => ({
    id,
    name: t(`notice.sheet.${id}`),
  }));
  const tables: Record<NoticeSheet['id'], NoticeTable[]> = {
    about: [aboutTable(data, sheets.map((s) => s.name), t)],
    drgs: [drgsTable(data, t)],
    coefficients: [coefficientsTable(data, t)],
    rates: ratesTables(data, t),
    statements: [statementsTable(data, t)],
    changes: [changesTable(data, locale, t)],
  };
  return sheets.map((sheet) => ({ ...sheet, tables: tables[sheet.id] }));
}
