import { sqliteTable, integer, text, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { datasets } from './datasets';

export const ROUND_STATUSES = ['draft', 'proposed', 'agreed', 'locked'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** 谈判轮次 — one set of round parameters (SETTLEMENT.md §6) negotiated on a data set. */
export const rounds = sqliteTable(
  'rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id').notNull().references(() => datasets.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => rounds.id, { onDelete: 'set null' }),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('draft'),
    /** why this round exists / what changed (谈判说明) */
    reason: text('reason'),
    /** the round parameters of SETTLEMENT.md §6, validated by the round schema before every write */
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** raised by every change: a save names the version it was edited from, and a stale one is refused */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('rounds_dataset').on(t.datasetId)],
);

export type RoundRow = typeof rounds.$inferSelect;
