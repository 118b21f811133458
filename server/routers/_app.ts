import { createCallerFactory, router } from '../trpc';
import { datasetsRouter } from './datasets';
import { roundsRouter } from './rounds';

export const appRouter = router({
  datasets: datasetsRouter,
  rounds: roundsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
