/**
 * What a page of a hospital's outlier cases may ask for. Pure (no database): the settlement router validates
 * with it and the hospital page builds its requests from it.
 */

/** The classes of cases not paid as normal cases: 高倍率, 低倍率, 特例单议, 未入组, 不纳入. */
export const OUTLIER_CLASSES = ['high', 'low', 'special', 'ungrouped', 'excluded'] as const;
export type OutlierClass = (typeof OUTLIER_CLASSES)[number];

/** What a page of outlier cases may be ordered by: the case order of the data set, or a figure of the case. */
export const OUTLIER_SORTS = ['case', 'month', 'los', 'totalCost', 'costRatio', 'points'] as const;
export type OutlierSort = (typeof OUTLIER_SORTS)[number];

/** The most cases one page may carry (an export asks for every page in turn). */
export const OUTLIER_PAGE_MAX = 1000;

export interface OutlierQuery {
  /** only the cases of this class (null: every outlier class) */
  caseClass: OutlierClass | null;
  sort: OutlierSort;
  descending: boolean;
  offset: number;
  /** at most OUTLIER_PAGE_MAX */
  limit: number;
}
