/**
 * 1. tRPC initialisation: one instance, the context type, the error formatter.
 * 2. Building blocks: `router`, `procedureFor(policy)` — the only way to make a procedure, so that none exists
 *    without a policy (server/auth/policy.ts: default deny) — and `createCallerFactory`.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Context, Viewer } from './context';
import { allows, type Policy } from './auth/policy';

export interface ProcedureMeta {
  policy: Policy;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      return {
        ...shape,
        // no stack trace or file path leaves the server
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** A procedure that only the policy's roles may call: 401 without a session, 403 for another role. */
export function procedureFor(policy: Policy) {
  return t.procedure.meta({ policy }).use(({ ctx, next }) => {
    if (policy.roles !== null && !ctx.viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录 / sign in first' });
    if (!allows(policy, ctx.viewer?.role ?? null)) throw new TRPCError({ code: 'FORBIDDEN', message: '您的角色无权进行此操作 / your role may not do this' });
    return next({ ctx: { ...ctx, viewer: ctx.viewer as Viewer } });
  });
}
