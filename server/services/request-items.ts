/**
 * 诉求内容 — the lever changes a hospital request asks for, each with its reason: the hospital's own coefficient, a
 * DRG's weight, a DRG into or out of 同病同价, or a case rule. Pure: the schema at the edge (its limits are the ones
 * the form shows), the checks against a round and its catalog, and the round parameters the changes lead to, for
 * one request or several accepted together. The engine's round schema (SETTLEMENT.md §6) bounds every value.
 */
import { z } from 'zod';
import { parseRoundParams, type RoundParams } from '@/worker/settlement/round';

export const REQUEST_LIMITS = {
  /** lever changes in one request */
  items: 20,
  titleChars: 100,
  reasonChars: 1000,
  rejectReasonChars: 1000,
  /** requests accepted together into one round */
  combined: 20,
} as const;

/** 病例规则 a request may ask to change: numbers, and the two switches */
export const CASE_RULES = ['high_extra_ratio', 'high_extra_times_coef', 'low_multiple', 'low_times_coef', 'ungrouped_ratio', 'exclude_los_max', 'exclude_los_min'] as const;
export type CaseRule = (typeof CASE_RULES)[number];
const SWITCH_RULES: readonly CaseRule[] = ['high_extra_times_coef', 'low_times_coef'];
export const isSwitchRule = (rule: CaseRule): boolean => SWITCH_RULES.includes(rule);

const noControl = /^[^\u0000-\u001f\u007f]*$/;
/** a reason may have line breaks and tabs, no other control character */
const noControlButLines = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const NO_CONTROL = '不能含控制字符 / no control characters';

export const requestTitle = z.string().trim().min(1, '标题不能为空 / the title is empty').max(REQUEST_LIMITS.titleChars, `标题最多 ${REQUEST_LIMITS.titleChars} 字 / at most ${REQUEST_LIMITS.titleChars} characters`).regex(noControl, NO_CONTROL);
export const longText = (max: number) => z.string().trim().min(1, '理由不能为空 / the reason is empty').max(max, `最多 ${max} 字 / at most ${max} characters`).regex(noControlButLines, NO_CONTROL);
const reason = longText(REQUEST_LIMITS.reasonChars);
const drgCode = z.string().trim().min(1).max(32).regex(noControl, NO_CONTROL);
const finite = z.number().refine(Number.isFinite, '须为有限数 / must be a finite number');

/** The four kinds of change, each with the reason schema given (required in a request, left out for a preview). */
function itemSchemaWith<R extends z.ZodType>(reason: R) {
  return z.discriminatedUnion('kind', [
    /** 本院系数: the request's own hospital, never another */
    z.strictObject({ kind: z.literal('hospital_coefficient'), value: finite, reason }),
    /** 相对权重 of one DRG */
    z.strictObject({ kind: z.literal('drg_weight'), drg: drgCode, value: finite, reason }),
    /** 同病同价: a DRG into (add) or out of (remove) the round's uniform-price list */
    z.strictObject({ kind: z.literal('uniform_price'), drg: drgCode, action: z.enum(['add', 'remove']), reason }),
    z.strictObject({ kind: z.literal('case_rule'), rule: z.enum(CASE_RULES), value: z.union([finite, z.boolean()]), reason }),
  ]);
}
const itemCount = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, '至少一项调整 / at least one change').max(REQUEST_LIMITS.items, `最多 ${REQUEST_LIMITS.items} 项调整 / at most ${REQUEST_LIMITS.items} changes`);

export const requestItemSchema = itemSchemaWith(reason);
export const requestItemsSchema = itemCount(requestItemSchema);
/** the changes, reasons optional, for an impact preview (a query: its input travels in the URL, so the form leaves the reasons behind) */
export const requestChangesSchema = itemCount(itemSchemaWith(z.string().max(REQUEST_LIMITS.reasonChars).optional()));

