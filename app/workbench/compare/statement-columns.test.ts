import { describe, expect, it } from 'vitest';
import { settle, toContractResult } from '@/worker/settlement/index';
import { CLEARING_FIXTURES } from '@/worker/settlement/fixtures';
import { handData } from '@/worker/settlement/testing/hand';
import { statementIndex } from '@/worker/settlement/money/hospital-statement';
import { impactRows } from './impact';
import { NO_STATEMENT_COLUMNS, statementColumnSpecs, withStatements } from './statement-columns';

const labels = { line: (id: string) => id, pool: (pool: string) => pool, header: (round: string, pool: string, line: string) => `${round} ${pool} ${line}` };

function cappedCity() {
  const fixture = CLEARING_FIXTURES.find((f) => f.name.startsWith('费率法 surplus_cap'))!;
  const result = settle(handData(fixture.city), fixture.round);
  const hospitals = result.hospitalCodes.map((code) => ({ code, name: code, level: 3, district: null, type: null }));
  const contract = toContractResult(result);
  return { result, rows: impactRows(hospitals, contract, [contract]) };
}

describe("the impact table's statement columns", () => {
  it('are none by default', () => {
    expect(statementColumnSpecs(NO_STATEMENT_COLUMNS, ['R1'], labels, 'zh')).toEqual([]);
  });

  it('give one column per round, pool and line, in that order, headed with their unit', () => {
    const specs = statementColumnSpecs({ lines: ['sharing', 'overspendRate'], pools: ['employee', 'resident'] }, ['R1', 'R2'], labels, 'zh');
    expect(specs.map((s) => s.header)).toEqual([
      'R1 employee sharing (万元)', 'R1 employee overspendRate (%)', 'R1 resident sharing (万元)', 'R1 resident overspendRate (%)',
      'R2 employee sharing (万元)', 'R2 employee overspendRate (%)', 'R2 resident sharing (万元)', 'R2 resident overspendRate (%)',
    ]);
    expect(new Set(specs.map((s) => s.id)).size).toBe(8);
  });

  it("read each hospital's statement: money in yuan from whole fen, totals summed in fen, no figure without cases", () => {
    const { result, rows } = cappedCity();
    const shown = withStatements(rows, [statementIndex(result)]);
    const specs = statementColumnSpecs({ lines: ['surplusCapExcess', 'baseRevenue', 'incentive', 'overspendRate', 'clearing'], pools: ['employee', 'resident'] }, ['R'], labels, 'zh');
    const column = (id: string) => specs.find((s) => s.id === id)!;
    // worker/settlement/fixtures/clearing.ts: H1 B 8400 after 1600 back, H2 10000, H3 10000 (o = 0.2); incentives
    // 1183.10, 1408.45, 1408.45; pre-paid 9000 each → clearing 583.10, 2408.45, 3408.45
    expect(shown.map(column('statement-0-employee-surplusCapExcess').value)).toEqual([1600, 0, 0]);
    expect(shown.map(column('statement-0-employee-baseRevenue').value)).toEqual([8400, 10000, 10000]);
    expect(shown.map(column('statement-0-employee-incentive').value)).toEqual([1183.1, 1408.45, 1408.45]);
    expect(column('statement-0-employee-incentive').total!(shown)).toBe(4000);
    expect(shown.map(column('statement-0-employee-overspendRate').value)).toEqual([null, null, expect.closeTo(0.2, 12)]);
    expect(shown.map(column('statement-0-employee-clearing').value)).toEqual([583.1, 2408.45, 3408.45]);
    expect(column('statement-0-employee-clearing').total!(shown)).toBe(6400);
    expect(column('statement-0-employee-clearing').tone!(shown[0]!)).toBe('gain');
    // no resident cases in this city
    expect(shown.map(column('statement-0-resident-baseRevenue').value)).toEqual([null, null, null]);
    expect(column('statement-0-resident-baseRevenue').total!(shown)).toBe(0);
    // rows without statements (columns off) read nothing
    expect(rows.map(column('statement-0-employee-baseRevenue').value)).toEqual([null, null, null]);
  });
});
