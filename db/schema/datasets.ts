import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

/** 数据集 — one base year of settled cases that rounds are negotiated on. */
export const datasets = sqliteTable('datasets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  year: integer('year').notNull(),
  /** JSON array of the pools present, e.g. ["employee","resident"] */
  pools: text('pools', { mode: 'json' }).$type<string[]>().notNull(),
  notes: text('notes'),
  caseCount: integer('case_count').notNull().default(0),
  /** bumped whenever the cases change: the key of the cached prepared columns */
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
  /**
   * 'importing' while an import writes its cases in short transactions (other requests run between them), then
   * 'ready'. Nothing reads a data set that is not ready; one left 'importing' by a crash is removed at start.
   */
  state: text('state', { enum: ['importing', 'ready'] }).notNull().default('ready'),
});

export type DatasetRow = typeof datasets.$inferSelect;
