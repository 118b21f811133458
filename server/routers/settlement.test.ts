import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { saveDataset } from '@/server/services/datasets';
import { createInnerContext } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { allocateCaseColumns } from '@/worker/settlement/types';

const PANEL = { name: '专家组', role: 'panel' } as const;

/**
 * Two hospitals, one DRG (ES35: RW 0.38, benchmark 3,040 yuan; defaults: high above 3 × 3,040 = 9,120, low below
 * 0.4 × 3,040 = 1,216, excluded at LOS ≤ 2). Every 7th case is H2's; H1's cases cycle normal, high, low, excluded,
 * normal, with costs that grow with the case number so that sorts have something to order.
 */
const CASES = 140;
function kindOf(i: number): 'H2' | 'normal' | 'high' | 'low' | 'excluded' {
  if (i % 7 === 6) return 'H2';
  return (['normal', 'high', 'low', 'excluded', 'normal'] as const)[i % 5]!;
}
function costOf(i: number): number {
  const kind = kindOf(i);
  return kind === 'high' ? 10_000 + i : kind === 'low' ? 1_000 - i : 3_000 + i;
}

function seedCity(db: Db): number {
  const cases = { ...allocateCaseColumns(CASES), caseId: [] as string[], drgCode: [] as string[] };
  for (let i = 0; i < CASES; i++) {
    cases.caseId.push(`C${String(i).padStart(3, '0')}`);
    cases.drgCode.push('ES35');
    cases.hospital[i] = kindOf(i) === 'H2' ? 1 : 0;
    cases.month[i] = (i % 12) + 1;
    cases.pool[i] = i % 2;
    cases.totalCost[i] = costOf(i);
    cases.los[i] = kindOf(i) === 'excluded' ? 1 : 5 + (i % 9);
  }
  const hospital = { level: 3 as const, coefficient: 1, evaluationScore: 90, district: null, type: null };
  return saveDataset(db, { name: '小城', year: 2025 }, {
    hospitals: [{ code: 'H1', name: '市一院', ...hospital }, { code: 'H2', name: '市二院', ...hospital }],
    catalog: [{ code: 'ES35', name: '呼吸系统感染', mdc: 'MDCE', adrg: null, drgType: 'medical', weight: 0.38, benchmarkCost: 3040, uniformPrice: false, perDiem: false }],
    cases,
  });
}

/** what the fixture says H1's outliers are, in case order */
const expected = Array.from({ length: CASES }, (_, i) => i).filter((i) => ['high', 'low', 'excluded'].includes(kindOf(i)));

describe('settlement router: a hospital’s outlier cases, page by page', () => {
  let db: Db;
  let datasetId: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    datasetId = seedCity(db);
  });
  const caller = () => createCaller(createInnerContext({ db, viewer: PANEL })).settlement;
  const base = () => ({ datasetId, hospitalCode: 'H1', params: { method: 'points' } });

  it('gives the true count of all outlier cases and of each class, not only of the page', async () => {
    const page = await caller().hospitalCases({ ...base(), limit: 5 });
    expect(page.rows).toHaveLength(5);
    expect(page.total).toBe(expected.length);
    const byClass = { high: 0, low: 0, excluded: 0 } as Record<string, number>;
    for (const i of expected) byClass[kindOf(i)]!++;
    expect(page.classCounts).toEqual({ ...byClass, special: 0, ungrouped: 0 });
  });

  it('pages cover every outlier case once, in case order, each with its own case id and figures', async () => {
    const seen: { caseId: string; totalCost: number; caseClass: string }[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = await caller().hospitalCases({ ...base(), offset, limit: 7 });
      expect(page.total).toBe(expected.length);
      expect(page.offset).toBe(offset);
      if (page.rows.length === 0) break;
      seen.push(...page.rows);
    }
    expect(seen.map((r) => r.caseId)).toEqual(expected.map((i) => `C${String(i).padStart(3, '0')}`));
    expect(seen.map((r) => r.totalCost)).toEqual(expected.map(costOf));
    expect(seen.map((r) => r.caseClass)).toEqual(expected.map(kindOf));
  });

  it('filters by class and sorts by a figure across pages, not within one', async () => {
    const high = await caller().hospitalCases({ ...base(), caseClass: 'high', sort: 'totalCost', descending: true, limit: 3 });
    const highCosts = expected.filter((i) => kindOf(i) === 'high').map(costOf).sort((a, b) => b - a);
    expect(high.total).toBe(highCosts.length);
    expect(high.rows.map((r) => r.totalCost)).toEqual(highCosts.slice(0, 3));
    expect(high.rows.every((r) => r.caseClass === 'high')).toBe(true);
    const last = await caller().hospitalCases({ ...base(), caseClass: 'high', sort: 'totalCost', descending: true, offset: highCosts.length - 2, limit: 3 });
    expect(last.rows.map((r) => r.totalCost)).toEqual(highCosts.slice(-2));
    // the cost ratio is the cost over the benchmark: 10,001 / 3,040
    expect(high.rows.at(-1)?.costRatio).toBeCloseTo(highCosts[2]! / 3040, 12);
  });

  it('refuses unbounded or malformed pages', async () => {
    await expect(caller().hospitalCases({ ...base(), limit: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller().hospitalCases({ ...base(), limit: 1001 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller().hospitalCases({ ...base(), offset: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller().hospitalCases({ ...base(), offset: 1.5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // @ts-expect-error: not a class of outlier cases
    await expect(caller().hospitalCases({ ...base(), caseClass: 'normal' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller().hospitalCases({ ...base(), hospitalCode: 'H9' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
