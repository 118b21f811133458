import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { createInnerContext } from '@/server/context';
import { createCaller } from '@/server/routers/_app';
import { seedSmallCity } from './small-city';

const PANEL = { name: '专家组', role: 'panel' } as const;

describe('rounds.diff: what changed, as figures the panel can label', () => {
  let db: Db;
  let datasetId: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    datasetId = seedSmallCity(db);
  });
  const caller = () => createCaller(createInnerContext({ db, viewer: PANEL })).rounds;

  async function diffOf(from: Record<string, unknown>, to: Record<string, unknown>) {
    const a = await caller().create({ datasetId, name: 'A', params: { method: 'points', ...from } });
    const b = await caller().create({ datasetId, name: 'B', params: { method: 'points', ...to } });
    const diff = await caller().diff({ fromId: a.id, toId: b.id });
    return { diff, byKey: new Map(diff.map((c) => [c.key, c])) };
  }

  it('names the fund, level and code of each key and gives the relative change of figures', async () => {
    const { byKey } = await diffOf(
      { budget: { employee: 800_000_000, resident: 50 }, rate_by_level: { resident: { '3': 12_000 } } },
      { budget: { employee: 880_000_000, resident: 50 }, level_coefficients: { '2': 0.8 }, weights: { ES35: 0.399 }, rate_by_level: { resident: { '3': 11_400 } } },
    );
    expect(byKey.get('budget.employee')).toMatchObject({ group: 'rates', param: 'budget', pool: 'employee', level: null, code: null, kind: 'money', from: 800_000_000, to: 880_000_000 });
    expect(byKey.get('budget.employee')?.relativeChange).toBeCloseTo(0.1, 12);
    expect(byKey.has('budget.resident')).toBe(false);
    // 二级 0.85 (default) → 0.8: −5.88 %
    expect(byKey.get('level_coefficients.2')).toMatchObject({ param: 'level_coefficients', level: '2', pool: null, kind: 'coefficient', from: 0.85, to: 0.8 });
    expect(byKey.get('level_coefficients.2')?.relativeChange).toBeCloseTo(-0.05 / 0.85, 12);
    // a weight compares with the catalog's 0.38: +5 %
    expect(byKey.get('weights.ES35')).toMatchObject({ group: 'weights', param: 'weights', code: 'ES35', label: '呼吸系统感染', kind: 'weight', from: 0.38, to: 0.399 });
    expect(byKey.get('weights.ES35')?.relativeChange).toBeCloseTo(0.05, 12);
    expect(byKey.get('rate_by_level.resident.3')).toMatchObject({ pool: 'resident', level: '3', kind: 'ratePerRw', from: 12_000, to: 11_400 });
    expect(byKey.get('rate_by_level.resident.3')?.relativeChange).toBeCloseTo(-0.05, 12);
  });

  it('gives band tables whole, old and new, and no relative change for what is not a figure', async () => {
    const sharing = [{ over_max: 0.1, fund_share: 0.8 }, { over_max: null, fund_share: 0.4 }];
    const { byKey } = await diffOf({}, { sharing_bands: sharing, method: 'rate', high_extra_times_coef: true, uniform_price_drgs: ['ES35'], surplus_cap: 0.1 });
    expect(byKey.get('sharing_bands')).toMatchObject({
      group: 'rules', kind: 'bands', relativeChange: null,
      from: [{ over_max: 0.1, fund_share: 0.7 }, { over_max: 0.2, fund_share: 0.5 }],
      to: sharing,
    });
    expect(byKey.get('method')).toMatchObject({ kind: 'choice', from: 'points', to: 'rate', relativeChange: null });
    expect(byKey.get('high_extra_times_coef')).toMatchObject({ kind: 'flag', from: false, to: true });
    expect(byKey.get('uniform_price_drgs')).toMatchObject({ kind: 'codes', from: [], to: ['ES35'] });
    // no cap (null) → 0.1 × cost: nothing to measure a change against
    expect(byKey.get('surplus_cap')).toMatchObject({ kind: 'multiple', from: null, to: 0.1, relativeChange: null });
  });

  it('compares a hospital coefficient with the one that applies without it: the file’s, else its level’s in that round', async () => {
    // H1 (三级) without a coefficient in its file: A applies the level's default 1.0 (B's 0.95 does not matter: B overrides)
    db.$client.prepare("UPDATE hospitals SET coefficient = NULL WHERE code = 'H1'").run();
    const { byKey } = await diffOf({}, { level_coefficients: { '3': 0.95 }, hospital_coefficients: { H1: 1.02 } });
    expect(byKey.get('hospital_coefficients.H1')).toMatchObject({ group: 'coefficients', code: 'H1', label: '市一院', from: 1, to: 1.02 });
    expect(byKey.get('hospital_coefficients.H1')?.relativeChange).toBeCloseTo(0.02, 12);
  });

  it('lists rates first, then coefficients, rules and weights, whatever the keys’ alphabet', async () => {
    const { diff } = await diffOf({}, { weights: { ES35: 0.5 }, reserve_ratio: 0.06, level_coefficients: { '1': 0.6 }, budget: { employee: 10 } });
    expect(diff.map((c) => c.key)).toEqual(['budget.employee', 'level_coefficients.1', 'reserve_ratio', 'weights.ES35']);
  });
});
