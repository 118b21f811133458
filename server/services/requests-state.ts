/**
 * 诉求状态 — who may move a hospital request from which state to which, as a pure function of the viewer and the
 * request: draft → submitted → accepted | rejected, and draft or submitted → withdrawn. A hospital user sees its own
 * hospital's requests and edits, submits and withdraws those it wrote; the bureau (panel, policy staff, admin)
 * sees every request and accepts or rejects submitted ones. Another hospital's request does not exist for it.
 */
import type { RequestStatus, Role } from '@/db/schema';

export type RequestAction = 'edit' | 'submit' | 'withdraw' | 'accept' | 'reject';

/** the state each action leads to, from the states it may start in */
const TRANSITIONS: Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }> = {
  edit: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn' },
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
};

/** the actions of the request's author (a hospital user), and those of the bureau */
const AUTHOR_ACTIONS: readonly RequestAction[] = ['edit', 'submit', 'withdraw'];
const BUREAU_ACTIONS: readonly RequestAction[] = ['accept', 'reject'];

export interface RequestActor {
  role: Role;
  userId?: number | undefined;
  hospitalCode?: string | null | undefined;
}

export interface RequestOwnership {
  status: RequestStatus;
  hospitalCode: string;
  authorId: number | null;
}

/** A refusal, in Chinese and English; `NOT_FOUND` where saying more would tell a hospital about another's request. */
export interface Refusal {
  kind: 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID';
  zh: string;
  en: string;
}

export type Decision = { ok: true; to: RequestStatus } | { ok: false; refusal: Refusal };

const STATUS_ZH: Record<RequestStatus, string> = { draft: '草稿', submitted: '已提交', accepted: '已采纳', rejected: '未采纳', withdrawn: '已撤回' };
const ACTION_ZH: Record<RequestAction, string> = { edit: '修改', submit: '提交', withdraw: '撤回', accept: '采纳', reject: '不采纳' };
const DONE_EN: Record<RequestAction, string> = { edit: 'edited', submit: 'submitted', withdraw: 'withdrawn', accept: 'accepted', reject: 'rejected' };

export function isBureau(role: Role): boolean {
  return role === 'admin' || role === 'policy' || role === 'panel';
}

/** Whether the viewer may see the request at all: the bureau every one, a hospital user its own hospital's. */
export function mayView(actor: RequestActor, request: Pick<RequestOwnership, 'hospitalCode'>): boolean {
  if (isBureau(actor.role)) return true;
  return actor.role === 'hospital' && !!actor.hospitalCode && actor.hospitalCode === request.hospitalCode;
}

/** Whether the viewer may start a request at all (a hospital user bound to a hospital). */
export function mayCreate(actor: RequestActor): Refusal | null {
  if (actor.role !== 'hospital') return { kind: 'FORBIDDEN', zh: '诉求由医院代表提出', en: 'requests are made by hospital representatives' };
  if (!actor.hospitalCode) return { kind: 'FORBIDDEN', zh: '账户未绑定机构', en: 'the account has no hospital' };
  return null;
}

/** What `action` by `actor` does to `request`: the state it leads to, or why it is refused. */
export function decide(actor: RequestActor, request: RequestOwnership, action: RequestAction): Decision {
  if (!mayView(actor, request)) return { ok: false, refusal: { kind: 'NOT_FOUND', zh: '诉求不存在', en: 'request not found' } };
  if (AUTHOR_ACTIONS.includes(action)) {
    const author = actor.role === 'hospital' && actor.userId !== undefined && actor.userId === request.authorId;
    if (!author) return { ok: false, refusal: { kind: 'FORBIDDEN', zh: `只有诉求的提出人可以${ACTION_ZH[action]}`, en: `only the request's author may ${action} it` } };
  }
  if (BUREAU_ACTIONS.includes(action) && !isBureau(actor.role)) {
    return { ok: false, refusal: { kind: 'FORBIDDEN', zh: `只有专家组或经办可以${ACTION_ZH[action]}诉求`, en: `only the panel or policy staff may ${action} a request` } };
  }
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(request.status)) {
    return {
      ok: false,
      refusal: { kind: 'INVALID', zh: `${STATUS_ZH[request.status]}的诉求不能${ACTION_ZH[action]}`, en: `a ${request.status} request cannot be ${DONE_EN[action]}` },
    };
  }
  return { ok: true, to: transition.to };
}

/** The actions the viewer may take on the request now (the buttons a page shows). */
export function allowedActions(actor: RequestActor, request: RequestOwnership): RequestAction[] {
  return (Object.keys(TRANSITIONS) as RequestAction[]).filter((action) => decide(actor, request, action).ok);
}
