import { describe, expect, it } from 'vitest';
import { settle } from '@/worker/settlement/index';
import { CLEARING_FIXTURES, RULE_FIXTURES } from '@/worker/settlement/fixtures';
import { DEFAULTS, type RoundParams } from '@/worker/settlement/round';
import { handData } from '@/worker/settlement/testing/hand';
import { POOLS } from '@/worker/settlement/types';
import { reserveUse } from './reserve-use';

function fixture(name: string, round?: RoundParams) {
  const found = CLEARING_FIXTURES.find((f) => f.name.startsWith(name));
  if (!found) throw new Error(`no fixture ${name}`);
  return settle(handData(found.city), round ?? found.round);
}

const pick = (use: ReturnType<typeof reserveUse>, key: 'sharingWantedFen' | 'sharingFen' | 'scaledDownFen' | 'depositFen' | 'incentiveFen' | 'withheldFen' | 'surplusCapExcessFen') =>
  use?.rows.map((r) => r[key]);

describe("the reserve's use, hospital by hospital", () => {
  it('a reserve too small for the sharing pays every share at the same fraction and says what it cut', () => {
    const use = reserveUse(fixture('a reserve that cannot cover'), 'employee', null);
    // reserve 1000; wanted 700 + 750 → × 1000/1450: 482.76, 517.24; cut 217.24, 232.76; no incentive left
    expect(use).toMatchObject({ reserveFen: 100_000, sharingWantedFen: 145_000, sharingFen: 100_000, incentiveFen: 0, unusedFen: 0 });
    expect(use?.sharingScale).toBeCloseTo(1000 / 1450, 12);
    expect(pick(use, 'sharingWantedFen')).toEqual([70_000, 75_000, 0]);
    expect(pick(use, 'sharingFen')).toEqual([48_276, 51_724, 0]);
    expect(pick(use, 'scaledDownFen')).toEqual([21_724, 23_276, 0]);
    expect(pick(use, 'depositFen')).toEqual([0, 0, 0]);
  });

  it('splits what is left by B and withholds deposit × (1 − eval coefficient) for the fund', () => {
    const use = reserveUse(fixture('incentive = deposit'), 'employee', null);
    // reserve 7000, deposits 1000 each; coefficients 1, .9, .9, .8, .6, 0, 1 → withheld 0, 100, 100, 200, 400, 1000, 0
    expect(pick(use, 'depositFen')).toEqual(Array(7).fill(100_000));
    expect(pick(use, 'incentiveFen')).toEqual([100_000, 90_000, 90_000, 80_000, 60_000, 0, 100_000]);
    expect(pick(use, 'withheldFen')).toEqual([0, 10_000, 10_000, 20_000, 40_000, 100_000, 0]);
    expect(use).toMatchObject({ sharingFen: 0, incentiveFen: 520_000, unusedFen: 180_000, withheldFen: 180_000, returnedFen: 180_000 });
    expect(use?.rows.map((r) => r.evalCoefficient)).toEqual([1, 0.9, 0.9, 0.8, 0.6, 0, 1]);
  });

  it('with no reserve (费率法 without a budget) every share is cut, as the bands ask it', () => {
    const result = fixture('overspend sharing by the first band', { method: 'rate', rate: { employee: 10000 } });
    const use = reserveUse(result, 'employee', DEFAULTS.sharing_bands);
    // B 10000; C 10000, 11000, 11500, 12000, 13000 → 0, 700, 750, 1000, 0 asked, none paid
    expect(pick(use, 'sharingWantedFen')).toEqual([0, 70_000, 75_000, 100_000, 0]);
    expect(pick(use, 'sharingFen')).toEqual([0, 0, 0, 0, 0]);
    expect(pick(use, 'scaledDownFen')).toEqual([0, 70_000, 75_000, 100_000, 0]);
    expect(use).toMatchObject({ reserveFen: 0, sharingWantedFen: 245_000, unusedFen: 0 });
    expect(use?.rows[4]?.overspendRate).toBeCloseTo(0.3, 12);
    // without the bands the shares asked are not known
    expect(reserveUse(result, 'employee', null)?.rows[1]?.sharingWantedFen).toBeNaN();
  });

  it('names what the surplus cap took back, which returns to the fund beside the unused reserve', () => {
    const use = reserveUse(fixture('费率法 surplus_cap'), 'employee', null);
    // H1 1600 back; reserve 5000 = 1000 sharing + 4000 incentive; returned = 0 + 1600
    expect(pick(use, 'surplusCapExcessFen')).toEqual([160_000, 0, 0]);
    expect(use).toMatchObject({ surplusCapExcessFen: 160_000, unusedFen: 0, returnedFen: 160_000 });
  });

  it('sums its columns to the pool totals of the report in every hand-checked city', () => {
    for (const f of RULE_FIXTURES) {
      const result = settle(handData(f.city), f.round);
      for (const pool of POOLS) {
        const use = reserveUse(result, pool, DEFAULTS.sharing_bands);
        if (!use || use.rows.length === 0) continue;
        const sum = (key: Parameters<typeof pick>[1]) => pick(use, key)!.reduce((s, x) => s + x, 0);
        expect(sum('sharingFen'), f.name).toBe(use.sharingFen);
        expect(sum('incentiveFen'), f.name).toBe(use.incentiveFen);
        expect(use.sharingFen + use.incentiveFen + use.unusedFen, f.name).toBe(use.reserveFen);
        for (const r of use.rows) expect(r.depositFen - r.incentiveFen, f.name).toBe(r.withheldFen);
      }
    }
  });
});
