/**
 * A hand-checked rule fixture: a tiny city, one round and the figures worked out by hand (the arithmetic sits
 * in the fixture's comments). The same fixtures run through the engine (`settle`) and through the settle CLI
 * (CSV files → result.json), so both reproduce every rule.
 */
import { settle, toContractResult, type ContractResult, type RoundParams } from '../index';
import type { ExpectedResult } from './contract-check';
import { handData, type HandCity } from './hand';

export interface RuleFixture {
  /** the behaviour, as a test name */
  name: string;
  city: HandCity;
  round: RoundParams;
  expect: ExpectedResult;
}

export function settleFixture(fixture: RuleFixture): ContractResult {
  return toContractResult(settle(handData(fixture.city), fixture.round));
}
