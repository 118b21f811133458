/** 同病同价 DRGs named by the round (`uniform_price_drgs`, SETTLEMENT.md §3/§6): a sorted list without repeats. */
import { getIn } from './paths';

export function uniformPriceDrgs(params: unknown): string[] {
  const list = getIn(params, ['uniform_price_drgs']);
  return Array.isArray(list) ? list.filter((code): code is string => typeof code === 'string') : [];
}

export function isUniformPrice(params: unknown, code: string): boolean {
  return uniformPriceDrgs(params).includes(code);
}

/** The round's list with `code` added or removed; undefined when it becomes empty (the key is dropped). */
export function toggleUniformPrice(params: unknown, code: string, on: boolean): string[] | undefined {
  const rest = uniformPriceDrgs(params).filter((c) => c !== code);
  const next = on ? [...rest, code].sort() : rest;
  return next.length > 0 ? next : undefined;
}
