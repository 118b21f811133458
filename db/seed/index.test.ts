import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { datasets, rounds } from '@/db/schema';
import { loadSettlementData } from '@/server/services/datasets';
import { generateDemoCity } from './demo-city';
import { DatasetExistsError, seedDemoCity } from './index';

describe('seedDemoCity', () => {
  it('writes the data set, its hospitals, catalog and cases, and the chained rounds', () => {
    const db = openDatabase(':memory:');
    const { datasetId, roundIds } = seedDemoCity(db, { cases: 20_000 });
    const city = generateDemoCity({ cases: 20_000 });
    const row = db.select().from(datasets).where(eq(datasets.id, datasetId)).get()!;
    expect(row).toMatchObject({ name: city.meta.name, year: 2024, caseCount: 20_000, pools: ['employee', 'resident'] });

    const data = loadSettlementData(db, datasetId);
    expect(data.hospitals).toEqual(city.bundle.hospitals);
    expect(data.catalog).toEqual(city.bundle.catalog);
    expect(data.cases.count).toBe(20_000);
    expect(data.cases.totalCost).toEqual(city.bundle.cases.totalCost);
    expect(data.cases.drg).toEqual(city.bundle.cases.drg);

    const saved = db.select().from(rounds).where(eq(rounds.datasetId, datasetId)).orderBy(asc(rounds.id)).all();
    expect(saved.map((r) => r.id)).toEqual(roundIds);
    expect(saved).toHaveLength(city.rounds.length);
    expect(saved[0]).toMatchObject({ status: 'locked', parentId: null, createdBy: 'seed' });
    saved.slice(1).forEach((r, i) => {
      expect(r.parentId).toBe(saved[i]!.id);
      expect(['draft', 'proposed']).toContain(r.status);
      expect(r.createdBy).toBe('seed');
    });
    expect(saved.map((r) => r.params)).toEqual(city.rounds.map((r) => r.params));
  });

  it('refuses a second data set of the same name and writes nothing, but accepts another name', () => {
    const db = openDatabase(':memory:');
    seedDemoCity(db, { cases: 2_000 });
    expect(() => seedDemoCity(db, { cases: 2_000 })).toThrow(DatasetExistsError);
    expect(db.select().from(datasets).all()).toHaveLength(1);
    seedDemoCity(db, { cases: 2_000, name: '另一个演示城市' });
    expect(db.select().from(datasets).all()).toHaveLength(2);
    expect(db.select().from(rounds).all()).toHaveLength(10);
  });
});
