/**
 * A request's change as one line of text (the queue, the hospital's list, exports): what lever, to what value.
 * Pure, with the translator passed in.
 */
import type { MessageKey } from '../i18n/messages';
import type { RequestItem } from '@/server/services/request-items';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** the DRG's name where the catalog is at hand */
export type DrgNames = ReadonlyMap<string, string>;

function valueText(value: number | boolean, t: Translate): string {
  return typeof value === 'boolean' ? t(value ? 'requests.yes' : 'requests.no') : String(value);
}

export function itemText(item: RequestItem, t: Translate, drgNames: DrgNames = new Map()): string {
  const drg = (code: string) => `${code}${drgNames.get(code) ? ` ${drgNames.get(code)}` : ''}`;
  switch (item.kind) {
    case 'hospital_coefficient':
      return `${t('requests.kind.hospital_coefficient')} → ${item.value}`;
    case 'drg_weight':
      return `${t('requests.kind.drg_weight')} ${drg(item.drg)} → ${item.value}`;
    case 'uniform_price':
      return `${t('requests.kind.uniform_price')} ${drg(item.drg)}：${t(`requests.action.${item.action}`)}`;
    case 'case_rule':
      return `${t(`requests.rule.${item.rule}`)} → ${valueText(item.value, t)}`;
  }
}
