import { createCallerFactory, router } from '../trpc';
import { datasetsRouter } from './datasets';
import { roundsRouter } from './rounds';
import { settlementRouter } from './settlement';

export const appRouter = router({
  datasets: datasetsRouter,
  rounds: roundsRouter,
  settlement: settlementRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
