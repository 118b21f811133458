import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** 操作日志 — append-only: rows are inserted, never updated or deleted (enforced by triggers in the migration). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId)],
);

export type AuditRow = typeof auditLog.$inferSelect;
