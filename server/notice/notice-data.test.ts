/**
 * The notice's figures are the engine's settlement of the saved round: every hospital's statement equals the §7
 * result row, every money column adds up in whole fen to the pool's reported total, the monthly pre-payments add up
 * to the pre-paid, and the tables carry the round's weights, coefficients and changes against its parent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { settlementData } from '@/server/services/settlement-data';
import { settle, toContractResult } from '@/worker/settlement';
import type { RoundParams } from '@/worker/settlement/round';
import { noticeData, noticeMarkOf, type NoticeData } from './notice-data';
import { noticeCity } from './testing';

describe('the notice’s data', () => {
  let db: Db;
  let datasetId = 0;
  let firstId = 0;
  let childId = 0;
  let child: NoticeData;
  let childParams: RoundParams;

  beforeAll(() => {
    const city = noticeCity();
    ({ db, datasetId, draftParams: childParams } = city);
    firstId = city.lockedId;
    childId = city.draftId;
    child = noticeData(db, childId, new Date('2026-03-01T08:00:00Z'));
  });

  it('equals the engine’s settlement of the saved round, hospital by hospital', () => {
    const { data } = settlementData(db, datasetId);
    const contract = toContractResult(settle(data, childParams));
    expect(child.statements).toHaveLength(contract.hospitals.length);
    child.statements.forEach((row, i) => {
      const expected = contract.hospitals[i]!;
      const s = row.statement;
      expect([row.code, s.pool]).toEqual([expected.hospital_code, expected.pool]);
      expect(s.points).toBe(expected.points);
      expect(s.baseRevenueFen / 100).toBe(expected.base_revenue);
      expect(s.deductionFen / 100).toBe(expected.deduction);
      expect(s.sharingFen / 100).toBe(expected.sharing);
      expect(s.incentiveFen / 100).toBe(expected.incentive);
      expect(s.settlementFen / 100).toBe(expected.settlement);
      expect(s.patientPayFen / 100).toBe(expected.patient_pay);
      expect(s.fundPaymentFen / 100).toBe(expected.fund_payment);
      expect(s.prepaidFen / 100).toBe(expected.prepaid);
      expect(s.clearingFen / 100).toBe(expected.clearing);
    });
    for (const pool of child.pools) {
      expect(pool.pointValue).toBe(contract.point_value[pool.pool]);
      expect(pool.months.map((m) => m.pointValue)).toEqual(contract.monthly_point_value[pool.pool]);
      expect(pool.budgetFen / 100).toBe(contract.totals[pool.pool]!.budget);
      expect(pool.settlementFen / 100).toBe(contract.totals[pool.pool]!.settlement);
    }
  });

  it('adds every money column up in whole fen to the pool’s reported totals, and the months to the pre-paid', () => {
    expect(child.pools.map((p) => p.pool)).toEqual(['employee', 'resident']);
    for (const pool of child.pools) {
      const totals = child.totals[pool.pool]!;
      for (const value of Object.values(totals)) expect(Number.isInteger(value) || value === totals.points).toBe(true);
      expect(totals.settlement).toBe(pool.settlementFen);
      expect(totals.fundPayment).toBe(pool.fundPaymentFen);
      expect(totals.sharing).toBe(pool.sharingFen);
      expect(totals.incentive).toBe(pool.incentiveFen);
      expect(totals.prepaid).toBe(pool.prepaidFen);
      // each line of the statement adds up, so its totals do too (§4.5 step 2)
      expect(totals.settlement).toBe(totals.baseRevenue! + totals.sharing! + totals.incentive!);
      expect(totals.fundPayment).toBe(totals.settlement! - totals.patientPay!);
      expect(totals.clearing).toBe(totals.fundPayment! - totals.prepaid!);
      expect(pool.months.reduce((s, m) => s + m.prepaidFen, 0)).toBe(pool.prepaidFen);
      expect(pool.hospitals).toBe(child.statements.filter((s) => s.statement.pool === pool.pool).length);
    }
  });

  it('publishes the round’s weights, uniform-price DRGs and coefficients, with where each coefficient comes from', () => {
    const { data } = settlementData(db, datasetId);
    const changed = child.drgs.find((d) => d.code === data.catalog[3]!.code)!;
    expect(changed.weight).toBe(1.2345);
    const untouched = child.drgs.find((d) => d.code === data.catalog[0]!.code)!;
    expect(untouched.weight).toBe(data.catalog[0]!.weight);
    expect(child.drgs.find((d) => d.code === data.catalog[4]!.code)!.uniformPrice).toBe(true);
    expect(child.drgs.map((d) => d.code)).toEqual(data.catalog.map((d) => d.code).sort());

    const byCode = new Map(child.hospitals.map((h) => [h.code, h]));
    expect(byCode.get(data.hospitals[5]!.code)).toMatchObject({ coefficient: 1.125, source: 'round' });
    const atLevel = data.hospitals[0]!;
    expect(byCode.get(atLevel.code)).toMatchObject({ coefficient: child.params.level_coefficients[atLevel.level], source: 'level' });
    const fromFile = data.hospitals.find((h, i) => i !== 0 && i !== 5 && h.coefficient !== null)!;
    expect(byCode.get(fromFile.code)).toMatchObject({ coefficient: fromFile.coefficient, source: 'file' });
  });

  it('names its lineage, lists the changes against the parent, and marks a round not yet locked', () => {
    expect(child.lineage.map((r) => r.id)).toEqual([firstId, childId]);
    expect(child.parent?.id).toBe(firstId);
    expect(child.mark).toBe('draft');
    expect(child.changes.map((c) => c.key)).toEqual(expect.arrayContaining(['surplus_cap', expect.stringMatching(/^weights\./), expect.stringMatching(/^hospital_coefficients\./), 'uniform_price_drgs']));
    expect(child.generatedAt).toBe('2026-03-01T08:00:00.000Z');

    const first = noticeData(db, firstId);
    expect(first.mark).toBeNull();
    expect(first.parent).toBeNull();
    expect(first.changes).toEqual([]);
    expect(first.lineage.map((r) => r.id)).toEqual([firstId]);
    expect([noticeMarkOf('draft'), noticeMarkOf('proposed'), noticeMarkOf('agreed'), noticeMarkOf('locked')]).toEqual(['draft', 'proposed', 'agreed', null]);
  });

  it('answers NOT_FOUND for a round that does not exist', () => {
    expect(() => noticeData(db, 9999)).toThrow(/9999/);
  });
});
