import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers/_app';

/** A round as the client receives it from trpc.rounds.list. */
export type RoundSummary = inferRouterOutputs<AppRouter>['rounds']['list'][number];
