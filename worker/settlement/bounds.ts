/**
 * Bounds of money the engine takes, named once for the import, the round schema and the editor: every figure and
 * every sum of a year stays an exact count of fen in a double (below 2^53 fen ≈ 90 万亿元).
 */

/** 单病例金额上限 — total cost, patient payment or deduction of one case, in yuan (1,000 万元): 5 M such cases
 *  still sum to 5 × 10^15 fen < 2^53 */
export const MAX_CASE_YUAN = 1e7;

/** 年度预算上限 — a pool's budget, in yuan (1 万亿元) */
export const MAX_BUDGET_YUAN = 1e12;
