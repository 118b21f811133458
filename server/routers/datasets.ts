import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { procedureFor, router } from '../trpc';
import { BUREAU, SIGNED_IN } from '../auth/policy';
import { mapDomainErrors } from './errors';
import { catalogWithVolume, getDatasetSummary, hospitalTotals, listDatasets } from '../services/dataset-queries';
import { drgCostStats } from '../services/drg-cost-stats';

// the bureau's side; a service's DomainError (an unknown data set) becomes its tRPC error (404)
const bureau = procedureFor(BUREAU).use(mapDomainErrors);

const datasetId = z.object({ datasetId: z.number().int().positive() });

export const datasetsRouter = router({
  /** 数据集 list, newest first */
  list: procedureFor(SIGNED_IN).query(({ ctx }) => listDatasets(ctx.db)),

  get: bureau.input(datasetId).query(({ ctx, input }) => {
    const summary = getDatasetSummary(ctx.db, input.datasetId);
    if (!summary) throw new TRPCError({ code: 'NOT_FOUND', message: `data set ${input.datasetId} not found` });
    return summary;
  }),

  /** hospitals of a data set with their case count and total cost */
  hospitals: bureau.input(datasetId).query(({ ctx, input }) => hospitalTotals(ctx.db, input.datasetId)),

  /** the DRG catalog with each DRG's case count */
  catalog: bureau.input(datasetId).query(({ ctx, input }) => catalogWithVolume(ctx.db, input.datasetId)),

  /** each DRG's mean cost per case and CV of its cases (what a formula edit reads as mean_cost, cv) */
  drgCostStats: bureau.input(datasetId).query(({ ctx, input }) => drgCostStats(ctx.db, input.datasetId)),
});
