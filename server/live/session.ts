/**
 * 现场谈判 — one live session as a value, and the pure steps that change it: a presenter's change (parameters
 * whole or as a leaf-path patch), a hand-over, the end. No I/O: the store (store.ts) keeps sessions, audits and
 * relays; these functions decide, and say why they refuse.
 */
import type { Role } from '@/db/schema';
import { parseRoundParams, type RoundParams } from '@/worker/settlement/round';
import { applyParamsPatch, paramsPatch, type Params } from '@/worker/settlement/params-patch';
import type { LiveMeta, RoundRef, StateBody } from './protocol';

export interface LiveUser {
  userId: number;
  username: string;
  role: Role;
  hospitalCode: string | null;
}

/** The session's state: what followers are shown, and who may change it. */
export interface LiveCore {
  meta: LiveMeta;
  /** the presenter's current parameters, unsaved edits included */
  params: RoundParams;
  presenterUserId: number;
  /** the presenter's last accepted post (`seq`); a hand-over starts it again */
  presenterSeq: number;
}

/** The rounds a state names, as found in the database. */
export interface RoundsShown {
  round: LiveMeta['round'];
  baseline: RoundRef;
  compared: RoundRef[];
}

export interface Refusal {
  status: 400 | 403 | 404 | 409 | 410;
  zh: string;
  en: string;
  /** 409 on a patch of another version: the presenter sends its parameters whole */
  sendWhole?: boolean;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

const refuse = (status: Refusal['status'], zh: string, en: string, extra: Partial<Refusal> = {}): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { status, zh, en, ...extra },
});

/** The panel (专家组) and policy staff (经办) present and take a session over; everyone else only follows. */
export function mayPresent(role: Role): boolean {
  return role === 'policy' || role === 'panel';
}

export function newSession(input: { id: string; presenter: LiveUser; datasetId: number; shown: RoundsShown; params: RoundParams; dirty: boolean; now: Date }): LiveCore {
  return {
    meta: {
      id: input.id,
      version: 1,
      presenter: input.presenter.username,
      datasetId: input.datasetId,
      ...input.shown,
      dirty: input.dirty,
      canUndo: false,
      canRedo: false,
      change: { kind: 'start', label: null },
      startedAt: input.now.toISOString(),
      ended: false,
    },
    params: input.params,
    presenterUserId: input.presenter.userId,
    presenterSeq: 0,
  };
}

/** Round parameters as posted, checked by the round schema (SETTLEMENT.md §6): the first error names path and reason. */
export function checkedParams(json: unknown): Outcome<{ params: RoundParams }> {
  const parsed = parseRoundParams(json);
  if (parsed.ok) return { ok: true, params: parsed.params };
  const first = parsed.errors[0]!;
  return refuse(400, `参数无效：${first.path} ${first.reason}`, `invalid parameters: ${first.path} ${first.reason}`);
}

function presenterCheck(core: LiveCore, user: LiveUser): { ok: false; refusal: Refusal } | null {
  if (core.meta.ended) return refuse(410, '现场谈判已结束', 'the live session has ended');
  if (user.userId !== core.presenterUserId) return refuse(403, '只有主讲人可以推送调整', 'only the presenter may push changes');
  return null;
}

/**
 * The presenter's change: its parameters (whole, or a patch of the current version), the rounds it shows and its
 * undo state. Returns the new state and the patch from the old parameters to the new (what bureau followers get).
 */
export function applyStateChange(core: LiveCore, user: LiveUser, body: StateBody, shown: RoundsShown): Outcome<{ core: LiveCore; patch: Params }> {
  const denied = presenterCheck(core, user);
  if (denied) return denied;
  if (body.seq <= core.presenterSeq) return refuse(409, `推送顺序号 ${body.seq} 已过时（已收到 ${core.presenterSeq}）`, `push ${body.seq} is stale (${core.presenterSeq} received)`);
  if (body.patch !== undefined && body.base !== core.meta.version) {
    return refuse(409, `补丁基于版本 ${body.base}，当前为 ${core.meta.version}：请发送完整参数`, `the patch is of version ${body.base}, the session is at ${core.meta.version}: send the parameters whole`, { sendWhole: true });
  }
  const next = checkedParams(body.patch !== undefined ? applyParamsPatch(core.params as Params, body.patch) : body.params);
  if (!next.ok) return next;
  const meta: LiveMeta = {
    ...core.meta,
    ...shown,
    version: core.meta.version + 1,
    dirty: body.dirty,
    canUndo: body.canUndo,
    canRedo: body.canRedo,
    change: body.change,
  };
  return { ok: true, core: { ...core, meta, params: next.params, presenterSeq: body.seq }, patch: paramsPatch(core.params as Params, next.params as Params) };
}

/** The presenter hands the session to another user of the bureau's side (one following it: it sees the hand-over). */
export function handOver(core: LiveCore, user: LiveUser, to: LiveUser | null): Outcome<{ core: LiveCore }> {
  const denied = presenterCheck(core, user);
  if (denied) return denied;
  if (!to) return refuse(404, '接手人不在本次现场谈判中', 'the user taking over does not follow this session');
  if (!mayPresent(to.role)) return refuse(403, `${to.username} 的角色不能主讲`, `${to.username}'s role may not present`);
  if (to.userId === user.userId) return refuse(400, '已是主讲人', 'already the presenter');
  const meta: LiveMeta = { ...core.meta, version: core.meta.version + 1, presenter: to.username, change: { kind: 'handover', label: null } };
  return { ok: true, core: { ...core, meta, presenterUserId: to.userId, presenterSeq: 0 } };
}

export function endLive(core: LiveCore, user: LiveUser | null): Outcome<{ core: LiveCore }> {
  if (user) {
    const denied = presenterCheck(core, user);
    if (denied) return denied;
  }
  return { ok: true, core: { ...core, meta: { ...core.meta, version: core.meta.version + 1, ended: true } } };
}

/** The meta as a hospital user gets it: no labels (a hospital coefficient's names the hospital). */
export function hospitalMeta(meta: LiveMeta): LiveMeta {
  return { ...meta, change: { kind: meta.change.kind, label: null } };
}
