/**
 * The worked example of SETTLEMENT.md (../shared/examples/tiny-city): the engine reproduces every figure of
 * expected-*.json for the three rounds. Reported as skipped when ../shared is not beside the repository.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { readDatasetFiles } from '@/server/import';
import { parseRoundParams, settle, toContractResult } from './index';
import { contractMismatches, expectationOf } from './testing/contract-check';
import { describeWithShared, readJson, TINY_CITY_DIR, TINY_CITY_ROUNDS, tinyCityFiles } from './testing/shared';

describeWithShared('tiny-city (../shared/examples)', tinyCityFiles().cases, () => {
  it.each(TINY_CITY_ROUNDS)('round-%s.json settles to its expected-*.json', async (name) => {
    const data = await readDatasetFiles(tinyCityFiles());
    if (!data.ok) throw new Error(JSON.stringify(data.errors));
    const parsed = parseRoundParams(readJson(path.join(TINY_CITY_DIR, `round-${name}.json`)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const expected = readJson(path.join(TINY_CITY_DIR, `expected-${name}.json`)) as Parameters<typeof expectationOf>[0];
    const actual = toContractResult(settle(data.bundle, parsed.params));
    expect(contractMismatches(actual, expectationOf(expected))).toEqual([]);
  });

  it('H001 employee points match the README hand calculation', async () => {
    // ES35 normal 0.38×100 = 38; FM19 normal 3.3×100 = 330; GB11 high: 870 + (150000/69600 − 1.5) × 870 = 1440;
    // ungrouped: city average of employee grouped paid cases = (3200+27000+150000+24000+3500+2600)/6 = 35050,
    // 9000 / 35050 × 100 × 0.9 = 23.1098; K09 (LOS 2) excluded → 38 + 330 + 1440 + 23.1098 = 1831.1098
    const data = await readDatasetFiles(tinyCityFiles());
    if (!data.ok) throw new Error('tiny-city does not import');
    const result = toContractResult(settle(data.bundle, { method: 'points', budget: { employee: 160000, resident: 80000 } }));
    const row = result.hospitals.find((h) => h.hospital_code === 'H001' && h.pool === 'employee');
    expect(row?.points).toBe(1831.1098);
    expect(row?.cases).toEqual({ normal: 2, high: 1, low: 0, special: 0, ungrouped: 1, excluded: 1 });
  });
});
