/**
 * The request form's items as typed (numbers as text) and the request items they stand for. Pure: the form keeps
 * what the user typed, and sends only items that read as numbers where numbers are due.
 */
import { isSwitchRule, type CaseRule, type RequestItem, type RequestItemKind } from '@/server/services/request-items';
import { boundOf, isWithin, type Bound } from '@/worker/settlement/bounds';

export interface FormItem {
  kind: RequestItemKind;
  drg: string;
  /** the new value as typed; 'true' / 'false' for a switch rule */
  value: string;
  action: 'add' | 'remove';
  rule: CaseRule;
  reason: string;
}

export const emptyItem = (kind: RequestItemKind = 'hospital_coefficient'): FormItem => ({ kind, drg: '', value: '', action: 'add', rule: 'high_extra_ratio', reason: '' });

export function toFormItem(item: RequestItem): FormItem {
  const base = emptyItem(item.kind);
  switch (item.kind) {
    case 'hospital_coefficient':
      return { ...base, value: String(item.value), reason: item.reason };
    case 'drg_weight':
      return { ...base, drg: item.drg, value: String(item.value), reason: item.reason };
    case 'uniform_price':
      return { ...base, drg: item.drg, action: item.action, reason: item.reason };
    case 'case_rule':
      return { ...base, rule: item.rule, value: String(item.value), reason: item.reason };
  }
}

/** the typed text as a finite number, or null */
function numberOf(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/**
 * The engine's bound of the number an item sets (SETTLEMENT.md §6, bounds.ts), or null when it sets no number: shown
 * beside the field and checked before anything is sent, so that an out-of-range value is named in the page's language
 * (the server checks again and answers in both).
 */
export function valueBound(item: FormItem): Bound | null {
  if (item.kind === 'hospital_coefficient') return boundOf(['hospital_coefficients', 'H']);
  if (item.kind === 'drg_weight') return boundOf(['weights', 'D']);
  if (item.kind === 'case_rule' && !isSwitchRule(item.rule)) return boundOf([item.rule]);
  return null;
}

/** What is missing or out of range in one form item (its index and a text key), before anything is sent. */
export type FormProblem = { item: number; problem: 'drg' | 'value' | 'range' | 'reason' };

export function formProblems(items: readonly FormItem[]): FormProblem[] {
  const problems: FormProblem[] = [];
  items.forEach((item, i) => {
    if ((item.kind === 'drg_weight' || item.kind === 'uniform_price') && !item.drg.trim()) problems.push({ item: i, problem: 'drg' });
    const needsNumber = item.kind === 'hospital_coefficient' || item.kind === 'drg_weight' || (item.kind === 'case_rule' && !isSwitchRule(item.rule));
    const number = needsNumber ? numberOf(item.value) : null;
    const bound = valueBound(item);
    if (needsNumber && number === null) problems.push({ item: i, problem: 'value' });
    else if (number !== null && bound && !isWithin(bound, number)) problems.push({ item: i, problem: 'range' });
    if (!item.reason.trim()) problems.push({ item: i, problem: 'reason' });
  });
  return problems;
}

/** The request items the form stands for (call after formProblems found none). */
export function toRequestItems(items: readonly FormItem[]): RequestItem[] {
  return items.map((item): RequestItem => {
    const reason = item.reason.trim();
    const value = numberOf(item.value) ?? 0;
    switch (item.kind) {
      case 'hospital_coefficient':
        return { kind: item.kind, value, reason };
      case 'drg_weight':
        return { kind: item.kind, drg: item.drg.trim(), value, reason };
      case 'uniform_price':
        return { kind: item.kind, drg: item.drg.trim(), action: item.action, reason };
      case 'case_rule':
        return { kind: item.kind, rule: item.rule, value: isSwitchRule(item.rule) ? item.value === 'true' : value, reason };
    }
  });
}
