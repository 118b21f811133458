/** Rounding of reported figures (SETTLEMENT.md §4.5): money/rounding.ts, kept at this path for its many importers. */
export * from './money/rounding';
