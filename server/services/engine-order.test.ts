import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '@/db/seed/demo-city';
import { parseRoundParams, settle, toContractResult } from '@/worker/settlement';
import { NO_DRG } from '@/worker/settlement/types';
import { inEngineOrder } from './engine-order';

describe('cases in the engine order', () => {
  const city = generateDemoCity({ cases: 20_000 });
  const data = city.bundle;
  const ordered = inEngineOrder(data);

  it('is a permutation ordered by pool, hospital, DRG and cost', () => {
    const { cases } = ordered;
    expect(cases.count).toBe(data.cases.count);
    const key = (i: number) => [cases.pool[i]!, cases.hospital[i]!, cases.drg[i] === NO_DRG ? Infinity : cases.drg[i]!, cases.totalCost[i]!];
    for (let i = 1; i < cases.count; i++) {
      const [a, b] = [key(i - 1), key(i)];
      const firstDiff = a.findIndex((v, k) => v !== b[k]);
      if (firstDiff >= 0) expect(a[firstDiff]!).toBeLessThan(b[firstDiff]!);
    }
    const sum = (c: Float64Array) => c.reduce((s, v) => s + Math.round(v * 100), 0);
    expect(sum(cases.totalCost)).toBe(sum(data.cases.totalCost));
    expect(sum(cases.deduction)).toBe(sum(data.cases.deduction));
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
