import { TRPCError } from '@trpc/server';
import { DomainError } from '../services/errors';
import { middleware } from '../trpc';

const CODES = { NOT_FOUND: 'NOT_FOUND', LOCKED: 'FORBIDDEN', INVALID: 'BAD_REQUEST', CONFLICT: 'CONFLICT', FORBIDDEN: 'FORBIDDEN' } as const;

/** Turns a service's DomainError into the tRPC error of the same meaning, keeping its message. */
export const mapDomainErrors = middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: CODES[cause.kind], message: cause.message, cause });
  }
  return result;
});
