/**
 * 病例分类 (SETTLEMENT.md §2): the class of a case, the first match in the order of §2. Classes are integer
 * codes. `caseClassOf` is the rule, written once: the passes over the cases (kernel/) call it with the cost
 * tests made on whole fen (drg-rules.ts), `classifyCase` with them made on yuan.
 */
import type { DrgRules } from './drg-rules';

/** Case classes, in the order of the §7 `cases` object. */
export const CASE_CLASSES = ['normal', 'high', 'low', 'special', 'ungrouped', 'excluded'] as const;
export type CaseClassName = (typeof CASE_CLASSES)[number];
export const NORMAL = 0;
export const HIGH = 1;
export const LOW = 2;
export const SPECIAL = 3;
export const UNGROUPED = 4;
export const EXCLUDED = 5;

/** What a DRG code means for its cases before LOS and cost are looked at. */
export const DRG_GROUPED = 0;
/** 床日付费: every case is excluded */
export const DRG_PER_DIEM = 1;
/** empty or unknown code, or a DRG with no weight (or no benchmark cost): cases are ungrouped */
export const DRG_UNGROUPED = 2;

/** The LOS window of §2.1: stays this short or this long are excluded. */
export interface LosWindow {
  excludeLosMax: number;
  excludeLosMin: number;
}

// The two functions below run once per case. They write the codes above as literals: in a bundle a
// module-level const is a context load with a TDZ check at every read (classes.test.ts checks the codes).

/** §2.1: a case not settled by DRG — a stay of at most exclude_los_max or at least exclude_los_min days, or a 床日 DRG. */
export function isExcluded(drgKind: number, los: number, excludeLosMax: number, excludeLosMin: number): boolean {
  return los <= excludeLosMax || los >= excludeLosMin || drgKind === 1; // DRG_PER_DIEM
}

/**
 * §2: the class of a case of a DRG of kind `drgKind`: excluded (§2.1), ungrouped (§2.2), special review (§2.3),
 * high cost (§2.4: `aboveHigh`, cost above its DRG's threshold), low cost (§2.5: `belowLow`), else normal.
 */
export function caseClassOf(drgKind: number, los: number, excludeLosMax: number, excludeLosMin: number, special: boolean, aboveHigh: boolean, belowLow: boolean): number {
  if (isExcluded(drgKind, los, excludeLosMax, excludeLosMin)) return 5; // EXCLUDED
  if (drgKind === 2) return 4; // DRG_UNGROUPED: UNGROUPED
  return special ? 3 : aboveHigh ? 1 : belowLow ? 2 : 0; // SPECIAL, HIGH, LOW, NORMAL
}

/**
 * §2: the class of one case, costs in yuan. `drg` is the catalog index, or NO_DRG (or any index ≥ count) for
 * none. The passes make the same tests on whole fen; this is the reference used by tests and explanations.
 */
export function classifyCase(rules: DrgRules, window: LosWindow, drg: number, los: number, totalCost: number, specialReview: number): number {
  const kind = drg < rules.count ? rules.kind[drg]! : DRG_UNGROUPED;
  const grouped = kind === DRG_GROUPED;
  return caseClassOf(kind, los, window.excludeLosMax, window.excludeLosMin, specialReview === 1, grouped && totalCost > rules.highCostThreshold[drg]!, grouped && totalCost < rules.lowCostThreshold[drg]!);
}
