/**
 * 操作日志 — reading the append-only audit log: filtered by who, what kind, which round and when, newest first,
 * a page at a time with the true count. A hospital user reads only its own entries.
 */
import { and, count, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';

export interface AuditFilter {
  actor?: string | undefined;
  /** an action, or its family: 'login' matches login, login.failed, login.locked */
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: number | undefined;
  /** ISO times, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

export function listAudit(db: Db, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.action) conditions.push(like(auditLog.action, `${filter.action.replace(/[%_]/g, '')}%`));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId !== undefined) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(filter.limit).offset(filter.offset).all();
  return { total, rows: rows.map((r) => ({ ...r, detail: r.detail ? JSON.stringify(r.detail) : '' })) };
}
