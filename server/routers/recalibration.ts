import { z } from 'zod';
import { recalibrationOptionsSchema, trimMethodSchema } from '@/worker/recalibration/options';
import { procedureFor, router } from '../trpc';
import { BUREAU } from '../auth/policy';
import { mapDomainErrors } from './errors';
import { applyRecalibration, computeRecalibration, drgCostHistogram } from '../services/recalibration';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters / 不能含控制字符');

// policy staff and the panel draft (权重测算 is drafting); hospital users never see another hospital's costs
const procedure = procedureFor(BUREAU).use(mapDomainErrors);

export const recalibrationRouter = router({
  /** ANALYSIS.md §C for a data set from one of its rounds: one row per DRG with a weight, the city before and after */
  compute: procedure
    .input(z.object({ datasetId: id, roundId: id, options: recalibrationOptionsSchema }))
    .query(({ ctx, input }) => computeRecalibration(ctx.db, input.datasetId, input.roundId, input.options)),

  /** one DRG's used costs in bins, kept and trimmed apart, with the trim's bounds */
  histogram: procedure
    .input(z.object({ datasetId: id, roundId: id, drgCode: z.string().min(1).max(32), trim: trimMethodSchema }))
    .query(({ ctx, input }) => drgCostHistogram(ctx.db, input.datasetId, input.roundId, input.drgCode, input.trim)),

  /** 应用为新草稿轮次: the new weights and benchmark costs as a child draft of the round (audited) */
  createDraft: procedure
    .input(z.object({ datasetId: id, roundId: id, roundVersion: id, options: recalibrationOptionsSchema, name }))
    .mutation(({ ctx, input }) => applyRecalibration(ctx.db, ctx.viewer.name, input)),
});
