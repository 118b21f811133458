import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '@/db/seed/demo-city';
import { parseRoundParams, settle, toContractResult } from '@/worker/settlement';
import { caseWord, isCoreCase, prepareCases } from '@/worker/settlement/prepare';
import { NO_DRG } from '@/worker/settlement/types';
import { inEngineOrder } from './engine-order';

describe('cases in the engine order', () => {
  const city = generateDemoCity({ cases: 20_000 });
  const data = city.bundle;
  const ordered = inEngineOrder(data);

  it('is a permutation ordered by core before edge, pool, hospital, DRG and cost', () => {
    const { cases } = ordered;
    expect(cases.count).toBe(data.cases.count);
    const edge = (i: number) => (isCoreCase(cases.los[i]!, cases.specialReview[i]!) ? 0 : 1);
    const key = (i: number) => [edge(i), cases.pool[i]!, cases.hospital[i]!, cases.drg[i] === NO_DRG ? Infinity : cases.drg[i]!, cases.totalCost[i]!];
    for (let i = 1; i < cases.count; i++) {
      const [a, b] = [key(i - 1), key(i)];
      const firstDiff = a.findIndex((v, k) => v !== b[k]);
      if (firstDiff >= 0) expect(a[firstDiff]!).toBeLessThan(b[firstDiff]!);
    }
    const sum = (c: Float64Array) => c.reduce((s, v) => s + Math.round(v * 100), 0);
    expect(sum(cases.totalCost)).toBe(sum(data.cases.totalCost));
    expect(sum(cases.deduction)).toBe(sum(data.cases.deduction));
  });

  it('is exactly the order the engine prepares: prepared columns are the input columns, case by case', () => {
    const prepared = prepareCases(ordered);
    const { cases } = ordered;
    for (let j = 0; j < cases.count; j++) {
      if (prepared.costFen[j] !== Math.round(cases.totalCost[j]! * 100)) throw new Error(`cost of case ${j}`);
      if (prepared.word[j] !== caseWord(cases.los[j]!, cases.month[j]!, cases.specialReview[j]!)) throw new Error(`word of case ${j}`);
    }
    // the import order is not, so this is no accident of the generator
    const unordered = prepareCases(data);
    expect(Array.from(data.cases.totalCost.subarray(0, 1000), (v) => Math.round(v * 100))).not.toEqual(Array.from(unordered.costFen.subarray(0, 1000)));
  });

  it('settles every demo round to the same bytes as the import order', () => {
    for (const round of city.rounds) {
      const parsed = parseRoundParams(round.params);
      if (!parsed.ok) throw new Error(`round ${round.name}: ${JSON.stringify(parsed.errors)}`);
      const params = parsed.params;
      expect(JSON.stringify(toContractResult(settle(ordered, params)))).toBe(JSON.stringify(toContractResult(settle(data, params))));
    }
  });
});
