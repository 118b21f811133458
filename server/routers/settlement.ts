import { z } from 'zod';
import { publicProcedure, router } from '../trpc';
import { mapDomainErrors } from './errors';
import { hospitalOutlierCases } from '../services/hospital-cases';
import { validateParams } from '../services/rounds';
import { serverFingerprint } from '../services/fingerprint';

const procedure = publicProcedure.use(mapDomainErrors);

export const settlementRouter = router({
  /** the cases of one hospital a round pays other than as normal cases, with their class and points */
  hospitalCases: procedure
    .input(z.object({ datasetId: z.number().int().positive(), hospitalCode: z.string().min(1), params: z.record(z.string(), z.unknown()) }))
    .query(({ ctx, input }) => hospitalOutlierCases(ctx.db, input.datasetId, validateParams(input.params), input.hospitalCode)),

  /** the Node engine's fingerprint of a saved round's result (the self-check compares it with the browser's) */
  fingerprint: procedure.input(z.object({ roundId: z.number().int().positive() })).query(({ ctx, input }) => serverFingerprint(ctx.db, input.roundId)),
});
