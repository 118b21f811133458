/**
 * Chinese names of the synthetic ADRGs and DRGs, composed from each MDC's own word lists
 * (organ + operation, organ + non-OR procedure, organ + condition, within groups that make sense
 * together) and the CHS-DRG severity suffixes.
 */
import type { DrgType } from '@/worker/settlement/types';
import type { Random } from './random';
import type { CitySettings, MdcSettings, SplitPattern } from './settings';

/**
 * `count` distinct ADRG names for one MDC and type, none equal to a name in `taken`: the organ × word
 * combinations of the MDC's name groups in a seeded random order.
 */
export function composeAdrgNames(
  mdc: MdcSettings,
  type: DrgType,
  count: number,
  taken: ReadonlySet<string>,
  random: Random,
): string[] {
  if (count === 0) return [];
  const groups = mdc.names[type] ?? [];
  const combos = groups.flatMap((g) => g.organs.flatMap((organ) => g.words.map((word) => organ + word)));
  const names = random.shuffled([...new Set(combos)]).filter((name) => !taken.has(name));
  if (names.length < count) {
    throw new Error(`MDC ${mdc.letter} ${type}: word lists give ${names.length} names, ${count} needed`);
  }
  return names.slice(0, count);
}

/** DRG name = ADRG name + the severity suffix of its split pattern (none for an unsplit 9 group). */
export function drgName(settings: CitySettings, adrgName: string, split: SplitPattern, severity: number): string {
  if (split === '9') return adrgName;
  return adrgName + (settings.catalog.suffix[split]?.[String(severity)] ?? '');
}
