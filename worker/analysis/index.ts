/**
 * Analyses on the settlement engine (ANALYSIS.md §A, §B and the next-year projection): pure TypeScript like the
 * engine (no DOM, no Node module), run in the browser's workers, on the server and in the CLIs.
 */
export * from './families';
export * from './decompose';
export * from './levers';
export * from './targets';
export * from './solve';
export * from './projection';
export type { AnalysisTables } from './tables';
