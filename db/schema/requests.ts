import { sqliteTable, integer, text, blob, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { datasets } from './datasets';
import { rounds } from './rounds';
import { users } from './users';

/** draft → submitted → accepted | rejected; draft or submitted → withdrawn (by its author) */
export const REQUEST_STATUSES = ['draft', 'submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * 医院诉求 — a hospital's request to change levers of a proposed round, item by item with a reason
 * (server/services/request-items.ts validates the items before every write).
 */
export const hospitalRequests = sqliteTable(
  'hospital_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    datasetId: integer('dataset_id').notNull().references(() => datasets.id, { onDelete: 'cascade' }),
    /** the proposed round the request is made on (a round with requests cannot be deleted) */
    roundId: integer('round_id').notNull().references((): AnySQLiteColumn => rounds.id),
    /** the hospital it speaks for: its author's hospital */
    hospitalCode: text('hospital_code').notNull(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** the author's username, kept when the account goes */
    author: text('author').notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('draft'),
    title: text('title').notNull(),
    /** the lever changes, each with its reason (RequestItem[]) */
    items: text('items', { mode: 'json' }).$type<unknown[]>().notNull(),
    rejectReason: text('reject_reason'),
    /** the draft child round that carries the accepted changes */
    acceptedRoundId: integer('accepted_round_id').references((): AnySQLiteColumn => rounds.id, { onDelete: 'set null' }),
    /** who accepted or rejected it */
    decidedBy: text('decided_by'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    submittedAt: text('submitted_at'),
    decidedAt: text('decided_at'),
  },
  (t) => [index('hospital_requests_dataset').on(t.datasetId, t.status), index('hospital_requests_hospital').on(t.hospitalCode)],
);

/** 附件 of a request: a PDF or an image, its type read from its content, its bytes in the database. */
export const requestAttachments = sqliteTable(
  'request_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id').notNull().references(() => hospitalRequests.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** detected from the bytes: application/pdf, image/png, image/jpeg or image/webp */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('request_attachments_request').on(t.requestId)],
);

export type HospitalRequestRow = typeof hospitalRequests.$inferSelect;
export type RequestAttachmentRow = typeof requestAttachments.$inferSelect;
