import { sqliteTable, integer, text, real, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { datasets } from './datasets';

/** 病例 — every field of the `cases` contract (SETTLEMENT.md §5). */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id').notNull().references(() => datasets.id, { onDelete: 'cascade' }),
    caseId: text('case_id').notNull(),
    hospitalCode: text('hospital_code').notNull(),
    /** '' = ungrouped (未入组) */
    drgCode: text('drg_code').notNull().default(''),
    month: integer('month').notNull(),
    /** employee | resident */
    pool: text('pool').notNull(),
    totalCost: real('total_cost').notNull(),
    patientPay: real('patient_pay').notNull(),
    los: integer('los').notNull(),
    specialReview: integer('special_review').notNull().default(0),
    deduction: real('deduction').notNull().default(0),
  },
  (t) => [
    uniqueIndex('cases_dataset_case_id').on(t.datasetId, t.caseId),
    index('cases_dataset_hospital').on(t.datasetId, t.hospitalCode),
    index('cases_dataset_drg').on(t.datasetId, t.drgCode),
  ],
);

export type CaseRow = typeof cases.$inferSelect;
