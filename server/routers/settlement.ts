import { z } from 'zod';
import { procedureFor, router } from '../trpc';
import { BUREAU } from '../auth/policy';
import { mapDomainErrors } from './errors';
import { hospitalOutlierCases } from '../services/hospital-cases';
import { OUTLIER_CLASSES, OUTLIER_PAGE_MAX, OUTLIER_SORTS } from '../services/outlier-query';
import { validateParams } from '../services/rounds';
import { serverFingerprint } from '../services/fingerprint';

const procedure = procedureFor(BUREAU).use(mapDomainErrors);

/** a page of a hospital's outlier cases: bounded so that no request asks for a hospital's every case at once */
export const outlierQueryFields = {
  caseClass: z.enum(OUTLIER_CLASSES).nullable().default(null),
  sort: z.enum(OUTLIER_SORTS).default('case'),
  descending: z.boolean().default(false),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(OUTLIER_PAGE_MAX).default(100),
};

const outlierCasesInput = z.object({
  datasetId: z.number().int().positive(),
  hospitalCode: z.string().min(1).max(64),
  params: z.record(z.string(), z.unknown()),
  ...outlierQueryFields,
});

export const settlementRouter = router({
  /** one page of the cases of a hospital a round pays other than as normal cases, with their class and points, and their count */
  hospitalCases: procedure
    .input(outlierCasesInput)
    .query(({ ctx, input }) => {
      const { datasetId, hospitalCode, params, ...query } = input;
      return hospitalOutlierCases(ctx.db, datasetId, validateParams(params), hospitalCode, query);
    }),

  /** the Node engine's fingerprint of a saved round's result (the self-check compares it with the browser's) */
  fingerprint: procedure.input(z.object({ roundId: z.number().int().positive() })).query(({ ctx, input }) => serverFingerprint(ctx.db, input.roundId)),
});
