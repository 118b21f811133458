/**
 * The demo city's negotiation rounds. Round 0 is last year's rules with a fund budget per pool equal to the
 * year's fund spending on DRG-paid cases (rounded to 万元): it depends on the generated cases, so it is
 * computed here. The example rounds (scenarios/demo-city/rounds/*.json) hold only what changes:
 * a round's parameters = its parent's parameters + its overrides (see applyOverrides).
 */
import { z } from 'zod';
import { ROUND_STATUSES, type RoundStatus } from '@/db/schema/rounds';
import { POOLS, type DatasetBundle, type Pool } from '@/worker/settlement/types';
import round1 from '@/scenarios/demo-city/rounds/round-1-weights.json';
import round2 from '@/scenarios/demo-city/rounds/round-2-coefficients.json';
import round3 from '@/scenarios/demo-city/rounds/round-3-budget.json';
import round4 from '@/scenarios/demo-city/rounds/round-4-rules.json';
import { DEFAULT_EXCLUDE_LOS_MAX, DEFAULT_EXCLUDE_LOS_MIN, LAST_YEAR_RULES } from './default-rules';
import { toWanYuan } from './money';

/** Round parameters (SETTLEMENT.md §6) as plain JSON; the rounds service validates them on write. */
export type RoundParamsJson = Record<string, unknown>;

export interface DemoRound {
  name: string;
  reason: string;
  status: RoundStatus;
  params: RoundParamsJson;
}

const scenarioRoundSchema = z.object({
  name: z.string().min(1),
  reason: z.string(),
  status: z.enum(ROUND_STATUSES),
  /** §6 keys to override in the parent's parameters */
  params: z.record(z.string(), z.unknown()),
  /** relative change of each pool's budget against the parent's (0.03 = +3 %), rounded to 万元 */
  budgetChange: z.object({ employee: z.number().optional(), resident: z.number().optional() }).optional(),
});

export type ScenarioRound = z.infer<typeof scenarioRoundSchema>;

/** The example rounds in negotiation order. */
export const SCENARIO_ROUNDS: readonly ScenarioRound[] = [round1, round2, round3, round4].map((json) =>
  scenarioRoundSchema.parse(json),
);

/** §6 keys whose value is a map (code or pool → value): an override merges into the parent's map. */
const MAP_KEYS = new Set([
  'budget',
  'rate',
  'rate_by_level',
  'monthly_point_value',
  'weights',
  'benchmark_costs',
  'level_coefficients',
  'hospital_coefficients',
  'evaluation_scores',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * parent + overrides. Map keys (weights, level_coefficients, budget …) merge entry by entry, and an entry
 * set to null is removed (back to the catalog / hospital file / default); every other key, arrays
 * included (high_bands, uniform_price_drgs …), replaces the parent's value whole.
 */
export function applyOverrides(parent: RoundParamsJson, overrides: RoundParamsJson): RoundParamsJson {
  const params: RoundParamsJson = structuredClone(parent);
  for (const [key, value] of Object.entries(overrides)) {
    const current = params[key];
    if (MAP_KEYS.has(key) && isRecord(value) && isRecord(current)) {
      const merged: Record<string, unknown> = { ...current };
      for (const [entry, entryValue] of Object.entries(value)) {
        if (entryValue === null) delete merged[entry];
        else merged[entry] = entryValue;
      }
      params[key] = merged;
    } else {
      params[key] = structuredClone(value);
    }
  }
  return params;
}

/** Σ (total_cost − patient_pay) per pool over the cases DRG settlement pays under last year's rules. */
export function paidFundSpending(bundle: DatasetBundle): Record<Pool, number> {
  const { cases, catalog } = bundle;
  const spending = [0, 0];
  for (let i = 0; i < cases.count; i++) {
    const los = cases.los[i]!;
    if (los <= DEFAULT_EXCLUDE_LOS_MAX || los >= DEFAULT_EXCLUDE_LOS_MIN) continue;
    if (catalog[cases.drg[i]!]?.perDiem) continue;
    spending[cases.pool[i]!]! += cases.totalCost[i]! - cases.patientPay[i]!;
  }
  return { employee: spending[0]!, resident: spending[1]! };
}

/** Round 0 (上年规则): every rule written out, budget = the year's fund spending rounded to 万元. */
export function lastYearRound(bundle: DatasetBundle, year: number): DemoRound {
  const spending = paidFundSpending(bundle);
  return {
    name: `第0轮 上年规则（${year - 1}年度）`,
    reason:
      '上一年度执行的结算规则：点数法、总费用口径点值、等级系数一级0.75/二级0.90/三级1.00；' +
      '各基金预算按本年度DRG结算病例的统筹基金支出测算，取整到万元。',
    status: 'locked',
    params: {
      ...structuredClone(LAST_YEAR_RULES),
      budget: { employee: toWanYuan(spending.employee), resident: toWanYuan(spending.resident) },
    } as RoundParamsJson,
  };
}

function withBudgetChange(params: RoundParamsJson, change: ScenarioRound['budgetChange']): RoundParamsJson {
  if (!change || !isRecord(params.budget)) return params;
  const budget: Record<string, unknown> = { ...params.budget };
  for (const pool of POOLS) {
    const rate = change[pool];
    const current = budget[pool];
    if (rate !== undefined && typeof current === 'number') budget[pool] = toWanYuan(current * (1 + rate));
  }
  return { ...params, budget };
}

/** Round 0 and the example rounds, each built on the one before. */
export function demoRounds(bundle: DatasetBundle, year: number): DemoRound[] {
  const rounds = [lastYearRound(bundle, year)];
  for (const scenario of SCENARIO_ROUNDS) {
    const parent = rounds[rounds.length - 1]!.params;
    const params = withBudgetChange(applyOverrides(parent, scenario.params), scenario.budgetChange);
    rounds.push({ name: scenario.name, reason: scenario.reason, status: scenario.status, params });
  }
  return rounds;
}
