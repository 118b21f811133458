import { createCallerFactory, router } from '../trpc';
import { datasetsRouter } from './datasets';

export const appRouter = router({
  datasets: datasetsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
