import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';

/** Appends one entry to the audit log (操作日志). Call inside the transaction of the change it records. */
export function recordAudit(
  db: Db,
  entry: { actor: string; action: string; entity: string; entityId?: number; detail?: Record<string, unknown> },
): void {
  db.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      detail: entry.detail ?? null,
    })
    .run();
}
