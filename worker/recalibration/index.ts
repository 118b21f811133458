/**
 * 权重测算 (ANALYSIS.md §C): pure functions over a data set and a round, shared by the CLI
 * (scripts/recalibrate.ts), the server (server/services/recalibration.ts) and the tests. No DOM, no Node module.
 */
export { DEFAULT_OPTIONS, optionsText, parseTrimMethod, recalibrationOptionsSchema, trimMethodText, RECENTRE_MODES, OPTION_LIMITS, type RecalibrationOptions, type Recentre, type TrimMethod } from './options';
export { quantileInc } from './quantile';
export { trimBounds, type TrimBounds } from './trim';
export { gatherUsedCosts, isExcludedByRound, type UsedCosts } from './used-cases';
export { recalibrate, recalibrateUsed, RECALIBRATION_FLAGS, type Recalibration, type RecalibrationFlag, type RecalibrationRow, type RecalibrationSummary } from './recalibrate';
export { recalibratedRoundParams } from './new-round';
export { costHistogram, type CostHistogram } from './histogram';