export type RequestItem = z.infer<typeof requestItemSchema>;
/** a change with or without its reason: all that the parameters depend on */
export type RequestChange = z.infer<ReturnType<typeof itemSchemaWith<z.ZodOptional<z.ZodString>>>>;
export type RequestItemKind = RequestItem['kind'];

/** A change without its reason. */
export function changeOf(item: RequestItem): RequestChange {
  const { reason: _reason, ...change } = item;
  return change;
}

/** One problem of a request's items: the item (its index, or null for the whole), in both languages. */
export interface ItemError {
  item: number | null;
  zh: string;
  en: string;
}

/** What the checks need of the data set: its DRG codes and which the catalog itself prices uniformly. */
export interface CatalogFacts {
  drgs: ReadonlyMap<string, { uniformPrice: boolean }>;
}

/** The lever an item changes, as the round parameter's path (two items on one lever contradict each other). */
export function leverOf(item: RequestChange, hospitalCode: string): string {
  switch (item.kind) {
    case 'hospital_coefficient':
      return `hospital_coefficients.${hospitalCode}`;
    case 'drg_weight':
      return `weights.${item.drg}`;
    case 'uniform_price':
      return `uniform_price_drgs.${item.drg}`;
    case 'case_rule':
      return item.rule;
  }
}

/** The value an item sets its lever to (for comparing two requests on one lever). */
function leverValue(item: RequestChange): unknown {
  return item.kind === 'uniform_price' ? item.action : item.value;
}

/** Round parameters with the items of one hospital's request applied (a copy; no check). */
export function applyRequestItems(params: RoundParams, hospitalCode: string, items: readonly RequestChange[]): RoundParams {
  const next = structuredClone(params);
  for (const item of items) {
    if (item.kind === 'hospital_coefficient') next.hospital_coefficients = { ...next.hospital_coefficients, [hospitalCode]: item.value };
    else if (item.kind === 'drg_weight') next.weights = { ...next.weights, [item.drg]: item.value };
    else if (item.kind === 'uniform_price') {
      const list = next.uniform_price_drgs ?? [];
      next.uniform_price_drgs = item.action === 'add' ? (list.includes(item.drg) ? list : [...list, item.drg]) : list.filter((code) => code !== item.drg);
    } else (next as Record<string, unknown>)[item.rule] = item.value;
  }
  return next;
}

/** Problems of single items against the round and the catalog (before the engine's bounds). */
function itemErrors(params: RoundParams, catalog: CatalogFacts, hospitalCode: string, items: readonly RequestChange[]): ItemError[] {
  const errors: ItemError[] = [];
  const seen = new Map<string, number>();
  const listed = new Set(params.uniform_price_drgs ?? []);
  items.forEach((item, i) => {
    const lever = leverOf(item, hospitalCode);
    const first = seen.get(lever);
    if (first !== undefined) errors.push({ item: i, zh: `与第 ${first + 1} 项调整同一参数`, en: `changes the same lever as item ${first + 1}` });
    seen.set(lever, i);
    if (item.kind === 'drg_weight' || item.kind === 'uniform_price') {
      const drg = catalog.drgs.get(item.drg);
      if (!drg) return errors.push({ item: i, zh: `目录中没有 DRG ${item.drg}`, en: `DRG ${item.drg} is not in the catalog` });
      if (item.kind === 'uniform_price' && item.action === 'add' && (drg.uniformPrice || listed.has(item.drg))) {
        errors.push({ item: i, zh: `${item.drg} 已是同病同价`, en: `${item.drg} is already uniform-priced` });
      }
      if (item.kind === 'uniform_price' && item.action === 'remove') {
        if (drg.uniformPrice) errors.push({ item: i, zh: `${item.drg} 在目录中即为同病同价，轮次不能移除`, en: `${item.drg} is uniform-priced by the catalog itself: a round cannot remove it` });
        else if (!listed.has(item.drg)) errors.push({ item: i, zh: `${item.drg} 不在本轮同病同价名单中`, en: `${item.drg} is not on the round's uniform-price list` });
      }
    }
    if (item.kind === 'case_rule' && isSwitchRule(item.rule) !== (typeof item.value === 'boolean')) {
      errors.push({ item: i, zh: `${item.rule} 应为${isSwitchRule(item.rule) ? '是/否' : '数值'}`, en: `${item.rule} must be ${isSwitchRule(item.rule) ? 'true or false' : 'a number'}` });
    }
    return undefined;
  });
  return errors;
}

