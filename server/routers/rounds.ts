import { z } from 'zod';
import { ROUND_STATUSES } from '@/db/schema';
import { procedureFor, router } from '../trpc';
import { TRPCError } from '@trpc/server';
import { allows, BUREAU, POLICY_STAFF } from '../auth/policy';
import { mapDomainErrors } from './errors';
import { createRound, deleteRound, getRound, listRounds, setRoundStatus, updateRound } from '../services/rounds';
import { diffRoundsById } from '../services/round-diff';
import { createFirstRound, planFirstRound } from '../services/first-round';
import { MAX_EDIT_NOTE_LENGTH, MAX_EDIT_NOTES } from '@/app/lib/edit-notes';

const id = z.number().int().positive();
// texts are bounded and hold no control characters (a reason may have line breaks and tabs)
const name = z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters / 不能含控制字符');
const reason = z.string().max(2000).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'no control characters / 不能含控制字符').nullable();
/** round parameters are validated by the engine's round schema inside the service */
const params = z.record(z.string(), z.unknown());
/** what a save notes in the round's history (the formula edits it carries), bounded, no control characters */
const notes = z
  .array(z.string().max(MAX_EDIT_NOTE_LENGTH).regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters / 不能含控制字符'))
  .max(MAX_EDIT_NOTES)
  .optional();

/** a data set's first round: the §6 defaults, or a copy of another data set's round */
const firstRoundSource = z.discriminatedUnion('kind', [z.object({ kind: z.literal('defaults') }), z.object({ kind: z.literal('copy'), roundId: id })]);

// the bureau's side; hospital users see rounds through the hospital view's procedures, cut to their hospital
const procedure = procedureFor(BUREAU).use(mapDomainErrors);

export const roundsRouter = router({
  list: procedure.input(z.object({ datasetId: id })).query(({ ctx, input }) => listRounds(ctx.db, input.datasetId)),

  get: procedure.input(z.object({ id })).query(({ ctx, input }) => getRound(ctx.db, input.id)),

  /** 新建轮次: a child copies its parent's parameters unless new ones are given */
  create: procedure
    .input(z.object({ datasetId: id, name, reason: reason.optional(), parentId: id.nullable().optional(), params: params.optional(), notes }))
    .mutation(({ ctx, input }) =>
      createRound(ctx.db, ctx.viewer.name, {
        datasetId: input.datasetId,
        name: input.name,
        reason: input.reason ?? null,
        parentId: input.parentId ?? null,
        ...(input.params ? { params: input.params } : {}),
        ...(input.notes?.length ? { notes: input.notes } : {}),
      }),
    ),

  /** what a data set's first round would hold, and which copied overrides it would drop */
  planFirst: procedure
    .input(z.object({ datasetId: id, source: firstRoundSource }))
    .query(({ ctx, input }) => planFirstRound(ctx.db, input.datasetId, input.source)),

  /** 建立第一轮 of a data set that has no round yet */
  createFirst: procedure
    .input(z.object({ datasetId: id, name, reason: reason.optional(), source: firstRoundSource }))
    .mutation(({ ctx, input }) =>
      createFirstRound(ctx.db, ctx.viewer.name, { datasetId: input.datasetId, name: input.name, reason: input.reason ?? null, source: input.source }),
    ),

  update: procedure
    .input(
      z.object({
        id,
        name: name.optional(),
        reason: reason.optional(),
        params: params.optional(),
        /** only the parameters that changed, by leaf path (null: back to the default) */
        paramsPatch: params.optional(),
        version: z.number().int().positive().optional(),
        notes,
      }),
    )
    .mutation(({ ctx, input }) => {
      const { id: roundId, ...patch } = input;
      return updateRound(ctx.db, ctx.viewer.name, roundId, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.reason !== undefined ? { reason: patch.reason } : {}),
        ...(patch.params !== undefined ? { params: patch.params } : {}),
        ...(patch.paramsPatch !== undefined ? { paramsPatch: patch.paramsPatch } : {}),
        ...(patch.version !== undefined ? { version: patch.version } : {}),
        ...(patch.notes?.length ? { notes: patch.notes } : {}),
      });
    }),

  setStatus: procedure
    .input(z.object({ id, status: z.enum(ROUND_STATUSES) }))
    .mutation(({ ctx, input }) => {
      // only policy staff lock a round (经办 publishes it); the panel proposes and agrees
      if (input.status === 'locked' && !allows(POLICY_STAFF, ctx.viewer.role)) {
        throw new TRPCError({ code: 'FORBIDDEN', message: '只有经办人员可以锁定轮次 / only policy staff lock a round' });
      }
      return setRoundStatus(ctx.db, ctx.viewer.name, input.id, input.status);
    }),

  delete: procedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteRound(ctx.db, ctx.viewer.name, input.id)),

  /** 参数对比: which weights, rates, coefficients and rules differ between two rounds, old → new */
  diff: procedure.input(z.object({ fromId: id, toId: id })).query(({ ctx, input }) => diffRoundsById(ctx.db, input.fromId, input.toId)),
});
