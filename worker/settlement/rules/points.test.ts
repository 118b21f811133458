/** SETTLEMENT.md rules, hand-checked: fixtures/ holds the cities, the rounds and the arithmetic. */
import { describe, expect, it } from 'vitest';
import { POINT_FIXTURES } from '../fixtures';
import { contractMismatches } from '../testing/contract-check';
import { settleFixture } from '../testing/rule-fixture';

describe('hand-checked', () => {
  it.each(POINT_FIXTURES.map((f) => [f.name, f] as const))('%s', (_, fixture) => {
    expect(contractMismatches(settleFixture(fixture), fixture.expect)).toEqual([]);
  });
});
