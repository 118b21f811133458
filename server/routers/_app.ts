import { createCallerFactory, router } from '../trpc';
import { datasetsRouter } from './datasets';
import { roundsRouter } from './rounds';
import { settlementRouter } from './settlement';
import { myHospitalRouter } from './my-hospital';
import { auditRouter } from './audit';
import { recalibrationRouter } from './recalibration';
import { accountsRouter } from './accounts';
import { requestsRouter } from './requests';

export const appRouter = router({
  datasets: datasetsRouter,
  rounds: roundsRouter,
  settlement: settlementRouter,
  myHospital: myHospitalRouter,
  audit: auditRouter,
  recalibration: recalibrationRouter,
  accounts: accountsRouter,
  requests: requestsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
