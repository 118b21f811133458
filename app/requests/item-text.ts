/**
 * A request's change as one line of text (the queue, the hospital's list, exports): what lever, to what value.
 * Pure, with the translator passed in.
 */
import type { MessageKey } from '../i18n/messages';
import type { CaseRule, RequestItem, RequestItemKind } from '@/server/services/request-items';
import type { LeverValues } from '@/server/services/request-impact';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** the DRG's name where the catalog is at hand */
export type DrgNames = ReadonlyMap<string, string>;

function valueText(value: number | boolean, t: Translate): string {
  return typeof value === 'boolean' ? t(value ? 'requests.yes' : 'requests.no') : String(value);
}

/** The lever's value in the round now (the form's hint, the detail's "now → asked"), or null when not known. */
export function leverNow(item: { kind: RequestItemKind; drg?: string; rule?: CaseRule }, levers: LeverValues | undefined, t: Translate): string | null {
  if (!levers) return null;
  if (item.kind === 'hospital_coefficient') return String(levers.hospital.coefficient);
  if (item.kind === 'case_rule') return item.rule ? valueText(levers.caseRules[item.rule], t) : null;
  const drg = levers.drgs.find((d) => d.code === item.drg?.trim());
  if (!drg) return null;
  return item.kind === 'drg_weight' ? String(drg.weight ?? '—') : valueText(drg.uniformPrice, t);
}

/**
 * One change in words: the lever, and its value now → the value asked when `levers` (the round's values) are at
 * hand ("本院系数 0.92 → 1.05"), else the value asked alone.
 */
export function itemText(item: RequestItem, t: Translate, drgNames: DrgNames = new Map(), levers?: LeverValues): string {
  const drg = (code: string) => `${code}${drgNames.get(code) ? ` ${drgNames.get(code)}` : ''}`;
  const now = leverNow(item, levers, t);
  const from = now === null ? '' : `${now} `;
  switch (item.kind) {
    case 'hospital_coefficient':
      return `${t('requests.kind.hospital_coefficient')} ${from}→ ${item.value}`;
    case 'drg_weight':
      return `${t('requests.kind.drg_weight')} ${drg(item.drg)} ${from}→ ${item.value}`;
    case 'uniform_price':
      return `${t('requests.kind.uniform_price')} ${drg(item.drg)}：${t(`requests.action.${item.action}`)}${now === null ? '' : `（${t('requests.current', { value: now })}）`}`;
    case 'case_rule':
      return `${t(`requests.rule.${item.rule}`)} ${from}→ ${valueText(item.value, t)}`;
  }
}
