/**
 * The pass of a round, the way that fits it (docs/engine.md): on the kept classes when the round's DRG kinds,
 * cost thresholds and LOS limits are theirs (classified-price.ts); classified and kept as the second round in
 * a row with the same new classes (classified-cells.ts); in one pass otherwise (pass.ts), case by case when
 * the LOS limits cut into the core stays. Every way gives the same tally, bit for bit. The passer keeps, per
 * data set, the classification, the scratch of the passes and the cells of results that leave them out.
 */
import type { DrgResults } from '../result';
import type { ResolvedRound } from '../round';
import { passRulesOf } from '../rules/round-rules';
import { POOLS, type DataTables } from '../types';
import { classesKeyOf, classifies, classifyCells, keyMatches, type Classification, type ClassesKey } from './classified-cells';
import { allocatePriceScratch, priceClassified } from './classified-price';
import { coreFits, passCases } from './pass';
import type { PreparedCases } from './prepare';
import { allocateDrgResults, allocateTally, finishTally, type Tally } from './tally';

/**
 * How a round was passed: priced on the kept classes ('reused'); classified and its classes kept, as the
 * second round in a row with them ('new'); in one pass, classes not kept ('one pass'); every case read and
 * classified, its LOS limits cutting into the usual stays or `caseByCase` set ('case by case').
 */
export type PassWay = 'reused' | 'new' | 'one pass' | 'case by case';

/** What the last pass did, for the bench and the UI. */
export interface PassReport {
  way: PassWay;
  /** rows priced on the kept classes (see SettleTimings.rowsPriced) */
  rowsPriced: number;
  /** ms spent classifying the cases to keep their classes (0 in other rounds) */
  classifyMs: number;
}

export interface RoundPasser {
  /** memory of the kept classification, in bytes: 0 until a round used one */
  readonly classificationBytes: number;
  /**
   * The round's cases passed and tallied (`finishTally`), before the ungrouped points. `cells` false: the
   * hospital × DRG cells are tallied into arrays the passer keeps (overwritten by the next such pass).
   */
  pass(round: ResolvedRound, cells: boolean, report?: PassReport): Tally;
  /** Classifies and keeps the round's classes now; false, doing nothing, when kept already or passed case by case. */
  keepClasses(round: ResolvedRound): boolean;
}

/** `caseByCase`: every round case by case (pass.ts's general path), the reference the other ways must equal. */
export function createRoundPasser(tables: DataTables, cases: PreparedCases, caseByCase: boolean): RoundPasser {
  const scratch = allocatePriceScratch(cases);
  /** the kept classes, and the key of the last round passed in one pass without them */
  let classification: Classification | null = null;
  let onePassKey: ClassesKey | null = null;
  /** whether the one pass wrote the scratch's normal points since the kept classes last priced a round */
  let scratchUsed = false;
  /** the hospital × DRG cells of rounds settled without them in their result (allocated at the first) */
  let keptCells: DrgResults | null = null;
  return {
    get classificationBytes() {
      return classification?.bytes ?? 0;
    },
    keepClasses(round: ResolvedRound): boolean {
      const rules = passRulesOf(tables, round);
      if (caseByCase || !coreFits(rules) || classifies(classification, rules)) return false;
      classification = classifyCells(cases, rules, classification);
      scratchUsed = true; // the scratch's points are not this classification's
      return true;
    },
    pass(round: ResolvedRound, cells: boolean, report?: PassReport): Tally {
      const rules = passRulesOf(tables, round);
      const tally = allocateTally(cases, POOLS.length, cells ? undefined : (keptCells ??= allocateDrgResults(cases.cellDrg.length)));
      let way: PassWay = 'case by case';
      let rowsPriced = 0;
      let classifyMs = 0;
      if (caseByCase || !coreFits(rules)) {
        passCases(cases, rules, tally, scratch, caseByCase);
        scratchUsed = true;
      } else if (classifies(classification, rules)) {
        way = 'reused';
        rowsPriced = priceClassified(cases, rules, classification, tally, scratch, scratchUsed);
        scratchUsed = false;
      } else if (keyMatches(onePassKey, rules)) {
        // the second round in a row with these classes: keep them for the rounds to come
        way = 'new';
        const classifying = report ? performance.now() : 0;
        classification = classifyCells(cases, rules, classification);
        if (report) classifyMs = performance.now() - classifying;
        rowsPriced = priceClassified(cases, rules, classification, tally, scratch, true);
        scratchUsed = false;
      } else {
        // a round with new classes may be the only one with them: one pass, and its key remembered
        way = 'one pass';
        passCases(cases, rules, tally, scratch);
        onePassKey = classesKeyOf(rules, onePassKey);
        scratchUsed = true;
      }
      finishTally(tally);
      if (report) Object.assign(report, { way, rowsPriced, classifyMs });
      return tally;
    },
  };
}
