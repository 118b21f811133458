import { z } from 'zod';
import { REQUEST_STATUSES } from '@/db/schema';
import { procedureFor, router } from '../trpc';
import { BUREAU, SIGNED_IN } from '../auth/policy';
import { mapDomainErrors } from './errors';
import { createRequest, getRequest, listRequests, submitRequest, updateRequest, withdrawRequest } from '../services/requests';
import { acceptRequests, combinedRequestParams, rejectRequest } from '../services/request-decisions';
import { requestImpact, requestLevers } from '../services/request-impact';
import { removeAttachment } from '../services/request-attachments';
import { longText, REQUEST_LIMITS, requestChangesSchema, requestItemsSchema, requestTitle } from '../services/request-items';

const id = z.number().int().positive();
const hospitalCode = z.string().min(1).max(32).optional();
const ids = z.array(id).min(1).max(REQUEST_LIMITS.combined);
// hospital users: their own hospital's requests only (the services cut and check); the bureau: all but drafts
const signedIn = procedureFor(SIGNED_IN).use(mapDomainErrors);
const bureau = procedureFor(BUREAU).use(mapDomainErrors);

/** 医院诉求: hospitals write and submit requests on a proposed round; the bureau accepts or rejects them. */
export const requestsRouter = router({
  list: signedIn
    .input(z.object({ datasetId: id, status: z.enum(REQUEST_STATUSES).optional(), roundId: id.optional() }))
    .query(({ ctx, input }) => listRequests(ctx.db, ctx.viewer, input)),

  get: signedIn.input(z.object({ id })).query(({ ctx, input }) => getRequest(ctx.db, ctx.viewer, input.id)),

  /** the current value of each lever a request may change, for the viewer's own hospital */
  levers: signedIn
    .input(z.object({ datasetId: id, roundId: id, hospitalCode }))
    .query(({ ctx, input }) => requestLevers(ctx.db, ctx.viewer, input)),

  /** the hospital's statement and the city's totals under the round and under the round with these changes */
  impact: signedIn
    .input(z.object({ datasetId: id, roundId: id, items: requestChangesSchema, hospitalCode }))
    .query(({ ctx, input }) => requestImpact(ctx.db, ctx.viewer, input)),

  create: signedIn
    .input(z.object({ datasetId: id, roundId: id, title: requestTitle, items: requestItemsSchema }))
    .mutation(({ ctx, input }) => createRequest(ctx.db, ctx.viewer, input)),

  update: signedIn
    .input(z.object({ id, title: requestTitle.optional(), items: requestItemsSchema.optional() }))
    .mutation(({ ctx, input }) => updateRequest(ctx.db, ctx.viewer, input.id, { title: input.title, items: input.items })),

  submit: signedIn.input(z.object({ id })).mutation(({ ctx, input }) => submitRequest(ctx.db, ctx.viewer, input.id)),

  withdraw: signedIn.input(z.object({ id })).mutation(({ ctx, input }) => withdrawRequest(ctx.db, ctx.viewer, input.id)),

  removeAttachment: signedIn.input(z.object({ id })).mutation(({ ctx, input }) => removeAttachment(ctx.db, ctx.viewer, input.id)),

  /** the round's parameters with the selected requests' changes: the workbench applies them as an unsaved edit */
  combined: bureau.input(z.object({ ids })).query(({ ctx, input }) => combinedRequestParams(ctx.db, ctx.viewer, input.ids)),

  /** 采纳: one draft child round carrying the selected requests' changes */
  accept: bureau.input(z.object({ ids })).mutation(({ ctx, input }) => acceptRequests(ctx.db, ctx.viewer, input.ids)),

  reject: bureau
    .input(z.object({ id, reason: longText(REQUEST_LIMITS.rejectReasonChars) }))
    .mutation(({ ctx, input }) => rejectRequest(ctx.db, ctx.viewer, input.id, input.reason)),
});
