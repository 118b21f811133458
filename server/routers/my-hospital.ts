import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { procedureFor, router } from '../trpc';
import { SIGNED_IN } from '../auth/policy';
import { mapDomainErrors } from './errors';
import { hospitalComparison, hospitalRoundCases, visibleRounds } from '../services/hospital-view';
import { hospitalAttribution } from '../services/hospital-attribution';
import { outlierQueryFields } from './settlement';
import type { Viewer } from '../context';

const id = z.number().int().positive();
const procedure = procedureFor(SIGNED_IN).use(mapDomainErrors);

/** The hospital a viewer asks about: a hospital user's own, always; the bureau's side names one. */
function hospitalOf(viewer: Viewer, asked: string | undefined): string {
  if (viewer.role === 'hospital') {
    if (!viewer.hospitalCode) throw new TRPCError({ code: 'FORBIDDEN', message: '账户未绑定机构 / the account has no hospital' });
    if (asked !== undefined && asked !== viewer.hospitalCode) throw new TRPCError({ code: 'FORBIDDEN', message: '只能查看本院 / only your own hospital' });
    return viewer.hospitalCode;
  }
  if (!asked) throw new TRPCError({ code: 'BAD_REQUEST', message: 'hospitalCode is required / 请指定机构' });
  return asked;
}

/** 本院视图: a hospital's view of the rounds, settled on the server and cut to that hospital and the city's totals. */
export const myHospitalRouter = router({
  rounds: procedure.input(z.object({ datasetId: id })).query(({ ctx, input }) => visibleRounds(ctx.db, input.datasetId, ctx.viewer.role === 'hospital')),

  compare: procedure
    .input(z.object({ datasetId: id, baselineId: id, roundId: id, hospitalCode: z.string().min(1).max(32).optional() }))
    .query(({ ctx, input }) =>
      hospitalComparison(ctx.db, {
        datasetId: input.datasetId,
        baselineId: input.baselineId,
        roundId: input.roundId,
        hospitalCode: hospitalOf(ctx.viewer, input.hospitalCode),
        hospitalUser: ctx.viewer.role === 'hospital',
      }),
    ),

  /** 本院变动归因: the hospital's change split over the five lever families, and its weights part by DRG */
  attribution: procedure
    .input(z.object({ datasetId: id, baselineId: id, roundId: id, hospitalCode: z.string().min(1).max(32).optional() }))
    .query(({ ctx, input }) =>
      hospitalAttribution(ctx.db, {
        datasetId: input.datasetId,
        baselineId: input.baselineId,
        roundId: input.roundId,
        hospitalCode: hospitalOf(ctx.viewer, input.hospitalCode),
        hospitalUser: ctx.viewer.role === 'hospital',
      }),
    ),

  /** a page of the hospital's outlier cases under a round (its own hospital, for a hospital user) */
  outlierCases: procedure
    .input(z.object({ datasetId: id, roundId: id, hospitalCode: z.string().min(1).max(32).optional(), ...outlierQueryFields }))
    .query(({ ctx, input }) => {
      const { datasetId, roundId, hospitalCode, ...query } = input;
      return hospitalRoundCases(ctx.db, { datasetId, roundId, hospitalCode: hospitalOf(ctx.viewer, hospitalCode), hospitalUser: ctx.viewer.role === 'hospital', query });
    }),
});
