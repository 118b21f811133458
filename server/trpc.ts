/**
 * 1. tRPC initialisation: one instance, the context type, the error formatter.
 * 2. Building blocks: `router`, `publicProcedure`, `createCallerFactory`.
 */
import { initTRPC } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Context } from './context';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
