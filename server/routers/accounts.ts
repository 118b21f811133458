import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ROLES } from '@/db/schema';
import { procedureFor, router } from '../trpc';
import { ADMIN } from '../auth/policy';
import { AccountError, addUser, disableUser, enableUser, listUsers, setPassword } from '../auth/users';

/** A password as typed: the length rule is the account service's (≥ 10); here only a bound on what is sent. */
const password = z.string().max(200);
const username = z.string().trim().min(1).max(64);

/** An account service's refusal as the tRPC error of the same meaning, its message in English and Chinese. */
async function accountCall<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AccountError) {
      const code = error.kind === 'exists' ? 'CONFLICT' : error.kind === 'unknown' ? 'NOT_FOUND' : 'BAD_REQUEST';
      throw new TRPCError({ code, message: error.message, cause: error });
    }
    if (error instanceof z.ZodError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.issues.map((i) => i.message).join('; ') });
    throw error;
  }
}

/** 账户管理: admins only (the same service as `npm run user`); every change audited with the admin's name. */
export const accountsRouter = router({
  list: procedureFor(ADMIN).query(({ ctx }) => listUsers(ctx.db)),
  add: procedureFor(ADMIN)
    .input(z.object({ username, password, role: z.enum(ROLES), hospitalCode: z.string().trim().max(32).nullish() }))
    .mutation(({ ctx, input }) =>
      accountCall(() => addUser(ctx.db, { username: input.username, password: input.password, role: input.role, hospitalCode: input.hospitalCode ?? null }, ctx.viewer.name)),
    ),
  disable: procedureFor(ADMIN)
    .input(z.object({ username }))
    .mutation(({ ctx, input }) => {
      // an admin cannot lock itself out (and with it, maybe, the last way in)
      if (input.username === ctx.viewer.name) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'you cannot disable your own account / 不能停用自己的账户' });
      }
      return accountCall(() => disableUser(ctx.db, input.username, ctx.viewer.name));
    }),
  enable: procedureFor(ADMIN)
    .input(z.object({ username }))
    .mutation(({ ctx, input }) => accountCall(() => enableUser(ctx.db, input.username, ctx.viewer.name))),
  setPassword: procedureFor(ADMIN)
    .input(z.object({ username, password }))
    .mutation(({ ctx, input }) => accountCall(() => setPassword(ctx.db, input.username, input.password, ctx.viewer.name))),
});
