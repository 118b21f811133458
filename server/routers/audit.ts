import { z } from 'zod';
import { procedureFor, router } from '../trpc';
import { SIGNED_IN } from '../auth/policy';
import { listAudit } from '../services/audit-log';

const text = z.string().trim().max(100).regex(/^[^\u0000-\u001f]*$/, 'no control characters');

/** 操作日志: the bureau reads every entry; a hospital user only its own (its actor name is forced). */
export const auditRouter = router({
  list: procedureFor(SIGNED_IN)
    .input(
      z.object({
        actor: text.optional(),
        action: text.optional(),
        entity: text.optional(),
        entityId: z.number().int().positive().optional(),
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(5000).default(200),
      }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, ctx.viewer.role === 'hospital' ? { ...input, actor: ctx.viewer.name } : input)),
});
