import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { publicProcedure, router } from '../trpc';
import { catalogWithVolume, getDatasetSummary, hospitalTotals, listDatasets } from '../services/dataset-queries';

const datasetId = z.object({ datasetId: z.number().int().positive() });

export const datasetsRouter = router({
  /** 数据集 list, newest first */
  list: publicProcedure.query(({ ctx }) => listDatasets(ctx.db)),

  get: publicProcedure.input(datasetId).query(({ ctx, input }) => {
    const summary = getDatasetSummary(ctx.db, input.datasetId);
    if (!summary) throw new TRPCError({ code: 'NOT_FOUND', message: `data set ${input.datasetId} not found` });
    return summary;
  }),

  /** hospitals of a data set with their case count and total cost */
  hospitals: publicProcedure.input(datasetId).query(({ ctx, input }) => hospitalTotals(ctx.db, input.datasetId)),

  /** the DRG catalog with each DRG's case count */
  catalog: publicProcedure.input(datasetId).query(({ ctx, input }) => catalogWithVolume(ctx.db, input.datasetId)),
});