/** The engine's own bounds on the result (SETTLEMENT.md §6), each error put on the item that set its lever. */
function boundErrors(result: RoundParams, hospitalCode: string, items: readonly RequestChange[]): ItemError[] {
  const parsed = parseRoundParams(result);
  if (parsed.ok) return [];
  return parsed.errors.map((e) => {
    const index = items.findIndex((item) => {
      const lever = leverOf(item, hospitalCode);
      return e.path === lever || e.path.startsWith(`${lever}.`) || e.path.startsWith(`${lever}[`);
    });
    return { item: index >= 0 ? index : null, zh: `取值超出范围：${e.path} ${e.reason}`, en: `out of bounds: ${e.path} ${e.reason}` };
  });
}

export type CheckedChanges = { ok: true; params: RoundParams } | { ok: false; errors: ItemError[] };

/** A request's items checked against the round they are made on: the parameters they lead to, or every problem. */
export function checkRequestItems(params: RoundParams, catalog: CatalogFacts, hospitalCode: string, items: readonly RequestChange[]): CheckedChanges {
  const errors = itemErrors(params, catalog, hospitalCode, items);
  if (errors.length) return { ok: false, errors };
  const result = applyRequestItems(params, hospitalCode, items);
  const bounds = boundErrors(result, hospitalCode, items);
  return bounds.length ? { ok: false, errors: bounds } : { ok: true, params: result };
}

export interface CombinedRequest {
  id: number;
  hospitalCode: string;
  items: readonly RequestChange[];
}

/**
 * Several requests applied together onto one round, in id order: two that set one lever to different values
 * contradict each other and are refused together (the bureau accepts one of them); the same value is one change.
 */
export function combineRequests(params: RoundParams, catalog: CatalogFacts, requests: readonly CombinedRequest[]): CheckedChanges {
  const setBy = new Map<string, { id: number; value: unknown }>();
  const errors: ItemError[] = [];
  let next = params;
  for (const request of [...requests].sort((a, b) => a.id - b.id)) {
    const fresh: RequestChange[] = [];
    for (const item of request.items) {
      const lever = leverOf(item, request.hospitalCode);
      const earlier = setBy.get(lever);
      if (!earlier) {
        setBy.set(lever, { id: request.id, value: leverValue(item) });
        fresh.push(item);
      } else if (JSON.stringify(earlier.value) !== JSON.stringify(leverValue(item))) {
        errors.push({ item: null, zh: `诉求 #${earlier.id} 与 #${request.id} 对 ${lever} 的调整不同，不能一并采纳`, en: `requests #${earlier.id} and #${request.id} set ${lever} differently: they cannot be accepted together` });
      }
    }
    const checked = checkRequestItems(next, catalog, request.hospitalCode, fresh);
    if (!checked.ok) errors.push(...checked.errors.map((e) => ({ item: null, zh: `诉求 #${request.id}：${e.zh}`, en: `request #${request.id}: ${e.en}` })));
    else next = checked.params;
  }
  return errors.length ? { ok: false, errors } : { ok: true, params: next };
}

/** The errors as one message in both languages (a DomainError's text). */
export function errorText(errors: readonly ItemError[]): string {
  const line = (e: ItemError, lang: 'zh' | 'en') => (e.item === null ? e[lang] : lang === 'zh' ? `第 ${e.item + 1} 项：${e.zh}` : `item ${e.item + 1}: ${e.en}`);
  return `${errors.map((e) => line(e, 'zh')).join('；')} / ${errors.map((e) => line(e, 'en')).join('; ')}`;
}
