import { sqliteTable, integer, text, real, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { datasets } from './datasets';

/** DRG 目录 entry of a data set (SETTLEMENT.md §5 `catalog`). */
export const drgs = sqliteTable(
  'drgs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id').notNull().references(() => datasets.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    mdc: text('mdc').notNull(),
    adrg: text('adrg'),
    /** surgical | medical | procedure */
    drgType: text('drg_type'),
    /** 相对权重 RW (null: a DRG with no weight) */
    weight: real('weight'),
    /** 次均费用 (yuan) */
    benchmarkCost: real('benchmark_cost'),
    /** 同病同价 */
    uniformPrice: integer('uniform_price', { mode: 'boolean' }).notNull().default(false),
    /** 床日付费 */
    perDiem: integer('per_diem', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('drgs_dataset_code').on(t.datasetId, t.code)],
);

export type DrgRow = typeof drgs.$inferSelect;
