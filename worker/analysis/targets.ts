/** The targets of ANALYSIS.md §B: a figure of one pool's unrounded settlement, over its rows (hospitals with cases). */
import type { SettlementSummary } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import { LEVELS, POOL_INDEX, POOLS, type Hospital, type Level, type Pool } from '@/worker/settlement/types';
import { inputError, LEVEL_LABELS, levelOf, POOL_LABELS, poolOf, type AnalysisInputError } from './levers';

type PoolFigure = 'fund_payment' | 'settlement' | 'point_value' | 'cmi' | 'payment_cost_ratio';

export type Target = { kind: PoolFigure; id: string; pool: Pool; level: null } | { kind: 'payment_cost_ratio'; id: string; pool: Pool; level: Level };

/** yuan: money (hit within 0.01 yuan); the others within 1e-9 relative. */
export type TargetUnit = 'yuan' | 'ratio' | 'point_value' | 'index';

export interface TargetChoice {
  id: string;
  label_zh: string;
  label_en: string;
  unit: TargetUnit;
}

const FIGURES: readonly PoolFigure[] = ['fund_payment', 'settlement', 'point_value', 'cmi', 'payment_cost_ratio'];
const TARGET_FORMS = 'fund_payment.<pool>, settlement.<pool>, point_value.<pool>, cmi.<pool>, payment_cost_ratio.<pool>[.<level>]';
/** grouped classes (normal, high, low, special): the first four of CASE_CLASSES */
const GROUPED_CLASSES = 4;
const CLASS_COUNT = 6;

export function parseTarget(text: string): Target | AnalysisInputError {
  const id = text.trim();
  const [kind = '', poolText, levelText, ...extra] = id.split('.');
  const figure = FIGURES.find((f) => f === kind);
  const pool = poolOf(poolText);
  if (!figure || extra.length > 0 || (levelText !== undefined && figure !== 'payment_cost_ratio')) {
    return inputError(`未知的目标 “${id}”；可用：${TARGET_FORMS}`, `unknown target "${id}"; targets: ${TARGET_FORMS}`);
  }
  if (!pool) return inputError(`目标 “${id}”：基金应为 employee 或 resident`, `target "${id}": the pool must be employee or resident`);
  if (levelText === undefined) return { kind: figure, id, pool, level: null };
  const level = levelOf(levelText);
  if (!level) return inputError(`目标 “${id}”：等级应为 1、2 或 3`, `target "${id}": the level must be 1, 2 or 3`);
  return { kind: 'payment_cost_ratio', id, pool, level };
}

export function targetUnit(target: Pick<Target, 'kind'>): TargetUnit {
  switch (target.kind) {
    case 'fund_payment':
    case 'settlement':
      return 'yuan';
    case 'point_value':
      return 'point_value';
    case 'cmi':
      return 'index';
    default:
      return 'ratio';
  }
}

/** The targets of this round (point_value only in 点数法), with labels, for the UI. */
export function targetChoices(params: RoundParams): TargetChoice[] {
  const out: TargetChoice[] = [];
  for (const pool of POOLS) {
    const p = POOL_LABELS[pool];
    const add = (id: string, label_zh: string, label_en: string, kind: Target['kind']) => out.push({ id, label_zh, label_en, unit: targetUnit({ kind }) });
    add(`fund_payment.${pool}`, `${p.zh}统筹基金支付合计`, `${p.en} fund payments`, 'fund_payment');
    add(`settlement.${pool}`, `${p.zh}结算金额合计`, `${p.en} settlement`, 'settlement');
    if (params.method === 'points') add(`point_value.${pool}`, `${p.zh}点值`, `${p.en} point value`, 'point_value');
    add(`cmi.${pool}`, `${p.zh}全市 CMI`, `${p.en} city CMI`, 'cmi');
    add(`payment_cost_ratio.${pool}`, `${p.zh}支付费用比`, `${p.en} payment-to-cost ratio`, 'payment_cost_ratio');
    for (const level of LEVELS) {
      const l = LEVEL_LABELS[level];
      add(`payment_cost_ratio.${pool}.${level}`, `${p.zh}${l.zh}医院支付费用比`, `${p.en} payment-to-cost ratio, ${l.en}`, 'payment_cost_ratio');
    }
  }
  return out;
}

type TargetResult = Pick<SettlementSummary, 'pools' | 'rows' | 'hospitalCodes'>;

/**
 * The target's figure in a result, unrounded (the current value, for the UI's default). `hospitals` (the data
 * set's, in the engine's order) is needed for a level's payment_cost_ratio.
 */
export function targetValue(result: TargetResult, target: Target, hospitals?: readonly Pick<Hospital, 'level'>[]): number {
  const p = POOL_INDEX[target.pool];
  if (target.kind === 'point_value') return result.pools[p]!.pointValue;
  if (target.level !== null && !hospitals) throw new Error(`target ${target.id} needs the hospitals' levels`);
  const { rows } = result;
  const hospitalCount = result.hospitalCodes.length;
  let numerator = 0;
  let denominator = 0;
  for (let h = 0; h < hospitalCount; h++) {
    const row = p * hospitalCount + h;
    if (rows.hasCases[row] !== 1) continue;
    if (target.level !== null && hospitals![h]!.level !== target.level) continue;
    switch (target.kind) {
      case 'fund_payment':
        numerator += rows.fundPayment[row]!;
        break;
      case 'settlement':
        numerator += rows.settlement[row]!;
        break;
      case 'cmi':
        // SETTLEMENT.md §3: Σ weight of grouped cases ÷ their count
        numerator += rows.weightSum[row]!;
        for (let k = 0; k < GROUPED_CLASSES; k++) denominator += rows.caseCounts[row * CLASS_COUNT + k]!;
        break;
      case 'payment_cost_ratio':
        // §4.3 step 2: Σ settlement ÷ Σ C, C on the round's basis
        numerator += rows.settlement[row]!;
        denominator += rows.actualCost[row]!;
        break;
    }
  }
  return target.kind === 'fund_payment' || target.kind === 'settlement' ? numerator : denominator > 0 ? numerator / denominator : Number.NaN;
}
