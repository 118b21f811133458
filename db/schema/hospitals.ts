import { sqliteTable, integer, text, real, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { datasets } from './datasets';

/** 医疗机构 of a data set (SETTLEMENT.md §5 `hospitals`). */
export const hospitals = sqliteTable(
  'hospitals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id').notNull().references(() => datasets.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 1 一级/乡镇, 2 二级, 3 三级 */
    level: integer('level').notNull(),
    type: text('type'),
    district: text('district'),
    /** 机构系数 (null: the round's level coefficient applies) */
    coefficient: real('coefficient'),
    /** 考核得分 */
    evaluationScore: real('evaluation_score'),
    /** position in the data set's hospital list = index used by the engine's columns */
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('hospitals_dataset_code').on(t.datasetId, t.code)],
);

export type HospitalRow = typeof hospitals.$inferSelect;
