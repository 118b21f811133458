/**
 * 1. tRPC initialisation: one instance, the context type, the error formatter.
 * 2. Building blocks: `router`, `procedureFor(policy)` — the only way to make a procedure, so that none exists
 *    without a policy (server/auth/policy.ts: default deny) — and `createCallerFactory`.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Context, Viewer } from './context';
import { allows, type Policy } from './auth/policy';

/** What an unexpected error tells the user: the database's disk is full or read-only, or only that it failed. */
export function internalMessage(cause: unknown): string {
  const code = (cause as { code?: string } | undefined)?.code ?? '';
  if (code.startsWith('SQLITE_FULL')) return '数据库所在磁盘已满，未作更改 / the disk of the database is full: nothing was changed';
  if (code.startsWith('SQLITE_READONLY')) return '数据库为只读，未作更改 / the database is read-only: nothing was changed';
  return '服务器内部错误，已记录 / internal error (logged on the server)';
}

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
        // an unexpected error says what the user can act on, never the database's raw text
        message: shape.data.code === 'INTERNAL_SERVER_ERROR' ? internalMessage(error.cause) : shape.message,
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
